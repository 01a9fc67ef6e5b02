import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import pg from 'pg';
import { type Datasource, type PostgresDatasource, withDatabase } from './datasource.ts';
import { EngineError } from './errors.ts';
import { adminQuery } from './postgres-adapter.ts';
import { removeSqliteFiles } from './sqlite-adapter.ts';

/** The database PostgreSQL servers always have, used to create and drop the others. */
const MAINTENANCE_DATABASE = 'postgres';

/** Checks that the database exists and answers; fails with Prisma's P1001/P1003 codes. */
export async function canConnect(datasource: Datasource): Promise<void> {
  if (datasource.kind === 'sqlite') {
    if (existsSync(datasource.path)) return;
    throw new EngineError(
      `Database \`${basename(datasource.path)}\` does not exist at \`${datasource.path}\`.`,
      'P1003',
    );
  }
  const client = new pg.Client({ connectionString: datasource.url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw postgresError(error, datasource);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database (an empty file for SQLite, with its folder); returns its name. */
export async function createDatabase(datasource: Datasource): Promise<string> {
  if (datasource.kind === 'sqlite') {
    await mkdir(dirname(datasource.path), { recursive: true });
    await writeFile(datasource.path, '', { flag: 'a' });
    return basename(datasource.path);
  }
  try {
    await adminQuery(maintenanceUrl(datasource), `CREATE DATABASE ${quote(datasource.database)}`);
  } catch (error) {
    // Another process created it first: that is what was asked for.
    if ((error as { code?: string }).code !== '42P04') throw postgresError(error, datasource);
  }
  return datasource.database;
}

/** Deletes the database (the file and its journals for SQLite). */
export async function dropDatabase(datasource: Datasource): Promise<void> {
  if (datasource.kind === 'sqlite') return removeSqliteFiles(datasource.path);
  const sql = `DROP DATABASE IF EXISTS ${quote(datasource.database)} WITH (FORCE)`;
  await adminQuery(maintenanceUrl(datasource), sql).catch((error) => {
    throw postgresError(error, datasource);
  });
}

function maintenanceUrl(datasource: PostgresDatasource): string {
  return withDatabase(datasource.url, MAINTENANCE_DATABASE);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Prisma's wording and codes for the connection failures the CLI reacts to. */
function postgresError(error: unknown, datasource: PostgresDatasource): EngineError {
  const { code, message } = error as { code?: string; message?: string };
  const { hostname, port, username } = new URL(datasource.url);
  const server = `${hostname}:${port || '5432'}`;
  switch (code) {
    case '3D000':
      return new EngineError(
        `Database \`${datasource.database}\` does not exist on the database server at \`${server}\`.`,
        'P1003',
      );
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return new EngineError(`Can't reach database server at \`${server}\``, 'P1001');
    case '28P01':
    case '28000':
      return new EngineError(
        `Authentication failed against database server at \`${server}\`, the provided database credentials for \`${username}\` are not valid.`,
        'P1000',
      );
    default:
      return new EngineError(message ?? String(error));
  }
}
