import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ApplyMigrationsOutput } from '@prisma/schema-engine-wasm';
import { isUpToDate } from './applied.ts';
import { parseDatasource } from './datasource.ts';
import { WasmSchemaEngine } from './engine.ts';
import { projectMigrationsFolder, readMigrations } from './migrations.ts';

/**
 * Applies the project's pending migrations to the database at `url` (what
 * `prisma migrate deploy` does), in process and without downloads: `prisma/migrations` for
 * SQLite, whose file and folder are created when missing, `prisma/postgres/migrations` for
 * PostgreSQL. Concurrent calls on one PostgreSQL database are serialized by the engine's
 * advisory lock, so each migration is applied once. A database already up to date is only read
 * (the engine is not loaded). Returns the names of the migrations applied.
 */
export async function deployMigrations(url: string): Promise<{ applied: string[] }> {
  const datasource = parseDatasource(url);
  if (datasource.kind === 'sqlite') await mkdir(dirname(datasource.path), { recursive: true });
  const migrationsList = await readMigrations(projectMigrationsFolder(datasource.kind));
  const names = migrationsList.migrationDirectories.map(({ path }) => path);
  if (await isUpToDate(datasource, names)) return { applied: [] };
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
