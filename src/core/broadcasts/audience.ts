import { requireTag } from '../campaigns/tags.ts';
import { DomainError } from '../errors.ts';
import { CONCERNED_ANSWERS } from '../events/event-reminders.ts';
import { answerValue } from '../i18n/french-words.ts';
import type { FanOutAudience } from '../notifications/fan-out.types.ts';
import type { Store } from '../ports.ts';
import type { Audience } from './broadcast.types.ts';

/** Reads `all` (`tous`), `tag:<name>` or `event:<id>` (also `event:#12`); absent means everyone. */
export function parseAudience(text: string | undefined): Audience {
  const value = text?.trim() ?? '';
  if (value === '' || answerValue(value) === 'all') return { kind: 'all' };
  const tag = /^tag:(.+)$/is.exec(value)?.[1]?.trim();
  if (tag) return { kind: 'tag', tag };
  const eventId = /^event:\s*#?(\d{1,9})$/i.exec(value)?.[1];
  if (eventId) return { kind: 'event', eventId: Number(eventId) };
  throw new DomainError('BROADCAST_BAD_AUDIENCE', { text: value });
}

/** The audience written back as text, the way the Broadcast row stores it. */
export function formatAudience(audience: Audience): string {
  if (audience.kind === 'tag') return `tag:${audience.tag}`;
  if (audience.kind === 'event') return `event:${audience.eventId}`;
  return 'all';
}

/**
 * Who a broadcast reaches, for the database to select: registered, active (not paused, not
 * unreachable) supporters with reminders on (turning them off means no direct messages at all),
 * in the audience. The tag or event must exist in the campaign; the audience comes back with the
 * tag's stored name.
 */
export async function broadcastAudience(
  store: Store,
  campaignId: number,
  audience: Audience,
): Promise<{ audience: Audience; selection: FanOutAudience }> {
  if (audience.kind === 'tag') {
    const tag = (await requireTag(store, campaignId, audience.tag)).name;
    return { audience: { kind: 'tag', tag }, selection: { reachable: true, tag } };
  }
  if (audience.kind === 'event') {
    const event = await store.events.findById(campaignId, audience.eventId);
    if (!event) throw new DomainError('BROADCAST_UNKNOWN_EVENT', { id: audience.eventId });
    const selection = { reachable: true, event: { id: event.id, answers: CONCERNED_ANSWERS } };
    return { audience, selection };
  }
  return { audience, selection: { reachable: true } };
}
