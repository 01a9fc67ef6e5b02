import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DISCORD_TOKEN, FakeDiscord } from './fakes/fake-discord.ts';
import { FakeTelegram } from './fakes/fake-telegram.ts';
import { tempSqliteUrl } from './support/databases.ts';
import { type NpmRun, npmStart } from './support/npm-start.ts';

/** A real-looking Telegram token, so that nothing but its exact value could reveal it. */
const TELEGRAM_TOKEN = '7301928374:AAH-start-failure-token-xyz0123456789';
const file = tempSqliteUrl();
let closedPort: number;
const runs: NpmRun[] = [];

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(env: Record<string, string>): NpmRun {
  const run = npmStart({ DATABASE_URL: file.url, PLATFORM_START_TIMEOUT: '4', ...env });
  runs.push(run);
  return run;
}

/** The JSON log lines at error level or above. */
function failures(run: NpmRun): { msg: string }[] {
  return run
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((line) => line.level >= 50);
}

/** Exit code 1 after one sentence naming the failure, no stack trace and no token. */
async function expectOneSentence(run: NpmRun, sentence: RegExp, secrets: string[]) {
  expect(await run.exited).toBe(1);
  const lines = failures(run);
  expect(lines).toHaveLength(1);
  expect(lines[0]?.msg).toMatch(sentence);
  expect(lines[0]?.msg).toMatch(/\.$/);
  const output = run.output();
  expect(output).not.toMatch(/\n\s+at /);
  for (const secret of secrets) expect(output).not.toContain(secret);
}

beforeAll(async () => {
  closedPort = await freePort();
});
afterEach(() => {
  for (const run of runs.splice(0)) run.kill();
});
afterAll(() => file.cleanup());

describe('a start that cannot reach Telegram', () => {
  let telegram: FakeTelegram;
  beforeAll(async () => {
    telegram = await FakeTelegram.start({ token: TELEGRAM_TOKEN });
  });
  afterAll(() => telegram.close());

  it('logs each retry with its reason, then gives up with one sentence and exit 1', async () => {
    // The Bot API's error text quotes the request path, token included.
    telegram.fail(
      { method: 'getMe' },
      { status: 502, description: `Bad Gateway: upstream /bot${TELEGRAM_TOKEN}/getMe` },
    );
    const run = start({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot });
    await expectOneSentence(run, /^Telegram could not be reached .* within 4 s/, [
      TELEGRAM_TOKEN,
      TELEGRAM_TOKEN.split(':')[1] as string,
    ]);
    const retries = run.output().match(/"msg":"telegram not reachable, retrying"/g) ?? [];
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(run.output()).toContain('Bad Gateway');
    telegram.clearFailures();
  }, 120_000);

  it('stops at once with exit 0 on SIGTERM while it retries a closed port', async () => {
    const run = start({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}`,
      PLATFORM_START_TIMEOUT: '600',
    });
    await run.waitFor('telegram not reachable, retrying');
    const signalled = Date.now();
    run.signal('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(failures(run)).toEqual([]);
  }, 120_000);

  it('reports a refused token in one sentence and exit 1', async () => {
    const wrong = '7301928374:AAH-wrong-token-for-this-fake-000000000';
    const run = start({ TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: telegram.apiRoot });
    await expectOneSentence(run, /^Telegram refused the bot token/, [wrong, wrong.split(':')[1]!]);
  }, 120_000);
});

describe('other start failures', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
  });
  afterAll(() => discord.close());

  it('reports a refused Discord token in one sentence and exit 1', async () => {
    const wrong = `${FAKE_DISCORD_TOKEN.slice(0, -4)}WRNG`;
    const run = start({ DISCORD_TOKEN: wrong, DISCORD_API_BASE: discord.apiBase });
    await expectOneSentence(run, /^Discord refused the bot token/, [wrong, FAKE_DISCORD_TOKEN]);
  }, 120_000);

  it('gives up on an unreachable Discord with one sentence and exit 1', async () => {
    const run = start({
      DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
      DISCORD_API_BASE: `http://127.0.0.1:${closedPort}/api`,
    });
    await expectOneSentence(run, /^Discord could not be reached/, [FAKE_DISCORD_TOKEN]);
  }, 120_000);

  it('reports an unreachable database in one sentence and exit 1, without its password', async () => {
    const run = start({
      DATABASE_URL: `postgresql://organizer:s3cret-pass@127.0.0.1:${closedPort}/organizer`,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}`,
    });
    await expectOneSentence(run, /^The database could not be opened/, [
      's3cret-pass',
      TELEGRAM_TOKEN,
    ]);
  }, 120_000);
});
