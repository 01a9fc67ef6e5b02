/**
 * Edits and cancellations of series: one occurrence (`scope:this`), it and the following ones
 * (`scope:following`: the series is split there, as RFC 5545 calendars do), or every occurrence
 * to come (`scope:all`). Each occurrence changes through the event rules (notices, reminders,
 * shifts), all in one transaction.
 */
import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { Store } from '../ports.ts';
import { type CampaignEvent, type EventPatch, shownId } from './event.types.ts';
import { cancelEvent, changeableEvent, type EventChange, editEvent } from './event-changes.ts';
import type { EventSeries, SeriesPatch, SeriesScope } from './series.types.ts';
import {
  firstOccurrences,
  floatingStamp,
  instantOf,
  localStamp,
  withoutEnd,
} from './series-rule.ts';

type SeriesChange = EventChange & { count: number };

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Edits the occurrences in `scope` (see the file's comment). */
export async function editSeries(
  deps: CoreDeps,
  campaign: Campaign,
  occurrence: CampaignEvent,
  patch: EventPatch,
  scope: SeriesScope,
  options: { confirm?: boolean },
): Promise<SeriesChange> {
  if (scope === 'this') {
    return { ...(await editEvent(deps, campaign, occurrence.id, patch, options)), count: 1 };
  }
  const now = deps.clock.now();
  return deps.store.transaction(async (store) => {
    const inTx = { ...deps, store };
    const { series, pivot, affected, first } = await pivotOf(store, occurrence, scope, now);
    const zone = series.timezone;
    const { startsAt, endsAt, ...content } = patch;
    const moved = startsAt !== undefined;
    const newLocal = moved ? DateTime.fromJSDate(startsAt, { zone }) : null;
    const pivotRule = DateTime.fromJSDate(pivot.occurrenceStart!, { zone });
    const dayShift = newLocal
      ? Math.round(newLocal.startOf('day').diff(pivotRule.startOf('day'), 'days').days)
      : 0;
    const durationMinutes =
      endsAt !== undefined
        ? Math.round((endsAt.getTime() - (startsAt ?? pivot.startsAt).getTime()) / 60_000)
        : series.durationMinutes;
    const ruleStart = (o: CampaignEvent): Date => {
      const local = DateTime.fromJSDate(o.occurrenceStart!, { zone });
      if (!newLocal) return o.occurrenceStart!;
      return local
        .plus({ days: dayShift })
        .set({ hour: newLocal.hour, minute: newLocal.minute })
        .toJSDate();
    };
    const rule = shiftWeekdays(series.rule, dayShift);
    const settings: SeriesPatch = {
      ...pick(content),
      durationMinutes,
      firstStart: localStamp(ruleStart(pivot), zone),
    };
    const target = first
      ? await store.series.update(campaign.id, series.id, { ...settings, rule })
      : await splitAt(store, series, pivot, rule, settings, ruleStart(affected.at(-1)!));
    // Moving later, the last occurrences go first, so no two share a start on the way.
    const order = dayShift > 0 || (dayShift === 0 && ruleStart(pivot) > pivot.occurrenceStart!);
    let notified = 0;
    let count = 0;
    for (const o of order ? [...affected].reverse() : affected) {
      await store.series.reassign(campaign.id, o.id, target.id, ruleStart(o));
      if (o.status !== 'scheduled' || o.endsAt <= now) continue;
      const occurrencePatch: EventPatch = { ...content };
      const start = moved ? ruleStart(o) : o.startsAt;
      if (moved || endsAt !== undefined) {
        if (moved) occurrencePatch.startsAt = start;
        occurrencePatch.endsAt = new Date(start.getTime() + durationMinutes * 60_000);
      }
      if (Object.keys(occurrencePatch).length === 0) continue;
      notified += (await editEvent(inTx, campaign, o.id, occurrencePatch, options)).notified;
      count += 1;
    }
    const event = (await store.events.findById(campaign.id, pivot.id)) ?? pivot;
    return { event, notified, count };
  });
}

/** Cancels the occurrences in `scope`; with `following` or `all` the series adds no more. */
export async function cancelSeries(
  deps: CoreDeps,
  campaign: Campaign,
  occurrence: CampaignEvent,
  scope: SeriesScope,
  reason: string | null,
): Promise<SeriesChange> {
  if (scope === 'this') {
    return { ...(await cancelEvent(deps, campaign, occurrence.id, reason)), count: 1 };
  }
  const now = deps.clock.now();
  return deps.store.transaction(async (store) => {
    const inTx = { ...deps, store };
    const { series, pivot, affected } = await pivotOf(store, occurrence, scope, now);
    await store.series.update(campaign.id, series.id, { rule: endedBefore(series, pivot) });
    let notified = 0;
    let count = 0;
    for (const o of affected) {
      if (o.status !== 'scheduled' || o.endsAt <= now) continue;
      notified += (await cancelEvent(inTx, campaign, o.id, reason)).notified;
      count += 1;
    }
    const event = (await store.events.findById(campaign.id, pivot.id)) ?? pivot;
    return { event, notified, count };
  });
}

/**
 * Where a change starts: the occurrence itself (`following`) or the first not over (`all`), the
 * occurrences from there on, and whether it is the series' very first occurrence.
 */
async function pivotOf(store: Store, occurrence: CampaignEvent, scope: SeriesScope, now: Date) {
  const { campaignId } = occurrence;
  const series = await store.series.findById(campaignId, occurrence.seriesId!);
  if (!series) throw new NotFoundError('event', occurrence.id);
  const all = await store.series.occurrences(campaignId, series.id);
  if (scope === 'following') await changeableEvent(store, campaignId, occurrence.id, now);
  const index =
    scope === 'all'
      ? all.findIndex((o) => o.endsAt > now)
      : all.findIndex((o) => o.id === occurrence.id);
  const pivot = all[index];
  if (!pivot) {
    throw new DomainError('EVENT_OVER', { id: shownId(occurrence), title: occurrence.title });
  }
  const first =
    index === 0 &&
    pivot.occurrenceStart!.getTime() === instantOf(series.firstStart, series.timezone).getTime();
  return { series, pivot, affected: all.slice(index), first };
}

/**
 * Ends `series` just before `pivot` and starts a new series there with the new settings; the
 * standing answers carry over. Returns the new series.
 */
async function splitAt(
  store: Store,
  series: EventSeries,
  pivot: CampaignEvent,
  rule: string,
  settings: SeriesPatch,
  lastStart: Date,
): Promise<EventSeries> {
  const count = /(?:^|;)COUNT=(\d+)/.exec(series.rule)?.[1];
  let continued = rule;
  if (count) {
    const before = firstOccurrences(series, Number(count)).filter(
      (start) => start < pivot.occurrenceStart!,
    ).length;
    continued = `${withoutEnd(rule)};COUNT=${Number(count) - before}`;
  }
  await store.series.update(series.campaignId, series.id, { rule: endedBefore(series, pivot) });
  const { id: _, sequence: __, createdAt: ___, updatedAt: ____, ...kept } = series;
  const next = await store.series.create(series.campaignId, {
    ...kept,
    ...settings,
    rule: continued,
    templateId: pivot.id,
    materializedUntil: new Date(Math.max(series.materializedUntil.getTime(), lastStart.getTime())),
  });
  for (const standing of await store.series.standing(series.id)) {
    await store.series.setStanding({ ...standing, seriesId: next.id });
  }
  return next;
}

/** The series' rule ending the second before `pivot`'s start by the rule (local time). */
function endedBefore(series: EventSeries, pivot: CampaignEvent): string {
  const local = DateTime.fromJSDate(pivot.occurrenceStart!, { zone: series.timezone });
  return `${withoutEnd(series.rule)};UNTIL=${floatingStamp(local.minus({ seconds: 1 }))}`;
}

/** `BYDAY=MO,TH` moved `days` later (or earlier), for a series moved to other weekdays. */
function shiftWeekdays(rule: string, days: number): string {
  if (days === 0) return rule;
  return rule.replace(/BYDAY=([A-Z,]+)/, (_, list: string) => {
    const moved = list
      .split(',')
      .map((day) => WEEKDAYS[(((WEEKDAYS.indexOf(day) + days) % 7) + 7) % 7]);
    return `BYDAY=${moved.join(',')}`;
  });
}

/** The settings of an event patch that a series keeps for its occurrences to come. */
function pick(patch: Omit<EventPatch, 'startsAt' | 'endsAt'>): SeriesPatch {
  const settings: SeriesPatch = {};
  if (patch.title !== undefined) settings.title = patch.title;
  if (patch.description !== undefined) settings.description = patch.description;
  if (patch.location !== undefined) settings.location = patch.location;
  if (patch.capacity !== undefined) settings.capacity = patch.capacity;
  if (patch.reminderOffsets !== undefined) settings.reminderOffsets = patch.reminderOffsets;
  if (patch.hostId !== undefined) settings.hostId = patch.hostId;
  return settings;
}
