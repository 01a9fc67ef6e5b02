import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from './database-admin.ts';
import { parseDatasource, withDatabase } from './datasource.ts';

/**
 * Runs `use` with the URL of a new, empty PostgreSQL database on the server of `serverUrl`
 * (named `<prefix>_<random>`), and drops that database afterwards, whatever happens.
 */
export async function withTemporaryDatabase<T>(
  serverUrl: string,
  prefix: string,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const url = withDatabase(serverUrl, `${prefix}_${randomBytes(6).toString('hex')}`);
  const datasource = parseDatasource(url);
  await createDatabase(datasource);
  try {
    return await use(url);
  } finally {
    await dropDatabase(datasource);
  }
}
