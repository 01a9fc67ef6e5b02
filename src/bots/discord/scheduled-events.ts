import {
  type Client,
  DiscordAPIError,
  GatewayDispatchEvents,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  Routes,
} from 'discord.js';
import type { Core } from '../../core/core.ts';
import type { Log } from '../../core/deps.ts';
import { changeInterest } from '../../core/events/event-interest.ts';
import {
  type MirroredEvent,
  MirrorGoneError,
  MirrorPermissionError,
  type MirrorTarget,
} from '../../core/events/event-mirror.types.ts';
import { loggableError } from './discord-errors.ts';
import { renderNotice } from './discord-render.ts';

/** Discord's answers meaning the bot lacks a permission (Missing Access, Missing Permissions). */
const PERMISSION_CODES = new Set([50001, 50013]);
/** The scheduled event is gone (deleted by someone in the server). */
const UNKNOWN_SCHEDULED_EVENT = 10070;

/**
 * The server's Events (Guild Scheduled Events) as a calendar the core keeps in step: external
 * events with the event's place, start, end and description, visible to the server's members.
 */
export class DiscordScheduledEvents implements MirrorTarget {
  readonly platform = 'discord' as const;

  constructor(private readonly client: Client) {}

  serves(guildId: string): boolean {
    return this.client.guilds.cache.has(guildId);
  }

  async create(guildId: string, event: MirroredEvent): Promise<string> {
    const body = {
      ...fields(event),
      entity_type: GuildScheduledEventEntityType.External,
      privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
    };
    const created = (await this.call(() =>
      this.client.rest.post(Routes.guildScheduledEvents(guildId), { body }),
    )) as { id: string };
    return created.id;
  }

  async update(guildId: string, id: string, event: MirroredEvent): Promise<void> {
    try {
      await this.patch(guildId, id, fields(event));
    } catch (error) {
      if (isGone(error)) throw new MirrorGoneError(`scheduled event ${id} deleted`);
      throw error;
    }
  }

  async cancel(guildId: string, id: string): Promise<void> {
    await this.patch(guildId, id, { status: GuildScheduledEventStatus.Canceled }).catch(gone);
  }

  /** Discord ends an event only once it is active: started first when it still waits. */
  async complete(guildId: string, id: string): Promise<void> {
    const current = (await this.call(() =>
      this.client.rest.get(Routes.guildScheduledEvent(guildId, id)),
    ).catch(gone)) as { status: GuildScheduledEventStatus } | undefined;
    if (!current || current.status >= GuildScheduledEventStatus.Completed) return;
    if (current.status === GuildScheduledEventStatus.Scheduled) {
      await this.patch(guildId, id, { status: GuildScheduledEventStatus.Active });
    }
    await this.patch(guildId, id, { status: GuildScheduledEventStatus.Completed });
  }

  async tell(userId: string, text: string): Promise<void> {
    const channel = (await this.client.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
    })) as { id: string };
    await this.client.rest.post(Routes.channelMessages(channel.id), {
      body: { content: text, allowed_mentions: { parse: [] } },
    });
  }

  private async patch(guildId: string, id: string, body: object): Promise<void> {
    await this.call(() =>
      this.client.rest.patch(Routes.guildScheduledEvent(guildId, id), { body }),
    );
  }

  /** Turns Discord's refusal for want of a permission into the core's error. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof DiscordAPIError && PERMISSION_CODES.has(Number(error.code))) {
        throw new MirrorPermissionError(error.message);
      }
      throw error;
    }
  }
}

function fields(event: MirroredEvent) {
  return {
    name: event.title,
    description: event.description,
    scheduled_start_time: event.startsAt.toISOString(),
    scheduled_end_time: event.endsAt.toISOString(),
    entity_metadata: { location: event.location },
  };
}

function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === UNKNOWN_SCHEDULED_EVENT;
}

/** A scheduled event deleted in the server needs nothing more. */
function gone(error: unknown): undefined {
  if (isGone(error)) return undefined;
  throw error;
}

interface InterestPayload {
  guild_scheduled_event_id: string;
  user_id: string;
  guild_id: string;
}

/**
 * Listens to members pressing "Interested" on a mirrored event (and taking it back) and hands
 * it to the core, in order; someone not registered gets the privacy notice as a direct message.
 * `track` gets the work in flight, so that stopping can wait for it.
 */
export function listenForInterest(
  client: Client,
  core: Pick<Core, 'deps'>,
  log: Log,
  track: (work: Promise<void>) => void,
): void {
  const handle = async (data: InterestPayload, interested: boolean) => {
    try {
      const outcome = await changeInterest(core.deps, {
        platform: 'discord',
        spaceId: data.guild_id,
        externalEventId: data.guild_scheduled_event_id,
        userId: data.user_id,
        interested,
      });
      if (outcome.kind === 'notice') {
        const channel = (await client.rest.post(Routes.userChannels(), {
          body: { recipient_id: data.user_id },
        })) as { id: string };
        await client.rest.post(Routes.channelMessages(channel.id), {
          body: {
            ...renderNotice(outcome.reply.blocks, outcome.reply.buttons),
            allowed_mentions: { parse: [] },
          },
        });
      }
      log.info({ guildId: data.guild_id, outcome: outcome.kind }, 'scheduled event interest');
    } catch (error) {
      log.error({ err: loggableError(error) }, 'scheduled event interest failed');
    }
  };
  // One after the other, in the order Discord sent them: pressing and unpressing quickly
  // must end as unpressed.
  let queue = Promise.resolve();
  const enqueue = (data: InterestPayload, interested: boolean) => {
    queue = queue.then(() => handle(data, interested));
    track(queue);
  };
  client.ws.on(GatewayDispatchEvents.GuildScheduledEventUserAdd, (data: InterestPayload) =>
    enqueue(data, true),
  );
  client.ws.on(GatewayDispatchEvents.GuildScheduledEventUserRemove, (data: InterestPayload) =>
    enqueue(data, false),
  );
}
