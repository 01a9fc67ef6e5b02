import { afterAll, beforeAll } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../../src/bots/discord/discord-bot.ts';
import type { Core } from '../../../src/core/core.ts';
import { createLogger } from '../../../src/logger.ts';
import type { App } from '../../../src/main.ts';
import type { OptionValue } from '../../fakes/discord-interactions.ts';
import {
  buttonsOf,
  FakeDiscord,
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
  type InteractionRecord,
  type Who,
} from '../../fakes/fake-discord.ts';
import { type Harness, useCore } from '../../support/core-harness.ts';
import { startPlatformApp } from '../../support/platform-app.ts';

export interface DiscordHarness {
  /** The real core over a temporary SQLite file, with a fixed clock. */
  harness: Harness;
  fake: FakeDiscord;
  bot: DiscordBot;
  /** Every log line the bot wrote. */
  logs: string[];
  guild: FakeGuild;
  /** The server owner: Manage Server. */
  organizer: FakeUser;
  volunteer: FakeUser;
  /** Runs a slash command and waits until it is fully answered (edits and follow-ups too). */
  run(who: Who, name: string, options?: Record<string, OptionValue>): Promise<InteractionRecord>;
  /** Presses the button labelled so on a message and waits until it is fully answered. */
  press(who: Who, message: FakeMessage, label: string | RegExp): Promise<InteractionRecord>;
  /** The program, when the bot is the real program's. */
  app?: App;
  /** Starts another bot process on the same core and fake Discord. */
  startBot(): Promise<DiscordBot>;
}

export interface DiscordHarnessOptions {
  /** Replaces parts of the core (a test-only catalogue, for instance). */
  adapt?: (core: Core) => Core;
  deferAfterMs?: number;
  /** More settings for the program (another platform's), read when it starts. */
  env?: () => Record<string, string>;
}

/**
 * The Discord adapter against the fake Discord, on a real core: a guild owned by an organizer,
 * with a volunteer as plain member. Call at the top of a test file. Without `adapt` or
 * `deferAfterMs`, the bot is the real program's (startApp, fixed clock, idle scheduler: tests
 * deliver with their own dispatcher ticks); with them, it runs on a core built for the test.
 */
export function useDiscord(options: DiscordHarnessOptions = {}): DiscordHarness {
  const viaApp = !options.adapt && options.deferAfterMs === undefined;
  const harness = viaApp ? ({ errors: [] as unknown[] } as Harness) : useCore();
  let app: App | undefined;
  let cleanup = () => {};
  const world = { harness, logs: [] as string[] } as DiscordHarness;
  const bots: DiscordBot[] = [];
  world.startBot = async () => {
    const core = options.adapt ? options.adapt(harness.core) : harness.core;
    const token = world.fake.token;
    const log = createLogger({
      level: 'debug',
      secrets: [token],
      destination: { write: (line: string) => world.logs.push(line) },
    });
    const bot = await startDiscordBot({
      config: { token, apiBase: world.fake.apiBase },
      core,
      log,
      deferAfterMs: options.deferAfterMs,
    });
    bots.push(bot);
    return bot;
  };
  beforeAll(async () => {
    world.fake = await FakeDiscord.start();
    world.organizer = world.fake.addUser('olga', { globalName: 'Olga' });
    world.volunteer = world.fake.addUser('vince', { globalName: 'Vince', locale: 'en-GB' });
    world.guild = world.fake.addGuild('Riverside Greens', world.organizer);
    world.fake.addMember(world.guild, world.volunteer);
    if (!viaApp) {
      world.bot = await world.startBot();
      return;
    }
    const started = await startPlatformApp(
      harness,
      {
        DISCORD_TOKEN: world.fake.token,
        DISCORD_API_BASE: world.fake.apiBase,
        ...options.env?.(),
      },
      world.logs,
    );
    app = started.app;
    cleanup = started.cleanup;
    world.bot = app.adapters.get('discord') as DiscordBot;
    world.app = app;
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await app?.stop();
    await world.fake?.close();
    cleanup();
  });
  world.run = async (who, name, values = {}) => {
    const record = await world.fake.command(who, name, values);
    await world.bot.idle();
    return record;
  };
  world.press = async (who, message, label) => {
    const button = buttonsOf(message).find((b) =>
      typeof label === 'string' ? b.label === label : label.test(b.label),
    );
    if (!button) throw new Error(`no button ${label} on: ${message.content}`);
    const record = await world.fake.press(who, message, button.customId);
    await world.bot.idle();
    return record;
  };
  return world;
}

/** Text of an interaction's answer: the reply (or updated message) and its follow-ups. */
export function answerText(record: InteractionRecord): string {
  return [record.original, ...record.followUps]
    .filter((m) => m && !m.deleted)
    .map((m) => m!.content)
    .join('\n');
}
