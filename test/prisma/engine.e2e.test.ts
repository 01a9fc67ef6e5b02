// The real prisma CLI driving the WebAssembly schema engine (prisma/engine/), offline, on a
// throwaway project per database: generate, migrate dev, deploy, status, a schema change and diff.
// It pins the Prisma internals the engine adapter relies on: an upgrade that breaks them fails
// here. Each database's journey is one test, and the two journeys run at the same time.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, type ExpectStatic, it } from 'vitest';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
} from '../support/databases.ts';
import { runPrisma } from './prisma-cli.ts';

const JOURNEY_TIMEOUT_MS = 180_000;

const CONFIG = `export default {
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL },
};
`;

function schema(provider: string, extraField = ''): string {
  return `generator client {
  provider = "prisma-client"
  output   = "./generated"
}

datasource db {
  provider = "${provider}"
}

model Note {
  id   Int    @id @default(autoincrement())
  text String${extraField}
}
`;
}

interface Databases {
  /** The development database `migrate dev` works on. */
  dev: string;
  /** A database nothing has touched, for `migrate deploy`. */
  fresh: string;
}

/** Runs every step in order on a new project folder; a failure names its step. */
async function journey(provider: 'sqlite' | 'postgresql', db: Databases, expect: ExpectStatic) {
  const dir = mkdtempSync(join(tmpdir(), `engine-e2e-${provider}-`));
  const file = (...parts: string[]) => readFileSync(join(dir, ...parts), 'utf8');
  const migrations = () =>
    readdirSync(join(dir, 'migrations')).filter((name) => !name.endsWith('.toml'));
  const prisma = async (step: string, args: string[], url = db.dev) => {
    const run = await runPrisma(dir, args, { DATABASE_URL: url });
    expect(run.code, `${step}\n${run.stdout}${run.stderr}`).toBe(0);
    return run.stdout;
  };
  writeFileSync(join(dir, 'prisma.config.ts'), CONFIG);
  writeFileSync(join(dir, 'schema.prisma'), schema(provider));
  try {
    await prisma('generate', ['generate']);
    expect(existsSync(join(dir, 'generated', 'client.ts'))).toBe(true);

    await prisma('first migration', ['migrate', 'dev', '--name', 'init']);
    const [first] = migrations();
    expect(first).toMatch(/^\d{14}_init$/);
    expect(file('migrations', String(first), 'migration.sql')).toContain('CREATE TABLE "Note"');
    expect(file('migrations', 'migration_lock.toml')).toContain(`provider = "${provider}"`);

    const deployed = await prisma('deploy', ['migrate', 'deploy'], db.fresh);
    expect(deployed).toContain('All migrations have been successfully applied.');
    const status = await prisma('status', ['migrate', 'status'], db.fresh);
    expect(status).toContain('Database schema is up to date!');

    writeFileSync(join(dir, 'schema.prisma'), schema(provider, '\n  done Boolean?'));
    await prisma('second migration', ['migrate', 'dev', '--name', 'add_done']);
    const added = migrations().find((name) => name.endsWith('_add_done'));
    expect(file('migrations', String(added), 'migration.sql')).toMatch(
      /ALTER TABLE "Note" ADD COLUMN\s+"done" BOOLEAN/,
    );

    // Replaying the history on a shadow database, then printing what a further change needs.
    writeFileSync(join(dir, 'schema.prisma'), schema(provider, '\n  done Boolean?\n  tag String?'));
    const sql = await prisma('diff', [
      'migrate',
      'diff',
      '--from-migrations',
      'migrations',
      '--to-schema',
      'schema.prisma',
      '--script',
    ]);
    expect(sql).toMatch(/ALTER TABLE "Note" ADD COLUMN\s+"tag" TEXT/);
    expect(sql).not.toContain('"done"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const title = 'generates, creates two migrations, deploys, reports status and diffs, offline';

describe('schema engine end to end', () => {
  it.concurrent(`SQLite: ${title}`, { timeout: JOURNEY_TIMEOUT_MS }, async ({ expect }) => {
    // Relative to the project folder, where the CLI runs its engine.
    await journey('sqlite', { dev: 'file:./dev.db', fresh: 'file:./deployed/fresh.db' }, expect);
  });

  reportPostgresSkip('schema engine end to end');

  it.skipIf(!TEST_POSTGRES_URL).concurrent(
    `PostgreSQL: ${title}`,
    { timeout: JOURNEY_TIMEOUT_MS },
    async ({ expect }) => {
      const dev = await createPostgresDatabase('engine_e2e_dev');
      const fresh = await createPostgresDatabase('engine_e2e_fresh');
      try {
        await journey('postgresql', { dev: dev.url, fresh: fresh.url }, expect);
      } finally {
        await dev.drop();
        await fresh.drop();
      }
    },
  );
});
