import { z } from 'zod';
import { shownId } from '../events/event.types.ts';
import type { Button } from '../interaction/reply.ts';
import type { NoticeBody, NotificationView } from '../notifications/content-view.ts';
import type { Notification } from '../notifications/notification.types.ts';
import type { Store } from '../ports.ts';
import { seatsTaken } from './cover-waves.ts';

// Payloads are JSON read back from the database: a bad one reads as empty rather than failing.
const coverPayload = z
  .object({ coverId: z.number().catch(0), takerId: z.number().optional().catch(undefined) })
  .catch({ coverId: 0 });

/**
 * The message of a cover offer ("Take this seat") or of the news that a swap found someone;
 * null when it no longer applies (the seat was taken, the offer closed, the person is going).
 */
export async function coverNotice(
  store: Store,
  row: Notification & { kind: 'cover_offer' | 'cover_taken' },
  view: NotificationView,
): Promise<NoticeBody | null> {
  const { coverId, takerId } = coverPayload.parse(row.payload);
  const cover = await store.covers.findById(row.campaignId, coverId);
  const event = cover && (await store.events.findById(row.campaignId, cover.eventId));
  if (!cover || !event || event.status === 'cancelled') return null;
  const params = { id: shownId(event), title: event.title, when: view.formatWhen(event.startsAt) };
  if (row.kind === 'cover_taken') {
    const taker =
      takerId === undefined ? null : await store.supporters.findById(row.campaignId, takerId);
    const name = taker?.displayName ?? view.t('cover.someone');
    return { blocks: [view.t('cover.requester_told', { ...params, name })] };
  }
  if (cover.status !== 'open' || seatsTaken(cover, event)) return null;
  const rsvp = await store.events.findRsvp(row.campaignId, event.id, row.recipientId);
  if (rsvp?.answer === 'yes') return null;
  const where = event.location ? [view.t('event.where', { location: event.location })] : [];
  return {
    blocks: [[view.t('cover.offer', params), ...where].join('\n')],
    buttons: [[takeButton(view, cover.id)]],
  };
}

/** "Take this seat" (`/event take cover:7`). */
export function takeButton(view: Pick<NotificationView, 't'>, coverId: number): Button {
  return {
    label: view.t('cover.take_button'),
    action: { command: 'event', subcommand: 'take', args: { cover: coverId } },
    style: 'primary',
  };
}
