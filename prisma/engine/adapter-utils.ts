import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

/** A driver adapter factory for the engine that can release everything it opened. */
export interface EngineAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every connection still open and removes temporary shadow databases. */
  close(): Promise<void>;
}

/** An adapter that forwards to `adapter` except for the methods in `overrides`. */
export function delegate(
  adapter: SqlDriverAdapter,
  overrides: Partial<SqlDriverAdapter>,
): SqlDriverAdapter {
  const getConnectionInfo = adapter.getConnectionInfo?.bind(adapter);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (level) => adapter.startTransaction(level),
    dispose: () => adapter.dispose(),
    ...(getConnectionInfo ? { getConnectionInfo } : {}),
    ...overrides,
  };
}
