import { CONSOLE_WORDS } from '../../src/bots/console/console-actor.ts';
import { DISCORD_WORDS } from '../../src/bots/discord/interaction-request.ts';
import { telegramWords } from '../../src/bots/telegram/telegram-request.ts';
import type { PlatformWords } from '../../src/core/interaction/request.ts';
import { platformNames } from '../../src/platforms.ts';

/** The words each adapter puts on its requests (the Telegram bot named `test_bot`). */
export function wordsOf(platform: string): PlatformWords {
  if (platform === 'telegram') return telegramWords('test_bot');
  return platform === 'discord' ? DISCORD_WORDS : CONSOLE_WORDS;
}

/** The platform names the program gives the core. */
export const PLATFORM_NAMES = platformNames();
