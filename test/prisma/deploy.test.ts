// deployMigrations is what every start runs: it applies the project's pending migrations in
// process, with the WebAssembly schema engine, to SQLite or PostgreSQL.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { deployMigrations } from '../../prisma/engine/deploy.ts';
import { migrationNames, projectMigrationsFolder } from '../../prisma/engine/migrations.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
  tempSqliteUrl,
} from '../support/databases.ts';
import { ROOT } from './prisma-cli.ts';

const DEPLOY_MODULE = join(ROOT, 'prisma/engine/deploy.ts');
const WASM_MODULE = join(ROOT, 'prisma/engine/wasm.ts');
/** Left alone, the engine's timers would hold a finished process for 10 to 60 seconds. */
const EXIT_DELAY_LIMIT_MS = 3_000;

/** Runs a module script in a new process; resolves to its standard output. */
function runScript(script: string): Promise<string> {
  return new Promise((done, fail) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT },
      (error, out) => (error ? fail(error) : done(out.trim())),
    ),
  );
}

/** A migration that started and never finished, as a crash in the middle would leave it. */
const FAILED_MIGRATION = '20990101000000_half_done';
const INSERT_FAILED_MIGRATION =
  'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) ' +
  `VALUES ('x', 'x', '${FAILED_MIGRATION}', CURRENT_TIMESTAMP, 0)`;

/** Deploys from a new process, as a restart does: what it applied and whether it loaded the engine. */
async function redeployInNewProcess(url: string): Promise<unknown> {
  const script = `const { deployMigrations } = await import(${JSON.stringify(DEPLOY_MODULE)});
    const { schemaEngineLoaded } = await import(${JSON.stringify(WASM_MODULE)});
    const { applied } = await deployMigrations(${JSON.stringify(url)});
    console.log(JSON.stringify({ applied, engineLoaded: schemaEngineLoaded() }));`;
  return JSON.parse(await runScript(script));
}

/** Runs deployMigrations in a new process; returns how long the process lived after it. */
async function exitDelayAfterDeploy(url: string): Promise<number> {
  const script = `const { deployMigrations } = await import(${JSON.stringify(DEPLOY_MODULE)});
    await deployMigrations(${JSON.stringify(url)});
    console.log(Date.now());`;
  const out = await runScript(script);
  return Date.now() - Number(out);
}

/** The tables the schema's models map to (every model is a table of its own name here). */
function modelTables(): string[] {
  const schema = readFileSync(join(ROOT, 'prisma/schema.prisma'), 'utf8');
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => String(match[1])).sort();
}

describe('deployMigrations on SQLite', () => {
  it('creates the database file and its folder, with every table', async () => {
    const temp = tempSqliteUrl();
    try {
      const url = `file:${join(temp.dir, 'nested', 'folder', 'organizer.db')}`;
      const { applied } = await deployMigrations(url);
      expect(applied).toEqual(await migrationNames(projectMigrationsFolder('sqlite')));
      const db = new Database(join(temp.dir, 'nested', 'folder', 'organizer.db'));
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all()
        .map((row) => (row as { name: string }).name);
      db.close();
      expect(tables.sort()).toEqual([...modelTables(), '_prisma_migrations'].sort());
    } finally {
      temp.cleanup();
    }
  });

  it('applies nothing the second time', async () => {
    const temp = tempSqliteUrl();
    try {
      await deployMigrations(temp.url);
      expect(await deployMigrations(temp.url)).toEqual({ applied: [] });
    } finally {
      temp.cleanup();
    }
  });

  it('leaves an up-to-date database alone, without loading the schema engine', async () => {
    const temp = tempSqliteUrl();
    try {
      await deployMigrations(temp.url);
      expect(await redeployInNewProcess(temp.url)).toEqual({ applied: [], engineLoaded: false });
    } finally {
      temp.cleanup();
    }
  });

  it('leaves a failed migration to the engine, which refuses to go on', async () => {
    const temp = tempSqliteUrl();
    try {
      await deployMigrations(temp.url);
      const db = new Database(temp.url.slice('file:'.length));
      db.prepare(INSERT_FAILED_MIGRATION).run();
      db.close();
      await expect(deployMigrations(temp.url)).rejects.toThrow(FAILED_MIGRATION);
    } finally {
      temp.cleanup();
    }
  });

  it('lets a process that only deploys exit at once', { timeout: 30_000 }, async () => {
    const temp = tempSqliteUrl();
    try {
      expect(await exitDelayAfterDeploy(temp.url)).toBeLessThan(EXIT_DELAY_LIMIT_MS);
    } finally {
      temp.cleanup();
    }
  });
});

reportPostgresSkip('deployMigrations on PostgreSQL');

describe.skipIf(!TEST_POSTGRES_URL)('deployMigrations on PostgreSQL', () => {
  it('applies the history once when two callers deploy at the same time, then nothing', async () => {
    const database = await createPostgresDatabase('organizer_deploy');
    try {
      const [first, second] = await Promise.all([
        deployMigrations(database.url),
        deployMigrations(database.url),
      ]);
      expect([...first.applied, ...second.applied]).toEqual(
        await migrationNames(projectMigrationsFolder('postgres')),
      );
      expect(await deployMigrations(database.url)).toEqual({ applied: [] });

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const tables = await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        const names = tables.rows.map((row) => row.name).sort();
        expect(names).toEqual([...modelTables(), '_prisma_migrations'].sort());
        const rows = await client.query('SELECT migration_name FROM _prisma_migrations');
        expect(rows.rowCount).toBe(
          (await migrationNames(projectMigrationsFolder('postgres'))).length,
        );
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });

  it('leaves an up-to-date database alone, without loading the schema engine', async () => {
    const database = await createPostgresDatabase('organizer_deploy_current');
    try {
      await deployMigrations(database.url);
      expect(await redeployInNewProcess(database.url)).toEqual({
        applied: [],
        engineLoaded: false,
      });
    } finally {
      await database.drop();
    }
  });

  it('leaves a failed migration to the engine, which refuses to go on', async () => {
    const database = await createPostgresDatabase('organizer_deploy_failed');
    try {
      await deployMigrations(database.url);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(INSERT_FAILED_MIGRATION).finally(() => client.end());
      await expect(deployMigrations(database.url)).rejects.toThrow(FAILED_MIGRATION);
    } finally {
      await database.drop();
    }
  });

  it('lets a process that only deploys exit at once', { timeout: 30_000 }, async () => {
    const database = await createPostgresDatabase('organizer_deploy_exit');
    try {
      expect(await exitDelayAfterDeploy(database.url)).toBeLessThan(EXIT_DELAY_LIMIT_MS);
    } finally {
      await database.drop();
    }
  });
});
