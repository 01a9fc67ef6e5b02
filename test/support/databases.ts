import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from '../../prisma/engine/database-admin.ts';
import { parseDatasource, withDatabase } from '../../prisma/engine/datasource.ts';

/** The PostgreSQL server tests may use, or undefined when none is configured. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;

/** Printed once by each PostgreSQL suite that skips. */
export function reportPostgresSkip(suite: string): void {
  if (!TEST_POSTGRES_URL)
    console.log(`${suite}: PostgreSQL tests skipped, TEST_POSTGRES_URL is unset`);
}

/** A fresh SQLite file URL in its own temporary folder, and how to remove it. */
export function tempSqliteUrl(): { url: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'organizer-test-'));
  return {
    url: `file:${join(dir, 'test.db')}`,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates a uniquely named PostgreSQL database on TEST_POSTGRES_URL's server. */
export async function createPostgresDatabase(
  prefix = 'organizer_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is unset');
  const url = withDatabase(TEST_POSTGRES_URL, `${prefix}_${randomBytes(6).toString('hex')}`);
  const datasource = parseDatasource(url);
  await createDatabase(datasource);
  return { url, drop: () => dropDatabase(datasource) };
}
