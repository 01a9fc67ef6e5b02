import type { Locale } from '../campaigns/campaign.types.ts';
import { DomainError } from '../errors.ts';
import { formatOffsets, parseDuration, parseOffsets } from '../time/durations.ts';
import { formatWhen, readWhen } from '../time/when.ts';

/** An event lasts this long when neither an end nor a duration is given. */
export const DEFAULT_DURATION_MINUTES = 120;

/** Where typed times are read and echoed. */
export interface TimeFrame {
  zone: string;
  locale: Locale;
  /** When the text was typed: a day named in words (`tomorrow`) counts from it. */
  now?: Date;
}

/** Reminder offsets as typed (`24h, 2h`) in their stored form (`24h,2h`). */
export function readReminders(text: string): string {
  const offsets = parseOffsets(text);
  if (!offsets) throw new DomainError('EVENT_BAD_REMINDERS', { text });
  return formatOffsets(offsets);
}

/**
 * The end of an event starting at `start`: `end` is read from the start (so `20:00` means that
 * evening and `in 3 hours` counts from the start), `duration` is added to it, and with neither
 * the event lasts `keepMinutes` (two hours for a new event).
 */
export function resolveEnd(
  start: Date,
  options: { end?: string; duration?: string; keepMinutes?: number },
  frame: TimeFrame,
): Date {
  if (options.end !== undefined && options.duration !== undefined) {
    throw new DomainError('EVENT_END_AND_DURATION');
  }
  const end =
    options.end !== undefined
      ? readEnd(options.end, start, frame)
      : addMinutes(start, options.duration, options.keepMinutes);
  if (!end) throw new DomainError('TIME_UNPARSEABLE', { text: options.end ?? '' });
  assertEndsAfterStart(start, end, frame);
  return end;
}

/**
 * An end typed as a time alone (`20:00`) is on the start's day; one that names its day in words
 * (`tomorrow 09:00`) counts from now, like the start it goes with.
 */
function readEnd(text: string, start: Date, frame: TimeFrame): Date | null {
  const read = readWhen(text, start, frame.zone, frame.locale);
  if (read?.dated && frame.now)
    return readWhen(text, frame.now, frame.zone, frame.locale)?.instant ?? null;
  return read?.instant ?? null;
}

function addMinutes(start: Date, duration: string | undefined, keepMinutes?: number): Date {
  if (duration === undefined) {
    return new Date(start.getTime() + (keepMinutes ?? DEFAULT_DURATION_MINUTES) * 60_000);
  }
  const minutes = parseDuration(duration);
  if (minutes === null) throw new DomainError('EVENT_BAD_DURATION', { text: duration });
  return new Date(start.getTime() + minutes * 60_000);
}

/** Refuses an event that would end at or before its start. */
export function assertEndsAfterStart(start: Date, end: Date, frame: TimeFrame): void {
  if (end.getTime() > start.getTime()) return;
  throw new DomainError('EVENT_END_BEFORE_START', {
    start: formatWhen(start, frame.zone, frame.locale),
    end: formatWhen(end, frame.zone, frame.locale),
  });
}
