import { ApplicationCommandOptionType, ChannelType } from 'discord.js';
import type { MessageId } from '../../core/i18n/i18n.ts';

/**
 * Options Discord offers its own pickers for, by catalogue name: a channel or a role of the
 * server (the id arrives as the value, as the core reads it), a time zone completed from the
 * zone list as it is typed.
 */
export const PICKED_OPTIONS: Record<
  string,
  ApplicationCommandOptionType.Channel | ApplicationCommandOptionType.Role
> = {
  channel: ApplicationCommandOptionType.Channel,
  organizer_role: ApplicationCommandOptionType.Role,
  ping_role: ApplicationCommandOptionType.Role,
};

/** Channels an announcement can go to. */
export const ANNOUNCEMENT_CHANNEL_TYPES: (ChannelType.GuildText | ChannelType.GuildAnnouncement)[] =
  [ChannelType.GuildText, ChannelType.GuildAnnouncement];

/** Text options completed from the IANA zone list. */
export const ZONE_OPTIONS = new Set(['timezone']);

/**
 * Long texts typed in a form (a modal) when left out of the command, by command: they are
 * optional on Discord even when the command needs them.
 */
export const FORM_TEXTS: Record<string, readonly string[]> = {
  broadcast: ['message'],
  'task create': ['description'],
  'event create': ['description'],
};

/** The long texts of a command (`task create`). */
export function formTexts(command: string, subcommand?: string): readonly string[] {
  return FORM_TEXTS[subcommand ? `${command} ${subcommand}` : command] ?? [];
}

/**
 * Discord-only switches for a value a picker cannot take: `announcements:False` stands for
 * `channel:off` (the channel picker offers channels only), `ping:False` for `ping_role:off`. Each is registered beside the option
 * it switches off.
 */
export const OFF_SWITCHES: Record<string, { option: string; description: MessageId }> = {
  announcements: { option: 'channel', description: 'setup.announcements_option' },
  ping: { option: 'ping_role', description: 'setup.ping_option' },
};

/** Turns the switches of a command's options into the catalogue's values, in place. */
export function applyOffSwitches(args: Record<string, unknown>): void {
  for (const [name, { option }] of Object.entries(OFF_SWITCHES)) {
    if (!(name in args)) continue;
    if (args[name] === false && args[option] === undefined) args[option] = 'off';
    delete args[name];
  }
}
