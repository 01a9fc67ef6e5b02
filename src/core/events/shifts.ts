import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign.types.ts';
import { requireTag } from '../campaigns/tags.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { type Hours, type ShowInstant, showInstant } from '../interaction/view.ts';
import type { Store } from '../ports.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import { meetsTag } from '../tasks/task-notifications.ts';
import { formatWhen } from '../time/when.ts';
import { type CampaignEvent, type EventPatch, shownId } from './event.types.ts';
import { cancelEvent, changeableEvent, type EventChange, editEvent } from './event-changes.ts';
import { assertEndsAfterStart } from './event-input.ts';

/** What an organizer gives for a new shift. */
export interface ShiftDraft {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  tag?: string | null;
  label?: string | null;
}

/**
 * `10:00-12:00`: a shift's hours in its event's zone; where the platform has its own markup for
 * times of day (`show`), followed by them in that markup, so each reader also sees their own.
 */
export function shiftHours(shift: Hours, show?: ShowInstant): string {
  const zoned = (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: shift.timezone }).toFormat('HH:mm');
  const hours = `${zoned(shift.startsAt)}-${zoned(shift.endsAt)}`;
  if (!show) return hours;
  // The event's own hours, then the reader's where the platform shows them.
  const own = (instant: Date) => showInstant(show, instant, zoned(instant), 'clock');
  return `${hours} (${own(shift.startsAt)}-${own(shift.endsAt)})`;
}

/**
 * Adds a shift to an event: its own start, end, seats, optional tag and label, inside the
 * event's hours. The shift is stored as an event of its own under the parent, so answers,
 * waitlist, reminders, check-in and calendars work per shift; its title reads
 * `Canvass · Drivers`.
 */
export function addShift(
  deps: CoreDeps,
  campaign: Campaign,
  parentId: number,
  draft: ShiftDraft,
): Promise<CampaignEvent> {
  const now = deps.clock.now();
  return deps.store.transaction(async (store) => {
    const parent = await shiftableEvent(store, campaign.id, parentId, now);
    const frame = { zone: parent.timezone, locale: campaign.locale };
    assertEndsAfterStart(draft.startsAt, draft.endsAt, frame);
    if (draft.startsAt < parent.startsAt || draft.endsAt > parent.endsAt) {
      throw new DomainError('EVENT_SHIFT_OUTSIDE', {
        id: parent.id,
        start: formatWhen(parent.startsAt, frame.zone, frame.locale),
        end: formatWhen(parent.endsAt, frame.zone, frame.locale),
      });
    }
    const tag = draft.tag ? (await requireTag(store, campaign.id, draft.tag)).name : null;
    const shifts = await store.events.listShifts(campaign.id, parent.id);
    const shiftNumber = Math.max(0, ...shifts.map((s) => s.shiftNumber ?? 0)) + 1;
    const label = draft.label ?? null;
    const hours = shiftHours({ ...draft, timezone: parent.timezone });
    return store.events.create(campaign.id, {
      title: `${parent.title} · ${label ?? hours}`,
      description: parent.description,
      location: parent.location,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      timezone: parent.timezone,
      capacity: draft.capacity,
      reminderOffsets: parent.reminderOffsets,
      hostId: parent.hostId,
      createdById: parent.createdById,
      parentId: parent.id,
      shiftNumber,
      label,
      requiredTag: tag,
    });
  });
}

/** Removes a shift: it is cancelled, and everyone who answered it is told. */
export async function removeShift(
  deps: CoreDeps,
  campaign: Campaign,
  parentId: number,
  shiftNumber: number,
): Promise<EventChange> {
  const shift = await requireShift(deps.store, campaign.id, parentId, shiftNumber);
  return cancelEvent(deps, campaign, shift.id, null);
}

/** Shift `shiftNumber` of the event; a sentence listing the event's shifts otherwise. */
export async function requireShift(
  store: Store,
  campaignId: number,
  parentId: number,
  shiftNumber: number,
): Promise<CampaignEvent> {
  const parent = await store.events.findById(campaignId, parentId);
  if (!parent || parent.parentId !== null) throw new NotFoundError('event', parentId);
  const shift = await store.events.findShift(campaignId, parentId, shiftNumber);
  if (shift) return shift;
  const shifts = (await store.events.listShifts(campaignId, parentId)).filter(
    (s) => s.status === 'scheduled',
  );
  if (shifts.length === 0) throw new DomainError('EVENT_NO_SHIFTS', { id: parentId });
  throw new DomainError('EVENT_UNKNOWN_SHIFT', {
    id: parentId,
    shift: shiftNumber,
    shifts: shifts.map((s) => `${s.shiftNumber} (${s.label ?? shiftHours(s)})`).join(', '),
  });
}

/**
 * Refuses a yes to a shift the supporter may not hold: one requiring a tag they lack, or one
 * overlapping another shift they are going to or waiting for (the answer names that shift).
 */
export async function assertMayHoldShift(
  store: Store,
  shift: CampaignEvent,
  supporter: Supporter,
): Promise<void> {
  if (shift.parentId === null) return;
  if (!meetsTag(shift, supporter)) {
    throw new DomainError('EVENT_SHIFT_TAG', { id: shownId(shift), tag: shift.requiredTag ?? '' });
  }
  const held = await store.events.heldShifts(
    shift.campaignId,
    supporter.id,
    shift.startsAt,
    shift.endsAt,
  );
  const clash = held.find((other) => other.id !== shift.id);
  if (clash) {
    throw new DomainError('EVENT_SHIFT_CLASH', {
      id: shownId(shift),
      other: shownId(clash),
      title: clash.title,
      hours: shiftHours(clash),
      example: `/event rsvp ${clash.parentId} no shift:${clash.shiftNumber}`,
    });
  }
}

/**
 * Keeps an event's shifts in step with an edit of the event: a new start moves every shift by
 * as much (reminders and notices included), a new title or place is theirs too. Returns how many
 * people were told.
 */
export async function followParent(
  deps: CoreDeps,
  campaign: Campaign,
  before: CampaignEvent,
  after: CampaignEvent,
): Promise<number> {
  if (after.parentId !== null) return 0;
  const shift = after.startsAt.getTime() - before.startsAt.getTime();
  const renamed = after.title !== before.title;
  const moved = after.location !== before.location;
  if (shift === 0 && !renamed && !moved) return 0;
  let notified = 0;
  for (const child of await deps.store.events.listShifts(campaign.id, after.id)) {
    if (child.status !== 'scheduled' || child.endsAt <= deps.clock.now()) continue;
    const patch: EventPatch = {
      ...(renamed && { title: `${after.title} · ${child.label ?? shiftHours(child)}` }),
      ...(moved && { location: after.location }),
      ...(shift !== 0 && {
        startsAt: new Date(child.startsAt.getTime() + shift),
        endsAt: new Date(child.endsAt.getTime() + shift),
      }),
    };
    notified += (await editEvent(deps, campaign, child.id, patch)).notified;
  }
  return notified;
}

/** An event that may take shifts: an event (not a shift), neither cancelled nor over. */
async function shiftableEvent(
  store: Store,
  campaignId: number,
  eventId: number,
  now: Date,
): Promise<CampaignEvent> {
  const event = await changeableEvent(store, campaignId, eventId, now);
  if (event.parentId !== null) throw new NotFoundError('event', eventId);
  return event;
}
