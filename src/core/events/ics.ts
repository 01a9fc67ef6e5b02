/**
 * A small iCalendar (RFC 5545) writer for events: one VCALENDAR holding one VEVENT per event,
 * instants in UTC, text escaped, lines folded at 75 octets and ended by CRLF.
 */
import type { CampaignEvent } from './event.types.ts';

/** What the calendar says besides its events. */
export interface CalendarOptions {
  /** When the file was made (DTSTAMP of every event). */
  stamp: Date;
  /** Shown as the calendar's name by the apps that read X-WR-CALNAME. */
  name?: string;
}

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** The events as the text of an `.ics` file (`text/calendar`). */
export function eventsToIcs(events: readonly CampaignEvent[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Organizing assistant//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...events.flatMap((event) => eventLines(event, options.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The stable UID of an event: the same event keeps it across exports and edits. */
export function eventUid(eventId: number): string {
  return `event-${eventId}@organizer`;
}

function eventLines(event: CampaignEvent, stamp: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${eventUid(event.id)}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    `DTSTART:${utcStamp(event.startsAt)}`,
    `DTEND:${utcStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** `20261205T170000Z`: a DATE-TIME in UTC form. */
export function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Splits a content line into lines of at most 75 octets, each continuation starting with one
 * space, without cutting a UTF-8 character in two.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; continuations hold 74 after their leading space.
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
