import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../src/main.ts';
import { tempSqliteUrl } from './support/databases.ts';
import { type NpmRun, npmStart, ROOT } from './support/npm-start.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function database() {
  const file = tempSqliteUrl();
  cleanups.push(file.cleanup);
  return file;
}

function track(run: NpmRun): NpmRun {
  cleanups.push(() => run.kill());
  return run;
}

describe('the first start in a terminal', () => {
  it('keeps log lines out of the chat and writes them to ./data/organizer.log, as the welcome says', async () => {
    const file = database();
    const run = track(npmStart({ DATABASE_URL: file.url, LOG_FILE: '' }));
    run.child.stdin?.end('/help\n/task create title:"Paint banners"\n');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain('"level"');
    expect(run.stdout()).toContain('Logs are written to ./data/organizer.log.');
    const log = readFileSync(join(ROOT, 'data', 'organizer.log'), 'utf8');
    expect(log).toContain('console adapter started');
  }, 120_000);

  it('writes the logs to LOG_FILE when set', async () => {
    const file = database();
    const logPath = join(file.dir, 'assistant.log');
    const run = track(npmStart({ DATABASE_URL: file.url, LOG_FILE: logPath }));
    run.child.stdin?.end('/help\n');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain('"level"');
    expect(readFileSync(logPath, 'utf8')).toContain('"msg":"stopped"');
  }, 120_000);

  it('starts no HTTP server for the console alone unless HTTP_PORT asks for one', async () => {
    const file = database();
    const input = new PassThrough();
    const output = new PassThrough();
    const app = await startApp({
      env: { DATABASE_URL: file.url, LOG_LEVEL: 'silent' },
      consoleStreams: { input, output },
    });
    cleanups.push(() => void app.stop());
    expect(app.http).toBeUndefined();
    input.end();
    await app.stop();
  });

  it('names the busy port and the variable to change in one sentence, and exits 1', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    cleanups.push(() => busy.close());
    const port = (busy.address() as { port: number }).port;
    const run = track(npmStart({ DATABASE_URL: database().url, HTTP_PORT: String(port) }));
    expect(await run.exited).toBe(1);
    const stderr = run.output().replace(run.stdout(), '');
    expect(stderr).toContain(
      `Port ${port} is already in use (or not allowed): set HTTP_PORT to a free port, or HTTP_PORT=0 to run without the HTTP server.`,
    );
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(run.stdout()).not.toContain('Organizing assistant');
  }, 120_000);
});
