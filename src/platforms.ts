/**
 * The chat platforms the program can run, in the order they start. Adding a platform is one
 * folder under `src/bots/` with a {@link StartAdapter} and one entry here. An adapter module is
 * imported only when its platform runs, so a process loads discord.js or grammY only for its bot.
 */
import type { AdapterOptions, ChatAdapter, StartAdapter } from './bots/chat-adapter.ts';
import type { ConsoleStreams } from './bots/console/console-adapter.ts';
import type { Config } from './config.ts';

/** Where the platforms' settings come from: the environment, and the console when it runs. */
export interface PlatformSources {
  config: Config;
  console?: ConsoleStreams;
}

/** One chat platform: its id, its name in sentences, its settings when it runs, its module. */
export interface Platform<Settings> {
  platform: string;
  name: string;
  settings(sources: PlatformSources): Settings | undefined;
  /** Opens once nothing can stop the start any more (the console owns the terminal). */
  opensLast?: boolean;
  load(): Promise<StartAdapter<Settings>>;
}

function platform<Settings>(entry: Platform<Settings>): Platform<unknown> {
  return entry as Platform<unknown>;
}

export const PLATFORMS: readonly Platform<unknown>[] = [
  platform({
    platform: 'console',
    name: 'console',
    settings: (sources) => sources.console,
    opensLast: true,
    load: async () => (await import('./bots/console/console-adapter.ts')).startConsoleAdapter,
  }),
  platform({
    platform: 'discord',
    name: 'Discord',
    settings: (sources) => sources.config.discord,
    load: async () => (await import('./bots/discord/discord-bot.ts')).startDiscordBot,
  }),
  platform({
    platform: 'telegram',
    name: 'Telegram',
    settings: (sources) => sources.config.telegram,
    load: async () => (await import('./bots/telegram/telegram-bot.ts')).startTelegramBot,
  }),
];

/** Each platform's name in sentences, by id (`telegram` -> `Telegram`). */
export function platformNames(): Record<string, string> {
  return Object.fromEntries(PLATFORMS.map((entry) => [entry.platform, entry.name]));
}

/**
 * Starts the adapters of the platforms that have settings (those that open last, or the others),
 * one after the other; `started` gets each as soon as it runs, so that a failure of the next one
 * can still stop it.
 */
export async function startAdapters(
  sources: PlatformSources,
  deps: Omit<AdapterOptions<unknown>, 'config'>,
  started: (adapter: ChatAdapter) => void,
  last: boolean,
): Promise<void> {
  for (const entry of PLATFORMS) {
    const config = entry.settings(sources);
    if (config === undefined || !!entry.opensLast !== last) continue;
    const start = await entry.load();
    started(await start({ ...deps, config }));
  }
}
