import { z } from 'zod';
import { type CampaignEvent, type RsvpAnswer, shownId } from '../events/event.types.ts';
import { CONCERNED_ANSWERS, REMINDED_ANSWERS } from '../events/event-reminders.ts';
import type { Button } from '../interaction/reply.ts';
import type { Store } from '../ports.ts';
import { rsvpButton } from '../views/event-view.ts';
import type { NoticeBody, NotificationView } from './content-view.ts';
import type { Notification } from './notification.types.ts';

type EventKind = 'event_reminder' | 'waitlist_promotion' | 'event_changed' | 'event_cancelled';

// Payloads are JSON read back from the database: a bad one reads as empty rather than failing.
const changedPayload = z
  .object({
    changed: z.array(z.string()).catch([]),
    previousStartsAt: z.coerce.date().optional().catch(undefined),
  })
  .catch({ changed: [] });
const cancelledPayload = z.object({ reason: z.string().nullish().catch(null) }).catch({});

/**
 * The message of an event notice, from the event as it is now; null when the event is gone, or
 * when the notice no longer applies (a cancelled event's reminder, a withdrawn answer).
 */
export async function eventNotice(
  store: Store,
  row: Notification & { kind: EventKind },
  view: NotificationView,
): Promise<NoticeBody | null> {
  if (row.eventId === null) return null;
  const event = await store.events.findById(row.campaignId, row.eventId);
  if (!event) return null;
  if (row.kind === 'event_cancelled') return cancelled(view, event, row.payload);
  if (event.status === 'cancelled') return null;
  const rsvp = await store.events.findRsvp(row.campaignId, event.id, row.recipientId);
  const answered = (answers: readonly RsvpAnswer[]) => !!rsvp && answers.includes(rsvp.answer);
  switch (row.kind) {
    case 'event_reminder':
      return answered(REMINDED_ANSWERS) ? reminder(view, event) : null;
    case 'waitlist_promotion':
      return answered(['yes']) ? promoted(view, event) : null;
    case 'event_changed':
      return answered(CONCERNED_ANSWERS) ? changed(view, event, row.payload) : null;
  }
}

/** `Reminder: #12 Canvass starts Sat 5 Dec 2026, 18:00 (Europe/Paris) at Market square`. */
function reminder(view: NotificationView, event: CampaignEvent): NoticeBody {
  const params = { id: shownId(event), title: event.title, when: view.formatWhen(event.startsAt) };
  const text = event.location
    ? view.t('notification.reminder_at', { ...params, location: event.location })
    : view.t('notification.reminder', params);
  return { blocks: [text], buttons: [[stillComing(view, event), cantMakeIt(view, event)]] };
}

function promoted(view: NotificationView, event: CampaignEvent): NoticeBody {
  const text = view.t('notification.promoted', {
    id: shownId(event),
    title: event.title,
    when: view.formatWhen(event.startsAt),
  });
  const where = event.location ? [view.t('event.where', { location: event.location })] : [];
  return { blocks: [[text, ...where].join('\n')], buttons: [[cantMakeIt(view, event)]] };
}

/** The header, then one line per changed field with its new value. */
function changed(view: NotificationView, event: CampaignEvent, payload: unknown): NoticeBody {
  const { changed: fields, previousStartsAt } = changedPayload.parse(payload);
  const lines = [view.t('notification.changed', { id: shownId(event), title: event.title })];
  if (fields.includes('startsAt')) {
    const before = previousStartsAt ? view.formatWhen(previousStartsAt) : '?';
    lines.push(
      view.t('notification.changed_start', { when: view.formatWhen(event.startsAt), before }),
    );
  }
  if (fields.includes('endsAt')) {
    lines.push(view.t('notification.changed_end', { when: view.formatWhen(event.endsAt) }));
  }
  if (fields.includes('location')) {
    lines.push(
      event.location
        ? view.t('notification.changed_place', { location: event.location })
        : view.t('notification.changed_no_place'),
    );
  }
  return {
    blocks: [lines.join('\n')],
    buttons: [[stillComing(view, event), cantMakeIt(view, event)]],
  };
}

function cancelled(view: NotificationView, event: CampaignEvent, payload: unknown): NoticeBody {
  const reason = cancelledPayload.parse(payload).reason ?? event.cancelReason;
  const text = view.t('notification.cancelled', {
    id: shownId(event),
    title: event.title,
    when: view.formatWhen(event.startsAt),
  });
  return { blocks: [text, ...(reason ? [view.t('notification.cancel_reason', { reason })] : [])] };
}

/** "Still coming": answers yes again (`/event rsvp id:12 answer:yes`). */
function stillComing(view: NotificationView, event: CampaignEvent): Button {
  return { ...rsvpButton(view, event, 'yes'), label: view.t('notification.still_coming') };
}

/** "Can't make it": withdraws the answer, which hands the seat to the waitlist. */
function cantMakeIt(view: NotificationView, event: CampaignEvent): Button {
  return { ...rsvpButton(view, event, 'no'), label: view.t('notification.cant_make_it') };
}
