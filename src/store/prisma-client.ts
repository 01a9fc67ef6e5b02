/**
 * The Prisma client type the repositories are written against. Two clients are generated, one
 * per provider, with the same models; the PostgreSQL one is used through the SQLite one's type
 * (see database.ts), so repositories are written once.
 */
import type { Prisma, PrismaClient } from '../generated/sqlite/client.ts';

export type RootClient = PrismaClient;
export type DbClient = PrismaClient | Prisma.TransactionClient;

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** Runs `work` in a transaction, or inside the one `db` already belongs to. */
export function atomically<T>(db: DbClient, work: (tx: DbClient) => Promise<T>): Promise<T> {
  // A transaction client carries `$transaction` too (for nested transactions, which break the
  // open one); only the root client has `$connect`.
  if ('$connect' in db) return db.$transaction((tx) => work(tx), TRANSACTION_OPTIONS);
  return work(db);
}

/** True when a write hit a unique constraint (Prisma error P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/** True when an update or delete found no row (Prisma error P2025). */
export function isRecordMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2025';
}

/** True on the PostgreSQL client (raw SQL differs between the two providers). */
export function isPostgres(db: DbClient): boolean {
  // Both generated clients share one type; the provider tells them apart.
  return (db as { _activeProvider?: string })._activeProvider === 'postgresql';
}
