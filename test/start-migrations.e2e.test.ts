// The compiled program applies a new database's migrations at its first start (in a worker thread
// that ends afterwards); what goes wrong there still ends the start with one sentence.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { deployMigrations } from '../prisma/engine/deploy.ts';
import { tempSqliteUrl } from './support/databases.ts';
import { type NpmRun, npmStart } from './support/npm-start.ts';

const runs: NpmRun[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const run of runs.splice(0)) run.kill();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The JSON log lines of a run, parsed. */
function logLines(run: NpmRun): { level: number; msg: string; migrationsApplied?: number }[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

describe('migrations at start', () => {
  it('migrates a new database at the first start and nothing at the next', async () => {
    const file = tempSqliteUrl();
    cleanups.push(file.cleanup);
    const applied = async () => {
      const run = npmStart({ DATABASE_URL: file.url, LOG_LEVEL: 'info' });
      runs.push(run);
      await run.waitFor('console adapter started');
      run.signal('SIGTERM');
      expect(await run.exited).toBe(0);
      return logLines(run).find((line) => line.msg === 'database ready')?.migrationsApplied;
    };
    expect(await applied()).toBeGreaterThan(0);
    expect(await applied()).toBe(0);
  });

  it('refuses a database whose last migration failed, in one sentence and exit 1', async () => {
    const file = tempSqliteUrl();
    cleanups.push(file.cleanup);
    await deployMigrations(file.url);
    const db = new Database(file.url.slice('file:'.length));
    db.prepare(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) ' +
        "VALUES ('x', 'x', '20990101000000_half_done', CURRENT_TIMESTAMP, 0)",
    ).run();
    db.close();

    const run = npmStart({ DATABASE_URL: file.url });
    runs.push(run);
    expect(await run.exited).toBe(1);
    const failures = logLines(run).filter((line) => line.level >= 50);
    expect(failures.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^The database could not be opened: migrate found failed migrations/),
    ]);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });
});
