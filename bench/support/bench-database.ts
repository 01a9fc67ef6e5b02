import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from '../../prisma/engine/database-admin.ts';
import { parseDatasource, withDatabase } from '../../prisma/engine/datasource.ts';
import type { DatabaseKind } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';

/** The PostgreSQL server benchmarks create their database on (local by default). */
export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ||
  process.env.TEST_POSTGRES_URL ||
  'postgresql://postgres@127.0.0.1:5432/postgres';

/** A database made for one benchmark run, and how to remove it. */
export interface BenchDatabase {
  url: string;
  remove(): Promise<void>;
}

/** A fresh SQLite file, or a fresh database on {@link BENCH_POSTGRES_URL}. */
export async function createBenchDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'organizer-bench-'));
    return {
      url: `file:${join(dir, 'bench.db')}`,
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = withDatabase(BENCH_POSTGRES_URL, `organizer_bench_${randomBytes(4).toString('hex')}`);
  const datasource = parseDatasource(url);
  await createDatabase(datasource);
  return { url, remove: () => dropDatabase(datasource) };
}

/** Opens the database for `work` only. */
export async function usingDatabase<T>(
  url: string,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(url);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
