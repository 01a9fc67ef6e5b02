import type { RestAnswer } from './fake-discord-rest.ts';

/** A Guild Scheduled Event as the fake keeps it (the fields the program sends). */
export interface FakeScheduledEvent {
  id: string;
  guildId: string;
  name: string;
  description: string;
  /** 1 scheduled, 2 active, 3 completed, 4 cancelled. */
  status: number;
  entityType: number;
  privacyLevel: number;
  location: string;
  startsAt: string;
  endsAt: string;
}

/** What the scheduled event routes need from the fake. */
export interface ScheduledEventWorld {
  scheduledEvents: Map<string, FakeScheduledEvent>;
  /** Guilds where the bot's role lacks Create Events and Manage Events. */
  withoutEventPermissions: Set<string>;
  guildExists(guildId: string): boolean;
  newId(): string;
}

/** Discord's allowed moves: scheduled -> active -> completed, scheduled -> cancelled. */
const MOVES: Record<number, number[]> = { 1: [2, 4], 2: [3] };
const EXTERNAL = 3;

const fail = (status: number, code: number, message: string): RestAnswer => ({
  status,
  body: { code, message },
});

/**
 * `POST /guilds/:id/scheduled-events`, `GET` and `PATCH /guilds/:id/scheduled-events/:event`,
 * checking what Discord checks for an external event (place and end required, status moves)
 * and the bot's permissions in the guild.
 */
export function scheduledEventRoute(
  world: ScheduledEventWorld,
  method: string,
  parts: string[],
  body: Record<string, unknown>,
): RestAnswer | undefined {
  if (parts[0] !== 'guilds' || parts[2] !== 'scheduled-events') return undefined;
  const guildId = parts[1]!;
  if (!world.guildExists(guildId)) return fail(404, 10004, 'Unknown Guild');
  if (world.withoutEventPermissions.has(guildId)) return fail(403, 50013, 'Missing Permissions');
  const eventId = parts[3];
  if (!eventId && method === 'POST') return create(world, guildId, body);
  const event = eventId ? world.scheduledEvents.get(eventId) : undefined;
  if (!event || event.guildId !== guildId) return fail(404, 10070, 'Unknown Guild Scheduled Event');
  if (method === 'PATCH') {
    const status = body.status === undefined ? undefined : Number(body.status);
    if (status !== undefined && !(MOVES[event.status] ?? []).includes(status)) {
      return fail(400, 180000, `Cannot move a scheduled event from ${event.status} to ${status}`);
    }
    if (event.status > 2) return fail(400, 180000, 'The scheduled event is over');
    Object.assign(event, fieldsOf(body), status !== undefined && { status });
  }
  return { status: 200, body: eventObject(event) };
}

function create(
  world: ScheduledEventWorld,
  guildId: string,
  body: Record<string, unknown>,
): RestAnswer {
  const fields = fieldsOf(body);
  if (Number(body.entity_type) !== EXTERNAL || !fields.location || !fields.endsAt) {
    return fail(400, 50035, 'Invalid Form Body: an external event needs a location and an end');
  }
  if (!fields.name || (fields.description ?? '').length > 1000 || fields.name.length > 100) {
    return fail(400, 50035, 'Invalid Form Body: name or description');
  }
  const event: FakeScheduledEvent = {
    id: world.newId(),
    guildId,
    name: fields.name,
    description: fields.description ?? '',
    status: 1,
    entityType: EXTERNAL,
    privacyLevel: Number(body.privacy_level),
    location: fields.location,
    startsAt: String(fields.startsAt),
    endsAt: fields.endsAt,
  };
  world.scheduledEvents.set(event.id, event);
  return { status: 200, body: eventObject(event) };
}

function fieldsOf(body: Record<string, unknown>): Partial<FakeScheduledEvent> {
  const metadata = body.entity_metadata as { location?: string } | undefined;
  const fields: Partial<FakeScheduledEvent> = {
    name: body.name as string | undefined,
    description: body.description as string | undefined,
    location: metadata?.location,
    startsAt: body.scheduled_start_time as string | undefined,
    endsAt: body.scheduled_end_time as string | undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

export function eventObject(event: FakeScheduledEvent) {
  return {
    id: event.id,
    guild_id: event.guildId,
    channel_id: null,
    creator_id: null,
    name: event.name,
    description: event.description,
    scheduled_start_time: event.startsAt,
    scheduled_end_time: event.endsAt,
    privacy_level: event.privacyLevel,
    status: event.status,
    entity_type: event.entityType,
    entity_id: null,
    entity_metadata: { location: event.location },
    user_count: 0,
  };
}
