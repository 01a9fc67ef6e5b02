import { PermissionFlagsBits } from 'discord.js';
import {
  type FakeGuild,
  type FakeMessage,
  type FakeUser,
  guildObject,
  MEMBER_PERMISSIONS,
} from './discord-payloads.ts';
import type { FakeScheduledEvent } from './fake-discord-events.ts';
import { shardOf } from './fake-discord-gateway.ts';
import type { InteractionRecord, RestWorld } from './fake-discord-rest.ts';

/** Milliseconds since Discord's epoch, in 2024: snowflakes of the right length. */
const SNOWFLAKE_BASE = 300_000_000_000n;

/**
 * What the fake Discord holds: users, guilds and their members, DM channels, registered
 * commands, the messages the bot sent and the interactions tests started.
 */
export abstract class DiscordState implements RestWorld {
  readonly commands = new Map<string, object[]>();
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** The guilds' scheduled events (their Events tab), by id. */
  readonly scheduledEvents = new Map<string, FakeScheduledEvent>();
  /** Guilds where the bot's role lacks Create Events and Manage Events. */
  readonly withoutEventPermissions = new Set<string>();
  readonly applicationId: string;
  readonly botUser: FakeUser;
  protected readonly users = new Map<string, FakeUser>();
  protected readonly guilds: FakeGuild[] = [];
  private readonly dmChannels = new Map<string, string>();
  private nextId = 0n;

  constructor(readonly shards: number) {
    this.applicationId = this.newId();
    this.botUser = {
      id: this.applicationId,
      username: 'organizer-bot',
      global_name: null,
      locale: 'en-US',
    };
  }

  abstract gatewayUrl(): string;

  /** Snowflakes as Discord makes them (19 digits); ids in a row land on alternating shards of two. */
  newId(): string {
    return String((SNOWFLAKE_BASE + this.nextId++) << 22n);
  }

  addUser(username: string, options: { locale?: string; globalName?: string } = {}): FakeUser {
    const user = {
      id: this.newId(),
      username,
      global_name: options.globalName ?? null,
      locale: options.locale ?? 'en-US',
    };
    this.users.set(user.id, user);
    return user;
  }

  /** A guild with a text channel for commands and a second one (for announcements). */
  addGuild(name: string, owner: FakeUser): FakeGuild {
    const id = this.newId();
    const guild: FakeGuild = {
      id,
      name,
      ownerId: owner.id,
      channelId: this.newId(),
      channelIds: [this.newId()],
      roleIds: [id],
      members: new Map(),
    };
    this.guilds.push(guild);
    this.addMember(guild, owner, { manageGuild: true });
    return guild;
  }

  addMember(
    guild: FakeGuild,
    user: FakeUser,
    options: { manageGuild?: boolean; roles?: string[] } = {},
  ): void {
    const permissions =
      MEMBER_PERMISSIONS | (options.manageGuild ? PermissionFlagsBits.ManageGuild : 0n);
    guild.members.set(user.id, { user, roles: options.roles ?? [], permissions });
  }

  /** The commands registered globally, or to one guild. */
  registered(guildId?: string): { name: string; [key: string]: unknown }[] {
    return (this.commands.get(guildId ?? 'global') ?? []) as { name: string }[];
  }

  /** The DM channel of a user, opened on first use as `POST /users/@me/channels` does. */
  dmChannel(userId: string): { id: string; user: FakeUser } | undefined {
    const user = this.users.get(userId);
    if (!user) return undefined;
    if (!this.dmChannels.has(userId)) this.dmChannels.set(userId, this.newId());
    return { id: this.dmChannels.get(userId)!, user };
  }

  /** Messages the bot posted in a channel (DM or guild), oldest first. */
  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.deleted);
  }

  /** Direct messages the bot sent to a user outside interactions. */
  dmsTo(user: FakeUser): FakeMessage[] {
    const channelId = this.dmChannels.get(user.id);
    const answers = new Set(
      [...this.interactions.values()].flatMap((r) => [
        r.original?.id,
        ...r.followUps.map((m) => m.id),
      ]),
    );
    return channelId ? this.messagesIn(channelId).filter((m) => !answers.has(m.id)) : [];
  }

  channelExists(channelId: string): boolean {
    return (
      [...this.dmChannels.values()].includes(channelId) ||
      this.guilds.some((g) => g.channelId === channelId || g.channelIds.includes(channelId))
    );
  }

  guildExists(guildId: string): boolean {
    return this.guilds.some((g) => g.id === guildId);
  }

  /** The scheduled events of a guild, oldest first. */
  scheduledEventsOf(guild: FakeGuild): FakeScheduledEvent[] {
    return [...this.scheduledEvents.values()].filter((e) => e.guildId === guild.id);
  }

  guildOfChannel(channelId: string): string | undefined {
    return this.guilds.find((g) => g.channelId === channelId || g.channelIds.includes(channelId))
      ?.id;
  }

  /** Full GUILD_CREATE payloads of the guilds a shard serves. */
  guildsOfShard([id, count]: [number, number]): object[] {
    return this.guilds.filter((guild) => shardOf(guild.id, count) === id).map(guildObject);
  }
}
