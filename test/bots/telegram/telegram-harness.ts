import type { Message } from 'grammy/types';
import { afterAll, beforeAll } from 'vitest';
import type { TelegramBot } from '../../../src/bots/telegram/telegram-bot.ts';
import type { App } from '../../../src/main.ts';
import { FakeTelegram, type SentMessage } from '../../fakes/fake-telegram.ts';
import type { FakeChat, FakeUser } from '../../fakes/fake-telegram-updates.ts';
import type { Harness } from '../../support/core-harness.ts';
import { startPlatformApp } from '../../support/platform-app.ts';

export interface TelegramWorld {
  harness: Harness;
  fake: FakeTelegram;
  bot: TelegramBot;
  logs: string[];
  /** Makes a user an administrator of a group. */
  makeAdmin(chatId: number, user: FakeUser): void;
  /** Sends a text as `user` and waits until the bot answered; returns the messages it sent since. */
  say(user: FakeUser, text: string, chat?: FakeChat): Promise<SentMessage[]>;
  /** Presses the button labelled so under `message` and waits; returns the messages sent since. */
  press(user: FakeUser, message: Message, label: string | RegExp): Promise<SentMessage[]>;
}

/**
 * The real program (startApp) with its Telegram bot in long polling against the fake Bot API,
 * on a fresh SQLite file, with a fixed clock. The scheduler is left idle (its cron never fires
 * during a test): tests deliver with their own dispatcher ticks.
 */
export function useTelegram(options: { admins?: string[] } = {}): TelegramWorld {
  const harness = { errors: [] as unknown[] } as Harness;
  const world = { harness, logs: [] as string[] } as TelegramWorld;
  let app: App | undefined;
  let cleanup = () => {};
  beforeAll(async () => {
    world.fake = await FakeTelegram.start();
    const admins = (options.admins ?? []).map((id) => `telegram:${id}`).join(',');
    const started = await startPlatformApp(
      harness,
      {
        TELEGRAM_BOT_TOKEN: world.fake.token,
        TELEGRAM_API_ROOT: world.fake.apiRoot,
        ADMIN_IDS: admins,
      },
      world.logs,
    );
    app = started.app;
    cleanup = started.cleanup;
    world.bot = app.adapters.get('telegram') as TelegramBot;
  });
  afterAll(async () => {
    await app?.stop();
    await world.fake?.close();
    cleanup();
  });
  world.makeAdmin = (chatId, user) => world.fake.makeAdmin(chatId, user.id);
  const since = async (work: () => Promise<number>) => {
    const before = Math.max(0, ...world.fake.messages().map((m) => m.message_id));
    await world.bot.settled(await work());
    return world.fake.messages().filter((m) => m.message_id > before);
  };
  world.say = (user, text, chat) =>
    since(async () => (await world.fake.pushText(user, text, chat)).update.update_id);
  world.press = (user, message, label) =>
    since(async () => {
      const data = buttonData(message, label);
      return (await world.fake.pushCallback(user, data, message)).update.update_id;
    });
  return world;
}

/** Labels of the inline buttons under a message. */
export function labels(message: Message | undefined): string[] {
  return keyboard(message).map((b) => b.text);
}

function keyboard(message: Message | undefined) {
  const markup = message?.reply_markup as
    | { inline_keyboard?: { text: string; callback_data?: string }[][] }
    | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

function buttonData(message: Message, label: string | RegExp): string {
  const button = keyboard(message).find((b) =>
    typeof label === 'string' ? b.text === label : label.test(b.text),
  );
  if (!button?.callback_data) throw new Error(`no button ${label} under: ${message.text}`);
  return button.callback_data;
}

/** All the text of some messages. */
export function textOf(messages: readonly Message[]): string {
  return messages.map((m) => m.text ?? m.caption ?? m.document?.file_name ?? '').join('\n');
}
