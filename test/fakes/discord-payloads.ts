/**
 * Discord API objects as the gateway and REST API send them, complete enough for the unpatched
 * discord.js: users, members, guilds, channels, messages and interactions.
 */
import { PermissionFlagsBits } from 'discord.js';
import type { UploadedFile } from './request-params.ts';

/** A file the bot uploaded, as the fake keeps it. */
export type { UploadedFile };

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  /** The Discord client's language, sent as the interaction's `locale`. */
  locale: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The text channel commands are typed in. */
  channelId: string;
  /** More text channels (an announcement channel, for instance). */
  channelIds: string[];
  roleIds: string[];
  members: Map<string, FakeMember>;
}

export interface FakeMember {
  user: FakeUser;
  roles: string[];
  permissions: bigint;
}

/** A message the fake holds: sent by the bot in a channel, DM or as an interaction answer. */
export interface FakeMessage {
  id: string;
  channelId: string;
  guildId?: string;
  content: string;
  components: unknown[];
  files: UploadedFile[];
  flags: number;
  /** What the message let ping (`allowed_mentions`), as sent. */
  allowedMentions?: unknown;
  embeds?: FakeEmbed[];
  /** How many times the bot edited it through the channel's messages route. */
  edits?: number;
  deleted?: boolean;
}

export interface FakeEmbed {
  description?: string;
}

/** What a message shows: its text, then the text of its embeds. */
export function shownText(message: FakeMessage): string {
  const embeds = (message.embeds ?? []).map((e) => e.description ?? '');
  return [message.content, ...embeds].filter((part) => part !== '').join('\n');
}

export const EPHEMERAL = 64;

/** What a plain member may do; organizers add Manage Server. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.UseApplicationCommands;

export function userObject(user: FakeUser, bot = false) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.global_name,
    discriminator: '0',
    avatar: null,
    bot,
    public_flags: 0,
  };
}

export function memberObject(member: FakeMember) {
  return {
    user: userObject(member.user),
    nick: null,
    avatar: null,
    roles: member.roles,
    joined_at: '2026-01-01T00:00:00.000Z',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    permissions: String(member.permissions),
  };
}

export function roleObject(guild: FakeGuild, id: string) {
  const position = guild.roleIds.indexOf(id);
  return {
    id,
    name: id === guild.id ? '@everyone' : `role-${position}`,
    permissions: String(MEMBER_PERMISSIONS),
    position,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: true,
    flags: 0,
  };
}

export function guildChannel(guild: FakeGuild, id: string, position: number) {
  return {
    id,
    type: 0,
    guild_id: guild.id,
    name: `channel-${position}`,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

export function guildObject(guild: FakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    features: [],
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500_000,
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    roles: guild.roleIds.map((id) => roleObject(guild, id)),
    channels: [guild.channelId, ...guild.channelIds].map((id, i) => guildChannel(guild, id, i)),
    members: [],
    presences: [],
    voice_states: [],
    threads: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function dmChannelObject(channelId: string, user: FakeUser) {
  return { id: channelId, type: 1, last_message_id: null, recipients: [userObject(user)] };
}

export function messageObject(message: FakeMessage, author: FakeUser) {
  return {
    id: message.id,
    channel_id: message.channelId,
    ...(message.guildId && { guild_id: message.guildId }),
    author: userObject(author, true),
    content: message.content,
    timestamp: '2026-11-30T09:00:00.000Z',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.files.map((file, i) => ({
      id: `${message.id}${i}`,
      filename: file.filename,
      size: Buffer.byteLength(file.content),
      url: `https://cdn.invalid/${file.filename}`,
      proxy_url: `https://cdn.invalid/${file.filename}`,
      content_type: file.type,
    })),
    embeds: message.embeds ?? [],
    pinned: false,
    type: 0,
    flags: message.flags,
    components: message.components,
  };
}

/** Where an interaction happens: a guild's channel (with the member) or the DM with the bot. */
export type InteractionPlace =
  | { guild: FakeGuild; member: FakeMember; channelId?: string }
  | { dmChannelId: string; user: FakeUser };

/** The fields every interaction carries, for the place it happens in. */
export function interactionBase(
  ids: { id: string; token: string; applicationId: string },
  place: InteractionPlace,
) {
  const user = 'guild' in place ? place.member.user : place.user;
  const where =
    'guild' in place
      ? {
          guild_id: place.guild.id,
          channel_id: place.channelId ?? place.guild.channelId,
          channel: guildChannel(place.guild, place.channelId ?? place.guild.channelId, 0),
          member: memberObject(place.member),
          guild_locale: 'en-US',
          context: 0,
        }
      : {
          channel_id: place.dmChannelId,
          channel: dmChannelObject(place.dmChannelId, user),
          user: userObject(user),
          context: 1,
        };
  return {
    id: ids.id,
    application_id: ids.applicationId,
    token: ids.token,
    version: 1,
    locale: user.locale,
    app_permissions: String(MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks),
    entitlements: [],
    authorizing_integration_owners: { 0: 'guild' in place ? place.guild.id : user.id },
    attachment_size_limit: 10_485_760,
    ...where,
  };
}
