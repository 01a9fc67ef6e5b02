/**
 * Occurrences of series as event rows, made a rolling horizon ahead so answers, shifts, reminders
 * and check-in each attach to one date. Each new occurrence copies the template's shifts and
 * takes the standing answers (`series:on`) of its series.
 */
import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import type { Store } from '../ports.ts';
import type { CampaignEvent } from './event.types.ts';
import { recordRsvp } from './rsvp.ts';
import type { EventSeries, StandingAnswer } from './series.types.ts';
import { occurrencesBetween } from './series-rule.ts';
import { shiftHours } from './shifts.ts';

/** Occurrences exist this far ahead; the scheduler tick keeps the horizon rolling. */
export const HORIZON_DAYS = 56;
const DAY_MS = 24 * 60 * 60_000;
/** Series extended per tick at most (the rest wait for the next tick). */
const SERIES_PER_TICK = 50;

/** The end of the rolling horizon seen at `now`. */
export function horizonAt(now: Date): Date {
  return new Date(now.getTime() + HORIZON_DAYS * DAY_MS);
}

/**
 * Adds the occurrence of `series` starting at `start`, with the template's shifts and the
 * standing answers. Null when that occurrence exists already.
 */
export async function addOccurrence(
  deps: CoreDeps,
  campaign: Campaign,
  series: EventSeries,
  start: Date,
): Promise<CampaignEvent | null> {
  const { store } = deps;
  const occurrence = await store.series.addOccurrence(campaign.id, {
    title: series.title,
    description: series.description,
    location: series.location,
    startsAt: start,
    endsAt: new Date(start.getTime() + series.durationMinutes * 60_000),
    timezone: series.timezone,
    capacity: series.capacity,
    reminderOffsets: series.reminderOffsets,
    hostId: series.hostId,
    createdById: series.createdById,
    seriesId: series.id,
    occurrenceStart: start,
  });
  if (!occurrence) return null;
  const shifts = await copyTemplateShifts(store, series, occurrence);
  for (const standing of await store.series.standing(series.id)) {
    await answerFor(deps, campaign, standing, occurrence, shifts);
  }
  return occurrence;
}

/** Gives a standing answer to one occurrence (or its shift); refusals such as a tag are skipped. */
export async function answerFor(
  deps: CoreDeps,
  campaign: Campaign,
  standing: StandingAnswer,
  occurrence: CampaignEvent,
  shifts: readonly CampaignEvent[],
): Promise<boolean> {
  const target =
    standing.shiftNumber === null
      ? occurrence
      : shifts.find((shift) => shift.shiftNumber === standing.shiftNumber);
  if (target?.status !== 'scheduled') return false;
  try {
    await recordRsvp(deps, campaign, target.id, standing.supporterId, standing.answer);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** Copies the template's shifts missing from `occurrence`, at the same local times of day. */
export async function copyTemplateShifts(
  store: Store,
  series: EventSeries,
  occurrence: CampaignEvent,
): Promise<CampaignEvent[]> {
  const existing = await store.events.listShifts(occurrence.campaignId, occurrence.id);
  if (series.templateId === null || series.templateId === occurrence.id) return existing;
  const template = await store.events.findById(occurrence.campaignId, series.templateId);
  if (!template) return existing;
  const shifts = await store.events.listShifts(occurrence.campaignId, template.id);
  // A cancelled template cancelled its shifts with it: they still describe the series.
  const kept = shifts.filter(
    (shift) => template.status === 'cancelled' || shift.status === 'scheduled',
  );
  const copies = [...existing];
  for (const shift of kept) {
    if (existing.some((own) => own.shiftNumber === shift.shiftNumber)) continue;
    const startsAt = sameLocalOffset(template.startsAt, shift.startsAt, occurrence);
    const endsAt = sameLocalOffset(template.startsAt, shift.endsAt, occurrence);
    const hours = shiftHours({ startsAt, endsAt, timezone: occurrence.timezone });
    copies.push(
      await store.events.create(occurrence.campaignId, {
        title: `${occurrence.title} · ${shift.label ?? hours}`,
        description: occurrence.description,
        location: occurrence.location,
        startsAt,
        endsAt,
        timezone: occurrence.timezone,
        capacity: shift.capacity,
        reminderOffsets: occurrence.reminderOffsets,
        hostId: occurrence.hostId,
        createdById: occurrence.createdById,
        parentId: occurrence.id,
        shiftNumber: shift.shiftNumber,
        label: shift.label,
        requiredTag: shift.requiredTag,
      }),
    );
  }
  return copies;
}

/** `instant` placed at the same wall-clock distance from the occurrence's start as from `base`. */
function sameLocalOffset(base: Date, instant: Date, occurrence: CampaignEvent): Date {
  const zone = occurrence.timezone;
  const wall = (date: Date) =>
    DateTime.fromJSDate(date, { zone }).setZone('utc', { keepLocalTime: true });
  const distance = wall(instant).diff(wall(base)).toMillis();
  return wall(occurrence.startsAt)
    .plus({ milliseconds: distance })
    .setZone(zone, { keepLocalTime: true })
    .toJSDate();
}

/**
 * Makes the occurrences of one series up to `horizon` that do not exist yet (none in the past).
 * Each occurrence is its own transaction; one already made by another process is skipped.
 */
export async function materialize(
  deps: CoreDeps,
  campaign: Campaign,
  series: EventSeries,
  horizon: Date,
): Promise<number> {
  const now = deps.clock.now();
  const after = Math.max(series.materializedUntil.getTime() + 1, now.getTime());
  let made = 0;
  for (const start of occurrencesBetween(series, new Date(after), horizon)) {
    const added = await deps.store.transaction((store) =>
      addOccurrence({ ...deps, store }, campaign, series, start),
    );
    if (added) made += 1;
  }
  await deps.store.series.advance(series.id, horizon);
  return made;
}

/**
 * Extends every series whose occurrences stop a day or more short of the horizon (so each series
 * is looked at about once a day, not at every tick); how many were made.
 */
export async function extendSeries(deps: CoreDeps): Promise<number> {
  const horizon = horizonAt(deps.clock.now());
  const due = new Date(horizon.getTime() - DAY_MS);
  let made = 0;
  for (const series of await deps.store.series.dueForExtension(due, SERIES_PER_TICK)) {
    const campaign = await deps.store.campaigns.findById(series.campaignId);
    if (campaign) made += await materialize(deps, campaign, series, horizon);
  }
  return made;
}
