import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from '../src/main.ts';
import { FakeDiscord } from './fakes/fake-discord.ts';
import { FakeTelegram } from './fakes/fake-telegram.ts';
import { tempSqliteUrl } from './support/databases.ts';

const file = tempSqliteUrl();
const logs: string[] = [];
let discord: FakeDiscord;
let telegram: FakeTelegram;
let app: App;

/** Waits (bounded) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`${what} never happened; log:\n${logs.join('')}`);
}

beforeAll(async () => {
  discord = await FakeDiscord.start();
  telegram = await FakeTelegram.start();
  app = await startApp({
    env: {
      DATABASE_URL: file.url,
      HTTP_PORT: '0',
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    },
    logDestination: { write: (line: string) => logs.push(line) },
  });
});

afterAll(async () => {
  await app?.stop();
  await discord?.close();
  await telegram?.close();
  file.cleanup();
});

describe('the program with both platform tokens', () => {
  it('runs the Discord and Telegram bots in one process, without the console', async () => {
    expect(app.console).toBeUndefined();
    const organizer = discord.addUser('olga', { globalName: 'Olga' });
    const guild = discord.addGuild('Riverside Greens', organizer);
    await until(
      () => discord.calls.some((c) => c.method === 'PUT' && /commands$/.test(c.path)),
      'command registration',
    );
    const reply = await discord.command({ user: organizer, guild }, 'help');
    await until(() => !!reply.original || reply.followUps.length > 0, 'a Discord answer');

    await telegram.pushText({ id: 4242, firstName: 'Tess' }, '/start');
    await until(
      () =>
        telegram
          .messages(4242)
          .some((m) => m.text?.includes('privacy') || m.text?.includes('Before you join')),
      'a Telegram answer',
    );
  });

  it('never writes a token in its log', () => {
    const all = logs.join('');
    expect(all).not.toContain(discord.token);
    expect(all).not.toContain(telegram.token);
  });
});
