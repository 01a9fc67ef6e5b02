import { type APIApplicationCommand, type ClientApplication, type REST, Routes } from 'discord.js';
import type { Log } from '../../core/deps.ts';
import type { SlashCommand } from './slash-commands.ts';

/** Where commands are registered: to one guild (instant, for development) or globally. */
export interface RegistrationTarget {
  applicationId: string;
  guildId?: string;
}

/** Replaces the application's commands with these (Discord's bulk overwrite). */
export async function putCommands(
  rest: REST,
  target: RegistrationTarget,
  commands: SlashCommand[],
): Promise<void> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  await rest.put(route, { body: commands });
}

/**
 * Registers the commands only when they differ from what Discord holds (names, descriptions,
 * localizations, options in order, permissions): a restart does not rewrite them, which Discord
 * rate-limits and which would briefly hide them from users.
 */
export async function registerIfChanged(
  application: ClientApplication,
  rest: REST,
  guildId: string | undefined,
  commands: SlashCommand[],
  log: Log,
): Promise<boolean> {
  const existing = await application.commands.fetch({ guildId, withLocalizations: true });
  const unchanged =
    existing.size === commands.length &&
    commands.every((command) =>
      // equals() reads Discord's JSON shape too; its typings only name fetched commands.
      existing.find((e) => e.name === command.name)?.equals(command as APIApplicationCommand, true),
    );
  const scope = guildId ? `guild ${guildId}` : 'global';
  if (unchanged) {
    log.info({ scope, count: commands.length }, 'discord commands up to date');
    return false;
  }
  await putCommands(rest, { applicationId: application.id, guildId }, commands);
  log.info({ scope, count: commands.length }, 'discord commands registered');
  return true;
}
