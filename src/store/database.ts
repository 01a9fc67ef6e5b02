import { parseDatasource } from '../../prisma/engine/datasource.ts';
import { deployMigrations } from '../../prisma/engine/deploy.ts';
import { type DatabaseKind, databaseKind } from '../config.ts';
import type { RootClient } from './prisma-client.ts';
import { PrismaStore } from './prisma-store.ts';
import { ensureSearchIndexes } from './search-index.ts';

/** An open database: its Prisma client, the repositories over it, and how to close it. */
export interface Database {
  kind: DatabaseKind;
  client: RootClient;
  store: PrismaStore;
  /** Migrations applied while opening (empty when the schema was already current). */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database named by a `DATABASE_URL`: `file:` for SQLite (path relative to the working
 * directory, created when missing), `postgres(ql)://` for PostgreSQL; applies pending migrations.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const kind = databaseKind(url);
  // Pending migrations are applied in a worker thread: the schema engine leaves with it.
  const applied = (await deployMigrations(url, { worker: true })).applied;
  const client =
    kind === 'sqlite' ? await openSqlite(url) : await openPostgres(url, options.poolSize);
  await client.$connect();
  await ensureSearchIndexes(client, kind);
  return {
    kind,
    client,
    store: new PrismaStore(client, kind),
    applied,
    close: () => client.$disconnect(),
  };
}

// Each database's driver, adapter and generated client are imported only when that database is
// opened: a process never loads the other one's (a few MB of code and a query compiler each).
async function openSqlite(url: string): Promise<RootClient> {
  const datasource = parseDatasource(url);
  if (datasource.kind !== 'sqlite') throw new Error('openSqlite needs a file: URL');
  const [{ PrismaBetterSqlite3 }, { PrismaClient: SqliteClient }] = await Promise.all([
    import('@prisma/adapter-better-sqlite3'),
    import('../generated/sqlite/client.ts'),
  ]);
  const adapter = new PrismaBetterSqlite3({
    url: datasource.path,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  const client = new SqliteClient({ adapter });
  // WAL lets readers work while a write is in flight (NORMAL sync is durable across crashes of
  // the process in WAL mode); foreign keys enforce the delete rules; secure_delete overwrites
  // deleted and replaced content with zeros, so an erased person leaves no bytes in free space.
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$queryRawUnsafe('PRAGMA secure_delete = ON');
  await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return client;
}

async function openPostgres(url: string, poolSize = 10): Promise<RootClient> {
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('../generated/postgres/client.ts'),
  ]);
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  // Both clients are generated from the same models; the repositories use the SQLite one's type.
  return new PostgresClient({ adapter }) as unknown as RootClient;
}
