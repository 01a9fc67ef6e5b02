/**
 * iCalendar (RFC 5545) files of events, written with ical-generator: stable UIDs, SEQUENCE and
 * LAST-MODIFIED so a subscribed calendar moves a moved event and marks a cancelled one.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CampaignEvent } from './event.types.ts';
import { addSeries, type SeriesEntry } from './series-ics.ts';
import { vtimezone } from './vtimezone.ts';

/** What the calendar says besides its events. */
export interface CalendarOptions {
  /** When the file was made (DTSTAMP of every entry). */
  stamp: Date;
  /** Shown as the calendar's name by the apps that read X-WR-CALNAME. */
  name?: string;
}

/** A claimed task with a due time, shown as a point in time. */
export interface DueTask {
  id: number;
  title: string;
  dueAt: Date;
}

/**
 * The events (and tasks due) as the text of an `.ics` file (`text/calendar`); the dates of the
 * `series` given are shown as those series (one repeating entry each).
 */
export function eventsToIcs(
  events: readonly CampaignEvent[],
  options: CalendarOptions,
  tasks: readonly DueTask[] = [],
  series: readonly SeriesEntry[] = [],
): string {
  const calendar = ical({
    prodId: { company: 'Organizing assistant', product: 'Events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.name && { name: options.name }),
    // Series carry their zone (TZID): each zone used is described by a VTIMEZONE.
    ...(series.length > 0 && { timezone: { name: null, generator: zonesAround(options.stamp) } }),
  });
  for (const entry of series) addSeries(calendar, entry, options.stamp);
  const shownAsSeries = new Set(series.map((entry) => entry.series.id));
  for (const event of events) {
    if (event.seriesId !== null && shownAsSeries.has(event.seriesId)) continue;
    calendar.createEvent({
      id: eventUid(event.id),
      sequence: event.sequence,
      stamp: options.stamp,
      lastModified: event.updatedAt,
      start: event.startsAt,
      end: event.endsAt,
      summary: event.title,
      description: event.description,
      location: event.location,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  for (const task of tasks) {
    calendar.createEvent({
      id: `task-${task.id}@organizer`,
      stamp: options.stamp,
      start: task.dueAt,
      end: task.dueAt,
      summary: task.title,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** VTIMEZONE text for the years around `stamp` (two back, ten ahead). */
function zonesAround(stamp: Date): (zone: string) => string | null {
  const year = stamp.getUTCFullYear();
  return (zone) => vtimezone(zone, year - 2, year + 10);
}

/** The stable UID of an event: the same event keeps it across exports and edits. */
export function eventUid(eventId: number): string {
  return `event-${eventId}@organizer`;
}
