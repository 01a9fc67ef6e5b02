/**
 * Indexes that serve substring search on names and usernames (`/supporters search:`), which
 * Prisma's schema cannot describe: a trigram full-text table kept by triggers on SQLite (FTS5),
 * trigram GIN indexes on PostgreSQL (pg_trgm). Created when the database is opened, idempotently;
 * on SQLite the text index is rebuilt whenever its triggers had to be (made) again, e.g. after a
 * migration rebuilt a table.
 */
import type { RootClient } from './prisma-client.ts';

/** The FTS5 tables: one per searched column, keyed by its row's id. */
export const NAME_SEARCH = 'SupporterNameSearch';
export const USERNAME_SEARCH = 'IdentityUsernameSearch';

const SQLITE_TABLES = [
  { search: NAME_SEARCH, table: 'Supporter', column: 'displayName' },
  { search: USERNAME_SEARCH, table: 'Identity', column: 'username' },
];

/** Lock id of index creation on PostgreSQL, so processes starting together do it once. */
const POSTGRES_LOCK = 7_301_001;

export async function ensureSearchIndexes(
  client: RootClient,
  kind: 'sqlite' | 'postgresql',
): Promise<void> {
  if (kind === 'postgresql') await ensurePostgres(client);
  else for (const spec of SQLITE_TABLES) await ensureSqlite(client, spec);
}

async function ensureSqlite(
  client: RootClient,
  { search, table, column }: (typeof SQLITE_TABLES)[number],
): Promise<void> {
  const triggers = ['ai', 'ad', 'au'].map((suffix) => `${search}_${suffix}`);
  const present = await client.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (${triggers.map(() => '?').join(', ')})`,
    ...triggers,
  );
  if (present.length === triggers.length) return;
  const insert = `INSERT INTO "${search}"(rowid, "${column}") VALUES (new."id", new."${column}");`;
  const remove = `INSERT INTO "${search}"("${search}", rowid, "${column}") VALUES ('delete', old."id", old."${column}");`;
  await client.$executeRawUnsafe(
    `CREATE VIRTUAL TABLE IF NOT EXISTS "${search}" USING fts5("${column}", content='${table}', content_rowid='id', tokenize='trigram')`,
  );
  await client.$executeRawUnsafe(
    `CREATE TRIGGER IF NOT EXISTS "${triggers[0]}" AFTER INSERT ON "${table}" BEGIN ${insert} END`,
  );
  await client.$executeRawUnsafe(
    `CREATE TRIGGER IF NOT EXISTS "${triggers[1]}" AFTER DELETE ON "${table}" BEGIN ${remove} END`,
  );
  await client.$executeRawUnsafe(
    `CREATE TRIGGER IF NOT EXISTS "${triggers[2]}" AFTER UPDATE OF "${column}" ON "${table}" BEGIN ${remove} ${insert} END`,
  );
  await client.$executeRawUnsafe(`INSERT INTO "${search}"("${search}") VALUES ('rebuild')`);
}

async function ensurePostgres(client: RootClient): Promise<void> {
  await client.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${POSTGRES_LOCK})`);
      await tx.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await tx.$executeRawUnsafe(
        'CREATE INDEX IF NOT EXISTS "Supporter_displayName_trgm_idx" ON "Supporter" USING gin ("displayName" gin_trgm_ops)',
      );
      await tx.$executeRawUnsafe(
        'CREATE INDEX IF NOT EXISTS "Identity_username_trgm_idx" ON "Identity" USING gin ("username" gin_trgm_ops)',
      );
    },
    { timeout: 600_000, maxWait: 600_000 },
  );
}
