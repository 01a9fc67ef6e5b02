import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { delegate, type EngineAdapterFactory } from './adapter-utils.ts';
import { withDatabase } from './datasource.ts';

/** pg's type id for PostgreSQL's internal one-byte `"char"` type, used by pg_catalog. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * A PostgreSQL adapter factory for the engine. Compared with `PrismaPg` alone, it runs each
 * engine connection on a single session (so the engine's advisory lock and the work it guards
 * share one session), reads pg_catalog's `"char"` columns as text, sends scripts whole, and
 * manages the temporary shadow database itself: created here, its pool closed before it is
 * dropped (otherwise the drop fails with "being accessed by other users").
 */
export function openPostgresFactory(url: string, shadowDatabaseUrl?: string): EngineAdapterFactory {
  const pools = new Set<pg.Pool>();
  const shadowDatabases = new Set<string>();

  const connectTo = async (target: string, afterEnd?: () => Promise<void>) => {
    const pool = new pg.Pool({ connectionString: target, max: 1 });
    pool.on('connect', reportCharAsText);
    pool.on('error', () => {});
    pools.add(pool);
    const end = async () => {
      if (pools.delete(pool)) await pool.end();
      await afterEnd?.();
    };
    const adapter = await new PrismaPg(pool).connect();
    return sendScriptsWhole(delegate(adapter, { dispose: end }));
  };

  const dropShadow = async (name: string) => {
    if (!shadowDatabases.delete(name)) return;
    await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        await emptyDatabase(shadowDatabaseUrl);
        return connectTo(shadowDatabaseUrl);
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      shadowDatabases.add(name);
      return connectTo(withDatabase(url, name), () => dropShadow(name));
    },
    async close() {
      for (const pool of [...pools]) {
        pools.delete(pool);
        await pool.end();
      }
      for (const name of [...shadowDatabases]) await dropShadow(name);
    },
  };
}

/** Runs one statement on its own short-lived connection (CREATE/DROP DATABASE need that). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops every user schema of a database and recreates an empty `public`. */
async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace
       WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/**
 * The pg adapter splits scripts on every `;`, which breaks function bodies and string literals;
 * PostgreSQL runs a multi-statement script itself when it comes without parameters.
 */
function sendScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return delegate(adapter, {
    executeScript: async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
  });
}

type QueryResultLike = { fields?: { dataTypeID: number }[] };

/** Makes a pooled client report `"char"` columns as text, which the pg adapter can read. */
function reportCharAsText(client: pg.PoolClient): void {
  const fix = (result: unknown) => {
    for (const part of Array.isArray(result) ? result : [result]) {
      for (const field of (part as QueryResultLike | undefined)?.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
    }
    return result;
  };
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, result: unknown) =>
        callback(error, error ? result : fix(result));
      return query(...args);
    }
    const pending = query(...args);
    return pending instanceof Promise ? pending.then(fix) : pending;
  };
  Object.assign(client, { query: patched });
}
