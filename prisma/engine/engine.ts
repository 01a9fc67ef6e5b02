import {
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory as BoundFactory,
  bindMigrationAwareSqlAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type {
  DevDiagnosticInput,
  DiagnoseMigrationHistoryInput,
  EvaluateDataLossInput,
  SchemaEngine,
} from '@prisma/schema-engine-wasm';
import type { EngineAdapterFactory } from './adapter-utils.ts';
import { type Datasource, parseDatasource } from './datasource.ts';
import { EngineError, toEngineError } from './errors.ts';
import { removeSqliteFiles } from './sqlite-adapter.ts';
import { loadSchemaEngine } from './wasm.ts';

/** How to start an engine. */
export interface EngineOptions {
  /** The database URL (`file:` or `postgres(ql)://`); relative SQLite paths use `cwd`. */
  url: string;
  /** A database the engine may empty and use as its shadow database. */
  shadowDatabaseUrl?: string;
  /** Schema files as `[path, content]` pairs, for methods that read "the" schema. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON). */
  onLog?: (line: string) => void;
  /** The folder relative SQLite paths start from (default: the working directory). */
  cwd?: string;
}

type Params = Record<string, unknown>;
type MigrationsInput = Pick<DiagnoseMigrationHistoryInput, 'migrationsList' | 'filters'>;

const KEEP_ALIVE_MS = 60_000;

/** Methods forwarded to the wasm engine unchanged (the CLI's names are the engine's names). */
const FORWARDED = new Set([
  'applyMigrations',
  'dbExecute',
  'debugPanic',
  'diff',
  'ensureConnectionValidity',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'schemaPush',
]);

/**
 * Prisma's schema engine (WebAssembly) on one database, answering the engine's JSON-RPC methods
 * by name and smoothing over the places where the wasm build differs from the native engine.
 */
export class WasmSchemaEngine {
  private constructor(
    private engine: SchemaEngine,
    private readonly datasource: Datasource,
    private readonly adapters: EngineAdapterFactory,
    private readonly bound: BoundFactory,
    private readonly options: EngineOptions,
  ) {}

  /** Starts an engine connected to `options.url`. */
  static async open(options: EngineOptions): Promise<WasmSchemaEngine> {
    const datasource = parseDatasource(options.url, options.cwd);
    const shadow = options.shadowDatabaseUrl
      ? parseDatasource(options.shadowDatabaseUrl, options.cwd)
      : undefined;
    if (shadow && shadow.kind !== datasource.kind) {
      throw new EngineError('The shadow database must be of the same kind as the main one.');
    }
    // Only the driver of this kind of database is loaded.
    const adapters =
      datasource.kind === 'sqlite'
        ? (await import('./sqlite-adapter.ts')).openSqliteFactory(
            datasource.path,
            shadow?.kind === 'sqlite' ? shadow.path : undefined,
          )
        : (await import('./postgres-adapter.ts')).openPostgresFactory(datasource.url, shadow?.url);
    const bound = bindMigrationAwareSqlAdapterFactory(adapters);
    try {
      const engine = await start(bound, options);
      return new WasmSchemaEngine(engine, datasource, adapters, bound, options);
    } catch (error) {
      await adapters.close();
      throw toEngineError(error, bound.errorRegistry);
    }
  }

  /** Runs an engine method by its JSON-RPC name; failures are `EngineError`s. */
  async run(method: string, params: unknown): Promise<unknown> {
    // The engine's own timers do not hold the process open (see wasm.ts): this does, meanwhile.
    const keepAlive = setInterval(() => {}, KEEP_ALIVE_MS);
    try {
      return await this.dispatch(method, (params ?? {}) as Params);
    } catch (error) {
      throw toEngineError(error, this.bound.errorRegistry);
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Frees the engine and closes every connection it opened. */
  async close(): Promise<void> {
    this.engine.free();
    await this.adapters.close();
  }

  private async dispatch(method: string, params: Params): Promise<unknown> {
    switch (method) {
      case 'getDatabaseVersion':
      case 'version':
        return this.engine.version();
      case 'devDiagnostic':
        return this.devDiagnostic(params as unknown as DevDiagnosticInput);
      case 'diagnoseMigrationHistory':
        return this.diagnoseMigrationHistory(params as unknown as DiagnoseMigrationHistoryInput);
      case 'evaluateDataLoss':
      case 'createMigration':
        return this.withShadowHistory(params as unknown as EvaluateDataLossInput, () =>
          this.call(method, params),
        );
      case 'reset':
        return this.reset(params);
      default:
        if (FORWARDED.has(method)) return this.call(method, params);
        throw new EngineError(`The schema engine has no method "${method}".`);
    }
  }

  private call(method: string, params: Params): Promise<unknown> {
    const fn = (this.engine as unknown as Record<string, (input: unknown) => Promise<unknown>>)[
      method
    ];
    if (typeof fn !== 'function') throw new EngineError(`Unknown engine method "${method}".`);
    return fn.call(this.engine, params);
  }

  /**
   * The native engine reads a missing migrations table as an empty history; the wasm build
   * fails instead. Applying no migration creates the table, unless the database already holds
   * a schema: that is drift, which `migrate dev` answers with a reset.
   */
  private async devDiagnostic(input: DevDiagnosticInput): Promise<unknown> {
    try {
      return await this.engine.devDiagnostic(input);
    } catch (error) {
      if (!isMissingMigrationsTable(error)) throw error;
    }
    const empty = { ...input.migrationsList, migrationDirectories: [] };
    try {
      await this.engine.applyMigrations({ migrationsList: empty, filters: input.filters });
    } catch (error) {
      if ((error as { code?: string }).code !== 'P3005') throw error;
      const reason = 'The database schema is not empty but has no migration history.';
      return { action: { tag: 'reset', reason } };
    }
    return this.engine.devDiagnostic(input);
  }

  /** Without a migrations table, answers what the native engine answers. */
  private async diagnoseMigrationHistory(input: DiagnoseMigrationHistoryInput): Promise<unknown> {
    try {
      return await this.engine.diagnoseMigrationHistory(input);
    } catch (error) {
      if (!isMissingMigrationsTable(error)) throw error;
      const unapplied = input.migrationsList.migrationDirectories.map(({ path }) => path);
      return {
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: false,
        history: unapplied.length
          ? { diagnostic: 'databaseIsBehind', unappliedMigrationNames: unapplied }
          : null,
      };
    }
  }

  /**
   * With pending migrations, the PostgreSQL connector wants a shadow database it has already
   * seen; diagnosing the history (shadow database allowed) provides it, then the call succeeds.
   */
  private async withShadowHistory<T>(input: MigrationsInput, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!/shadow DB must be provided/i.test(String(error))) throw error;
      await this.diagnoseMigrationHistory({ ...input, optInToShadowDatabase: true });
      return run();
    }
  }

  /** The wasm engine's SQLite reset only deletes rows: start again from no file instead. */
  private async reset(params: Params): Promise<unknown> {
    if (this.datasource.kind !== 'sqlite') return this.call('reset', params);
    this.engine.free();
    await this.adapters.close();
    await removeSqliteFiles(this.datasource.path);
    this.engine = await start(this.bound, this.options);
    return {};
  }
}

function start(factory: BoundFactory, options: EngineOptions): Promise<SchemaEngine> {
  const datamodels = options.datamodels?.length ? options.datamodels : undefined;
  return loadSchemaEngine().new({ datamodels }, options.onLog ?? (() => {}), factory);
}

function isMissingMigrationsTable(error: unknown): boolean {
  return /`_prisma_migrations` does not exist/.test(String((error as Error)?.message));
}
