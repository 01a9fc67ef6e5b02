import { existsSync } from 'node:fs';
import type { Datasource } from './datasource.ts';

/** A row of Prisma's `_prisma_migrations` table, as far as deciding what is pending goes. */
interface AppliedRow {
  name: string;
  finished: boolean;
  rolledBack: boolean;
}

/**
 * True when the database holds exactly the given migrations, each finished and none failed or
 * rolled back: then there is nothing for the schema engine to do, and it is not even loaded (its
 * WebAssembly takes some 15 MB of a process for as long as it runs). Anything else (no
 * database yet, no migrations table, a pending, failed or unknown migration, an error) is left to
 * the engine, which applies or reports it.
 */
export async function isUpToDate(datasource: Datasource, names: string[]): Promise<boolean> {
  try {
    const rows = await appliedRows(datasource);
    if (!rows) return false;
    const finished = new Set(
      rows.filter((row) => row.finished && !row.rolledBack).map((r) => r.name),
    );
    const unsettled = rows.some((row) => !row.finished && !row.rolledBack);
    return (
      !unsettled && finished.size === names.length && names.every((name) => finished.has(name))
    );
  } catch {
    return false;
  }
}

const QUERY =
  'SELECT migration_name AS name, finished_at IS NOT NULL AS finished, ' +
  'rolled_back_at IS NOT NULL AS "rolledBack" FROM _prisma_migrations';

async function appliedRows(datasource: Datasource): Promise<AppliedRow[] | undefined> {
  if (datasource.kind === 'sqlite') {
    if (!existsSync(datasource.path)) return undefined;
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(datasource.path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare(QUERY).all() as {
        name: string;
        finished: number;
        rolledBack: number;
      }[];
      return rows.map((row) => ({
        name: row.name,
        finished: row.finished === 1,
        rolledBack: row.rolledBack === 1,
      }));
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: datasource.url });
  await client.connect();
  try {
    return (await client.query<AppliedRow>(QUERY)).rows;
  } finally {
    await client.end();
  }
}
