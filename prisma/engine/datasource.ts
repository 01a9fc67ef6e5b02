import { resolve } from 'node:path';

/** A database named by a `DATABASE_URL`, with what the engine needs to reach it. */
export type Datasource =
  | { kind: 'sqlite'; url: string; path: string }
  | { kind: 'postgres'; url: string; database: string };

/** A PostgreSQL datasource. */
export type PostgresDatasource = Extract<Datasource, { kind: 'postgres' }>;

/** The default database: an SQLite file under the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/organizer.db';

/** True for `postgres://` and `postgresql://` URLs. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Reads a datasource URL: `file:<path>` is SQLite (a relative path is resolved against `cwd`,
 * any `?query` is ignored), `postgres(ql)://` is PostgreSQL. Anything else is refused.
 */
export function parseDatasource(url: string, cwd = process.cwd()): Datasource {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/\?.*$/, '');
    if (path === '') throw new Error('The SQLite URL names no file (expected file:<path>).');
    return { kind: 'sqlite', url, path: resolve(cwd, path) };
  }
  if (isPostgresUrl(url)) {
    const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
    return { kind: 'postgres', url, database };
  }
  throw new Error('Unsupported database URL: expected file:<path> or postgresql://...');
}

/** The same PostgreSQL server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The project's schema and migrations folder for a database kind, relative to the root. */
export function projectLayout(kind: Datasource['kind']): { schema: string; migrations: string } {
  return kind === 'postgres'
    ? { schema: 'prisma/postgres/schema.prisma', migrations: 'prisma/postgres/migrations' }
    : { schema: 'prisma/schema.prisma', migrations: 'prisma/migrations' };
}
