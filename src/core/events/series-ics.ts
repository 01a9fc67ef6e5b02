/**
 * A series in an iCalendar feed: one VEVENT with the RRULE in the series' zone, EXDATE for the
 * cancelled dates, and a VEVENT with RECURRENCE-ID for each date changed on its own. UIDs and
 * SEQUENCE stay stable, so subscribed calendars update in place.
 */
import { type ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { CampaignEvent } from './event.types.ts';
import type { EventSeries } from './series.types.ts';
import { firstOccurrences, floatingStamp, icsRule } from './series-rule.ts';

/** A series with every occurrence it has made. */
export interface SeriesEntry {
  series: EventSeries;
  occurrences: readonly CampaignEvent[];
}

/** The stable UID of a series: every date of it shares it. */
export function seriesUid(seriesId: number): string {
  return `series-${seriesId}@organizer`;
}

/** Adds the series and its changed dates to the calendar. */
export function addSeries(calendar: ICalCalendar, entry: SeriesEntry, stamp: Date): void {
  const { series, occurrences } = entry;
  const zone = series.timezone;
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone });
  const first = DateTime.fromISO(series.firstStart, { zone });
  const cancelled = occurrences.filter((o) => o.status === 'cancelled');
  // A series cut before its first date (everything cancelled) is shown cancelled as a whole.
  const ended = firstOccurrences(series, 1).length === 0;
  const exdates = cancelled.map((o) => floatingStamp(local(o.occurrenceStart ?? o.startsAt)));
  const repeating = [
    `RRULE:${icsRule(series)}`,
    ...(exdates.length > 0 ? [`EXDATE;TZID=${zone}:${exdates.join(',')}`] : []),
  ].join('\n');
  calendar.createEvent({
    id: seriesUid(series.id),
    // Each cancelled date adds an EXDATE: a change attendees' calendars must take.
    sequence: series.sequence + cancelled.length,
    stamp,
    lastModified: series.updatedAt,
    start: first,
    end: first.plus({ minutes: series.durationMinutes }),
    timezone: zone,
    summary: series.title,
    description: series.description,
    location: series.location,
    status: ended ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    repeating: ended ? null : repeating,
  });
  for (const occurrence of occurrences) {
    if (occurrence.status !== 'scheduled' || !changedAlone(series, occurrence)) continue;
    calendar.createEvent({
      id: seriesUid(series.id),
      recurrenceId: local(occurrence.occurrenceStart ?? occurrence.startsAt),
      sequence: occurrence.sequence,
      stamp,
      lastModified: occurrence.updatedAt,
      start: local(occurrence.startsAt),
      end: local(occurrence.endsAt),
      timezone: zone,
      summary: occurrence.title,
      description: occurrence.description,
      location: occurrence.location,
      status: ICalEventStatus.CONFIRMED,
    });
  }
}

/** Whether a date differs from what its series' rule and settings give. */
function changedAlone(series: EventSeries, occurrence: CampaignEvent): boolean {
  const minutes = (occurrence.endsAt.getTime() - occurrence.startsAt.getTime()) / 60_000;
  return (
    occurrence.startsAt.getTime() !== occurrence.occurrenceStart?.getTime() ||
    minutes !== series.durationMinutes ||
    occurrence.title !== series.title ||
    occurrence.description !== series.description ||
    occurrence.location !== series.location
  );
}
