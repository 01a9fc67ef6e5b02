import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ApplyMigrationsOutput } from '@prisma/schema-engine-wasm';
import { isUpToDate } from './applied.ts';
import { parseDatasource } from './datasource.ts';
import { projectMigrationsFolder, readMigrations } from './migrations.ts';

export interface DeployOptions {
  /**
   * Apply the pending migrations in a worker thread that ends afterwards, so that the schema
   * engine does not stay in this process's memory (the program's start). Only the compiled
   * program can: from the TypeScript sources they are applied in this thread.
   */
  worker?: boolean;
}

/** Whether this is the compiled program (a worker thread can load its modules). */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Applies the project's pending migrations to the database at `url` (what
 * `prisma migrate deploy` does), without downloads: `prisma/migrations` for
 * SQLite, whose file and folder are created when missing, `prisma/postgres/migrations` for
 * PostgreSQL. Concurrent calls on one PostgreSQL database are serialized by the engine's
 * advisory lock, so each migration is applied once. A database already up to date is only read
 * (the engine is not loaded). Returns the names of the migrations applied.
 */
export async function deployMigrations(
  url: string,
  options: DeployOptions = {},
): Promise<{ applied: string[] }> {
  const datasource = parseDatasource(url);
  if (datasource.kind === 'sqlite') await mkdir(dirname(datasource.path), { recursive: true });
  const migrationsList = await readMigrations(projectMigrationsFolder(datasource.kind));
  const names = migrationsList.migrationDirectories.map(({ path }) => path);
  if (await isUpToDate(datasource, names)) return { applied: [] };
  if (options.worker && COMPILED) return (await import('./deploy-worker.ts')).deployInWorker(url);
  const { WasmSchemaEngine } = await import('./engine.ts');
  const engine = await WasmSchemaEngine.open({ url });
  try {
    const filters = { externalTables: [], externalEnums: [] };
    const output = (await engine.run('applyMigrations', {
      migrationsList,
      filters,
    })) as ApplyMigrationsOutput;
    return { applied: output.appliedMigrationNames };
  } finally {
    await engine.close();
  }
}
