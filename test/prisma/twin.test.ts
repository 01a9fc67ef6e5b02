// prisma/schema.prisma (SQLite) is the only schema developers edit; its PostgreSQL twin and the two
// migration histories must follow it. These tests fail when one of them was forgotten: run
// `npm run db:migrate` (which regenerates the twin and migrates both histories) to mend it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiffResult } from '@prisma/schema-engine-wasm';
import { describe, expect, it } from 'vitest';
import { type Datasource, projectLayout } from '../../prisma/engine/datasource.ts';
import { WasmSchemaEngine } from '../../prisma/engine/engine.ts';
import { projectMigrationsFolder, readMigrations } from '../../prisma/engine/migrations.ts';
import { renderPostgresTwin, SOURCE_PATH, TWIN_PATH } from '../../scripts/postgres-twin.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL, tempSqliteUrl } from '../support/databases.ts';
import { ROOT } from './prisma-cli.ts';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** What replaying a history on a shadow database still lacks compared with its schema. */
async function historyVersusSchema(kind: Datasource['kind'], url: string): Promise<DiffResult> {
  const layout = projectLayout(kind);
  const engine = await WasmSchemaEngine.open({ url });
  try {
    const migrations = await readMigrations(projectMigrationsFolder(kind));
    return (await engine.run('diff', {
      from: { tag: 'migrations', ...migrations },
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: layout.schema, content: read(layout.schema) }],
      },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    })) as DiffResult;
  } finally {
    await engine.close();
  }
}

describe('the PostgreSQL twin and the migration histories', () => {
  it(`keeps ${TWIN_PATH} exactly as \`npm run db:twin\` writes it`, () => {
    expect(read(TWIN_PATH)).toBe(renderPostgresTwin(read(SOURCE_PATH)));
  });

  it('brings a fresh SQLite database to the current schema with prisma/migrations', async () => {
    const database = tempSqliteUrl();
    try {
      const diff = await historyVersusSchema('sqlite', database.url);
      expect(diff.exitCode, `missing from the history:\n${diff.stdout}`).toBe(0);
    } finally {
      database.cleanup();
    }
  });

  reportPostgresSkip('PostgreSQL migration history');

  it.skipIf(!TEST_POSTGRES_URL)(
    'brings a fresh PostgreSQL database to the current schema with prisma/postgres/migrations',
    async () => {
      // The history is replayed on a temporary shadow database on the same server.
      const diff = await historyVersusSchema('postgres', String(TEST_POSTGRES_URL));
      expect(diff.exitCode, `missing from the history:\n${diff.stdout}`).toBe(0);
    },
  );
});

describe('renderPostgresTwin', () => {
  const source = `// The source.\n\ngenerator client {\n  provider = "prisma-client"\n  output   = "../src/generated/sqlite"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n`;

  it('switches the provider and the client folder and says it is generated', () => {
    const twin = renderPostgresTwin(source);
    expect(twin).toMatch(/^\/\/ GENERATED from prisma\/schema\.prisma by `npm run db:twin`/);
    expect(twin).toContain('provider = "postgresql"');
    expect(twin).toContain('output   = "../../src/generated/postgres"');
    expect(twin).not.toContain('sqlite');
  });

  it('refuses a source it cannot rewrite', () => {
    expect(() => renderPostgresTwin(source.replace('"sqlite"', '"mysql"'))).toThrow(/provider/);
  });
});
