import { rm } from 'node:fs/promises';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  DriverAdapterError,
  isDriverAdapterError,
  type SqlDriverAdapter,
} from '@prisma/driver-adapter-utils';
import { delegate, type EngineAdapterFactory } from './adapter-utils.ts';

/** Deletes an SQLite database file and the journal files beside it. */
export async function removeSqliteFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(path + suffix, { force: true });
}

/**
 * An SQLite adapter factory for the engine: better-sqlite3 on the database file, an in-memory
 * or emptied file for the shadow database, and whole scripts run as scripts. The database file
 * is opened on first use, so commands that never touch it (a diff between schemas) neither
 * create it nor need its folder.
 */
export function openSqliteFactory(path: string, shadowPath?: string): EngineAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  const connectTo = async (file: string) => {
    const adapter = await new PrismaBetterSqlite3({ url: file }).connect();
    open.add(adapter);
    return withScriptFallback(adapter, () => open.delete(adapter));
  };
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    connect: async () => openedOnFirstUse(() => connectTo(path)),
    async connectToShadowDb() {
      if (!shadowPath) return connectTo(':memory:');
      if (shadowPath === path) throw new Error('The shadow database must be another file.');
      // A configured shadow database is scratch space: start it empty, as the engine expects.
      await removeSqliteFiles(shadowPath);
      return connectTo(shadowPath);
    },
    async close() {
      for (const adapter of open) await adapter.dispose();
      open.clear();
    },
  };
}

function openedOnFirstUse(open: () => Promise<SqlDriverAdapter>): SqlDriverAdapter {
  let opened: Promise<SqlDriverAdapter> | undefined;
  const adapter = () => {
    opened ??= open();
    return opened;
  };
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    queryRaw: async (query) => (await adapter()).queryRaw(query),
    executeRaw: async (query) => (await adapter()).executeRaw(query),
    executeScript: async (script) => (await adapter()).executeScript(script),
    startTransaction: async (level) => (await adapter()).startTransaction(level),
    dispose: async () => (opened ? (await opened).dispose() : undefined),
  };
}

/** SQLite's result code for a database locked by another connection. */
const SQLITE_BUSY = 5;

/**
 * Adjusts a better-sqlite3 adapter to the engine. The adapter prepares one statement at a time,
 * but the engine sends whole migration scripts through `executeRaw` on the shadow database:
 * those run as scripts. And the adapter reports a locked database as a kind of error the engine
 * cannot read ("unknown variant `SocketTimeout`"): it becomes SQLite's own "busy" error.
 */
function withScriptFallback(adapter: SqlDriverAdapter, onDispose: () => void): SqlDriverAdapter {
  const run = async <T>(sql: string, args: unknown[], work: () => Promise<T>, empty: T) => {
    try {
      return await work();
    } catch (error) {
      if (args.length > 0 || !isMultiStatementError(error)) throw busyAsSqliteError(error);
      await adapter.executeScript(sql).catch((scriptError) => {
        throw busyAsSqliteError(scriptError);
      });
      return empty;
    }
  };
  const noRows = { columnNames: [], columnTypes: [], rows: [] };
  return delegate(adapter, {
    executeRaw: (query) => run(query.sql, query.args, () => adapter.executeRaw(query), 0),
    queryRaw: (query) => run(query.sql, query.args, () => adapter.queryRaw(query), noRows),
    executeScript: (script) => run(script, [], () => adapter.executeScript(script), undefined),
    dispose: async () => {
      onDispose();
      await adapter.dispose();
    },
  });
}

function isMultiStatementError(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause;
  return /more than one statement/.test(`${(error as Error)?.message} ${JSON.stringify(cause)}`);
}

function busyAsSqliteError(error: unknown): unknown {
  if (!isDriverAdapterError(error) || error.cause.kind !== 'SocketTimeout') return error;
  const message = (error.cause as { originalMessage?: string }).originalMessage;
  return new DriverAdapterError({
    kind: 'sqlite',
    extendedCode: SQLITE_BUSY,
    message: message ?? 'database is locked',
  });
}
