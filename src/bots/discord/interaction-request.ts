import {
  ApplicationCommandOptionType,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
} from 'discord.js';
import type { BindError, Catalogue } from '../../core/commands/catalogue.ts';
import { parseCommandLine } from '../../core/commands/command-line.ts';
import type { Actor, CommandRequest, PlatformWords } from '../../core/interaction/request.ts';
import { applyOffSwitches } from './discord-options.ts';
import { discordInstant } from './discord-render.ts';

/**
 * Discord registers with `/join`, its servers have roles and channels, and instants are shown
 * with its timestamp markup, so each reader sees their own local time.
 */
export const DISCORD_WORDS: PlatformWords = {
  joinCommand: '/join',
  listsAliases: false,
  spaceRoles: true,
  nativeCommands: true,
  showInstant: discordInstant,
};

/**
 * The person behind an interaction. Organizer rights in a server come from Manage Server
 * (Administrator includes it) or the roles the member holds; the DM channel stays unknown here
 * (the notifier opens it when needed).
 */
export function actorOf(interaction: BaseInteraction): Actor {
  const { user, member } = interaction;
  const roles = member ? member.roles : undefined;
  return {
    platform: 'discord',
    userId: user.id,
    username: user.username,
    displayName: interaction.inCachedGuild() ? interaction.member.displayName : user.displayName,
    platformLocale: interaction.locale,
    spaceAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds: roles === undefined ? [] : Array.isArray(roles) ? roles : [...roles.cache.keys()],
  };
}

/** The guild of an interaction, or none in the DM with the bot. */
export function spaceOf(interaction: BaseInteraction): CommandRequest['space'] {
  if (!interaction.guildId) return undefined;
  return { platform: 'discord', id: interaction.guildId, title: interaction.guild?.name };
}

/**
 * A slash command as a request: Discord typed the options; a user, channel or role option gives
 * its id; `announcements:False` becomes `channel:off`.
 */
export function commandRequest(interaction: ChatInputCommandInteraction): CommandRequest {
  const [outer] = interaction.options.data;
  // A subcommand of a group (`/event shift add`) is named by both words.
  const grouped = outer?.type === ApplicationCommandOptionType.SubcommandGroup;
  const first = grouped ? outer.options?.[0] : outer;
  const nested = first?.type === ApplicationCommandOptionType.Subcommand;
  const options = (nested ? first.options : interaction.options.data) ?? [];
  const args = Object.fromEntries(options.map((option) => [option.name, option.value]));
  applyOffSwitches(args);
  return {
    command: interaction.commandName,
    subcommand: nested ? (grouped ? `${outer.name} ${first.name}` : first.name) : undefined,
    args,
    actor: actorOf(interaction),
    space: spaceOf(interaction),
    requestId: interaction.id,
    words: DISCORD_WORDS,
  };
}

/** A pressed button as a request: its custom_id is the command line it stands for. */
export function buttonRequest(
  interaction: ButtonInteraction,
  catalogue: Catalogue,
): { request: CommandRequest } | { error: BindError } {
  const parsed = parseCommandLine(interaction.customId);
  const bound = parsed
    ? catalogue.bind(parsed)
    : { ok: false as const, error: unknownButton(interaction.customId) };
  if (!bound.ok) return { error: bound.error };
  return {
    request: {
      command: bound.definition.name,
      subcommand: bound.definition.subcommand,
      args: bound.args,
      actor: actorOf(interaction),
      space: spaceOf(interaction),
      requestId: interaction.id,
      words: DISCORD_WORDS,
    },
  };
}

function unknownButton(customId: string): BindError {
  return { id: 'error.unknown_command', params: { command: customId.split(' ')[0] ?? '' } };
}
