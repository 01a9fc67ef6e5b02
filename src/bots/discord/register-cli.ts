/**
 * `npm run discord:register`: registers the slash commands of the catalogue with Discord now,
 * globally or to `DISCORD_GUILD_ID`, from the same settings as `npm start`. The bot also does
 * this at start when they changed; this script is for doing it without starting the bot.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { ConfigError, type DiscordConfig, loadConfig } from '../../config.ts';
import { createCatalogue } from '../../core/commands/index.ts';
import { maskSecrets } from '../../logger.ts';
import { putCommands } from './command-registration.ts';
import { slashCommands } from './slash-commands.ts';

/** Registers the commands; the application id is read from Discord unless configured. */
export async function registerCommands(config: DiscordConfig): Promise<string> {
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const applicationId =
    config.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const commands = slashCommands(createCatalogue());
  await putCommands(rest, { applicationId, guildId: config.guildId }, commands);
  return config.guildId
    ? `Registered ${commands.length} slash commands in server ${config.guildId}.`
    : `Registered ${commands.length} slash commands globally (Discord may take a few minutes to show changes).`;
}

async function main(): Promise<void> {
  let token: string | undefined;
  try {
    const config = loadConfig();
    token = config.discord?.token;
    if (!config.discord) {
      process.stderr.write('DISCORD_TOKEN is not set: nothing to register.\n');
      process.exit(1);
    }
    process.stdout.write(`${await registerCommands(config.discord)}\n`);
  } catch (error) {
    const reason =
      error instanceof ConfigError
        ? `Configuration error:\n${error.message}`
        : `Registration failed: ${(error as Error).message}`;
    process.stderr.write(`${maskSecrets(reason, [token])}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
