import type { Campaign } from '../campaigns/campaign.types.ts';
import type { NewNotification } from '../notifications/notification.types.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import { parseOffsets } from '../time/durations.ts';
import type { CampaignEvent, RsvpAnswer } from './event.types.ts';

/** A reminder whose time has passed is still sent when the event is further away than this. */
export const LATE_REMINDER_MARGIN_MS = 15 * 60_000;

/** Answers that get event reminders. */
export const REMINDED_ANSWERS: readonly RsvpAnswer[] = ['yes', 'maybe'];

/** Answers told about changes and cancellation. */
export const CONCERNED_ANSWERS: readonly RsvpAnswer[] = ['yes', 'maybe', 'waitlist'];

/** The event's reminder offsets in minutes: its own, else the campaign's defaults. */
export function reminderOffsets(event: CampaignEvent, campaign: Campaign): number[] {
  return parseOffsets(event.reminderOffsets ?? campaign.reminderOffsets) ?? [];
}

/** A reminder every supporter who answered gets: its offset and when it is due. */
export interface ReminderSlot {
  offsetMinutes: number;
  dueAt: Date;
}

/**
 * The reminders a supporter should have for an event at `now`: one per offset still ahead, due
 * at the start minus the offset. Offsets already passed get none, except that while the event is
 * more than 15 minutes ahead one (the smallest passed offset) is due at once.
 */
export function reminderSlots(
  event: CampaignEvent,
  offsets: readonly number[],
  now: Date,
): ReminderSlot[] {
  const start = event.startsAt.getTime();
  const ahead = offsets.filter((offset) => start - offset * 60_000 > now.getTime());
  const passed = offsets.filter((offset) => !ahead.includes(offset));
  const slots = ahead.map((offset) => ({
    offsetMinutes: offset,
    dueAt: new Date(start - offset * 60_000),
  }));
  if (passed.length > 0 && start - now.getTime() > LATE_REMINDER_MARGIN_MS) {
    slots.push({ offsetMinutes: Math.min(...passed), dueAt: now });
  }
  return slots;
}

/** The reminder rows of one supporter for an event at `now` (see reminderSlots). */
export function reminderRows(
  event: CampaignEvent,
  offsets: readonly number[],
  supporterId: number,
  now: Date,
): NewNotification[] {
  return reminderSlots(event, offsets, now).map(({ offsetMinutes, dueAt }) => ({
    kind: 'event_reminder',
    key: notificationKey('event_reminder', event.id, supporterId, offsetMinutes),
    recipientId: supporterId,
    eventId: event.id,
    dueAt,
    payload: { offsetMinutes },
  }));
}
