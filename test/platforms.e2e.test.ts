import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from '../src/main.ts';
import { buttonsOf, FakeDiscord } from './fakes/fake-discord.ts';
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
    expect(app.adapters.get('console')).toBeUndefined();
    const organizer = discord.addUser('olga', { globalName: 'Olga' });
    const guild = discord.addGuild('Riverside Greens', organizer);
    await until(
      () => discord.calls.some((c) => c.method === 'PUT' && /commands$/.test(c.path)),
      'command registration',
    );
    const reply = await discord.command({ user: organizer, guild }, 'help');
    await until(() => !!reply.original || reply.followUps.length > 0, 'a Discord answer');

    const tess = { id: 4242, firstName: 'Tess' };
    await telegram.pushText(tess, '/start');
    await until(
      () => telegram.messages(tess.id).some((m) => !!m.reply_markup),
      'the privacy notice',
    );
    await telegram.pushCallback(tess, '/join agree:on');
    await until(
      () => telegram.messages(tess.id).some((m) => m.text?.includes('Welcome')),
      'the Telegram welcome',
    );
  });

  it('registers a Discord volunteer through the consent button', async () => {
    const vince = discord.addUser('vince', { globalName: 'Vince' });
    const notice = await discord.command({ user: vince }, 'join');
    await until(() => !!notice.original, 'the privacy notice on Discord');
    const agree = buttonsOf(notice.original!).find((b) => b.label === 'I agree');
    expect(agree).toBeDefined();
    const pressed = await discord.press({ user: vince }, notice.original!, agree!.customId);
    await until(
      () => [pressed.original, ...pressed.followUps].some((m) => m?.content.includes('Welcome')),
      'the Discord welcome',
    );
    const campaign = await app.core.services.campaigns.ensureDefault();
    const supporter = await app.db.store.supporters.findByIdentity(
      campaign.id,
      'discord',
      vince.id,
    );
    expect(supporter?.consentAt).not.toBeNull();
  });

  it('never writes a token in its log', () => {
    const all = logs.join('');
    expect(all).not.toContain(discord.token);
    expect(all).not.toContain(telegram.token);
  });
});
