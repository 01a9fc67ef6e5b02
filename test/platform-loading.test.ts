import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from './fakes/fake-telegram.ts';
import { tempSqliteUrl } from './support/databases.ts';

const run = promisify(execFile);
const FIXTURE = resolve(import.meta.dirname, 'fixtures/platform-libraries.ts');
const file = tempSqliteUrl();
let telegram: FakeTelegram;

/** The platform libraries a process of the program loaded with these settings. */
async function librariesLoaded(env: Record<string, string>) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { PATH: process.env.PATH, DATABASE_URL: file.url, HTTP_PORT: '0', ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { discord: boolean; grammy: boolean };
}

beforeAll(async () => {
  telegram = await FakeTelegram.start();
});
afterAll(async () => {
  await telegram?.close();
  file.cleanup();
});

describe('loading the platform adapters', () => {
  it('loads no platform library in a process that runs no bot', async () => {
    expect(await librariesLoaded({})).toEqual({ discord: false, grammy: false });
  });

  it('loads grammY but not discord.js in a process that runs only the Telegram bot', async () => {
    const env = { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot };
    expect(await librariesLoaded(env)).toEqual({ discord: false, grammy: true });
  });
});
