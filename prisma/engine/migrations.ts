import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm';
import { type Datasource, projectLayout } from './datasource.ts';

const LOCKFILE = 'migration_lock.toml';
const SCRIPT = 'migration.sql';
const PROJECT_ROOT = projectRoot(fileURLToPath(import.meta.url));

/**
 * The project folder: the nearest one above this code that holds package.json (two levels up
 * from prisma/engine/ in the sources, one up from dist/ once compiled).
 */
function projectRoot(file: string): string {
  let folder = dirname(file);
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${file}`);
    folder = parent;
  }
  return folder;
}

/** The project's migrations folder for a kind of database (absolute path). */
export function projectMigrationsFolder(kind: Datasource['kind']): string {
  return join(PROJECT_ROOT, projectLayout(kind).migrations);
}

/** The names of the migrations in a folder, oldest first. */
export async function migrationNames(baseDir: string): Promise<string[]> {
  const { migrationDirectories } = await readMigrations(baseDir);
  return migrationDirectories.map(({ path }) => path);
}

/**
 * Reads a migrations folder the way Prisma's CLI hands it to the engine: every subfolder is a
 * migration (sorted by name) with its `migration.sql`, plus the lockfile. A missing folder is an
 * empty history.
 */
export async function readMigrations(baseDir: string): Promise<MigrationList> {
  const lockContent = await readFile(join(baseDir, LOCKFILE), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories: MigrationDirectory[] = [];
  for (const name of names) {
    const content = await readFile(join(baseDir, name, SCRIPT), 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (error: Error) => ({ tag: 'error' as const, value: error.message }),
    );
    migrationDirectories.push({ path: name, migrationFile: { path: SCRIPT, content } });
  }
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
