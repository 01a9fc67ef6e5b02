import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from './support/databases.ts';
import { type NpmRun, npmStart, ROOT } from './support/npm-start.ts';

const runs: NpmRun[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const run of runs.splice(0)) run.kill();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function start(env: Record<string, string>): NpmRun {
  const run = npmStart(env);
  runs.push(run);
  return run;
}

describe('npm start', () => {
  it('creates and migrates the SQLite file named relative to the working directory, then exits 0 on SIGINT', async () => {
    const file = tempSqliteUrl();
    cleanups.push(file.cleanup);
    const dbPath = `${file.dir}/data/organizer.db`;
    const run = start({ DATABASE_URL: `file:./${relative(ROOT, dbPath)}` });

    await run.waitFor('console adapter started');
    expect(existsSync(dbPath)).toBe(true);
    run.signal('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped');
  });

  it('starts the console when no platform token is set', async () => {
    const file = tempSqliteUrl();
    cleanups.push(file.cleanup);
    const run = start({ DATABASE_URL: file.url, CAMPAIGN_NAME: 'Riverside' });
    await run.waitFor('console adapter started');
    expect(run.stdout()).toContain('campaign "Riverside"');
    expect(run.stdout()).toContain('/help');
    expect(run.stdout()).not.toContain('"level"');
    run.child.stdin?.end();
    expect(await run.exited).toBe(0);
  });

  it('exits 0 on SIGTERM after a clean shutdown', async () => {
    const file = tempSqliteUrl();
    cleanups.push(file.cleanup);
    const run = start({ DATABASE_URL: file.url });
    await run.waitFor('console adapter started');
    run.signal('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped');
  });

  it('refuses bad settings with one line per variable and never prints the token', async () => {
    const token = 'not-a-valid-token-SECRETVALUE';
    const run = start({
      TELEGRAM_BOT_TOKEN: token,
      HTTP_PORT: 'eighty',
      DATABASE_URL: 'file:/tmp/x.db',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(run.output()).toMatch(/HTTP_PORT/);
    expect(run.output()).not.toContain('SECRETVALUE');
  });
});
