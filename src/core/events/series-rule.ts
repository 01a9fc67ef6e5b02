/**
 * Recurrence rules of event series: what `repeat:` means as an RFC 5545 RRULE, and the
 * occurrences it gives. Rules are read in floating local time and each local date-time is then
 * placed in the series' zone, so occurrences keep their local time across daylight-saving changes.
 */
import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { DomainError } from '../errors.ts';
import { plainWord } from '../i18n/french-words.ts';

const { rrulestr } = rrulePackage;

/** A series holds at most this many occurrences when it has an end. */
export const MAX_OCCURRENCES = 500;

/** A rule and where it starts: the first occurrence's local date-time in a zone. */
export interface SeriesRule {
  /** RRULE value in floating local time, e.g. `FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10`. */
  rule: string;
  /** Local date-time of the first occurrence, e.g. `2026-12-07T10:00`. */
  firstStart: string;
  timezone: string;
}

const DAYS: Record<string, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
  lun: 'MO',
  mar: 'TU',
  mer: 'WE',
  jeu: 'TH',
  ven: 'FR',
  sam: 'SA',
  dim: 'SU',
};

const FREQUENCIES: Record<string, string> = {
  daily: 'DAILY',
  quotidien: 'DAILY',
  quotidienne: 'DAILY',
  weekly: 'WEEKLY',
  hebdomadaire: 'WEEKLY',
  monthly: 'MONTHLY',
  mensuel: 'MONTHLY',
  mensuelle: 'MONTHLY',
};

/** `every:2w` units (and the French `chaque:2s`): days, weeks, months. */
const UNITS: Record<string, string> = {
  d: 'DAILY',
  j: 'DAILY',
  w: 'WEEKLY',
  s: 'WEEKLY',
  m: 'MONTHLY',
};

/**
 * The RRULE parts of a typed `repeat:` value: `daily`, `weekly`, `weekly:mon,thu`, `monthly`,
 * `every:2w` (French: `quotidien`, `hebdomadaire:lun,jeu`, `mensuel`, `chaque:2s`).
 */
export function readRepeat(text: string): string {
  const [head = '', rest] = plainWord(text.trim()).split(/:(.*)/s);
  const frequency = FREQUENCIES[head];
  if (frequency && rest === undefined) return `FREQ=${frequency}`;
  if (frequency === 'WEEKLY' && rest) {
    const days = rest.split(',').map((day) => DAYS[day.trim().slice(0, 3)]);
    if (days.length > 0 && days.every(Boolean)) {
      return `FREQ=WEEKLY;BYDAY=${[...new Set(days)].join(',')}`;
    }
  }
  if ((head === 'every' || head === 'chaque') && rest) {
    const every = /^(\d{1,3})\s*([a-z])$/.exec(rest.trim());
    const unit = every && UNITS[every[2]!];
    const interval = Number(every?.[1]);
    if (unit && interval >= 1) return `FREQ=${unit};INTERVAL=${interval}`;
  }
  throw new DomainError('SERIES_BAD_RULE', { text });
}

/** `2026-12-07T10:00`: the local date-time of an instant in a zone. */
export function localStamp(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The instant of a local date-time in a zone (a time skipped by a clock change moves forward). */
export function instantOf(local: string, zone: string): Date {
  return DateTime.fromISO(local, { zone }).toJSDate();
}

/** The floating form of a local date-time: its wall clock read as UTC, as the rule engine wants. */
function floating(local: string): Date {
  return DateTime.fromISO(local, { zone: 'utc' }).toJSDate();
}

function fromFloating(date: Date, zone: string): Date {
  const wall = DateTime.fromJSDate(date, { zone: 'utc' });
  return DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
    { zone },
  ).toJSDate();
}

/** `20270630T235959`: a local date-time as a floating RFC 5545 DATE-TIME. */
export function floatingStamp(local: DateTime): string {
  return local.toFormat("yyyyLLdd'T'HHmmss");
}

function engine(series: SeriesRule) {
  return rrulestr(`RRULE:${series.rule}`, { dtstart: floating(series.firstStart) });
}

/** Starts of the occurrences from `from` to `to` (both included), in order. */
export function occurrencesBetween(series: SeriesRule, from: Date, to: Date): Date[] {
  // The rule runs on wall clocks: widen the window by a day each side, then keep real instants.
  const day = 24 * 60 * 60_000;
  const wallFrom = floating(localStamp(new Date(from.getTime() - day), series.timezone));
  const wallTo = floating(localStamp(new Date(to.getTime() + day), series.timezone));
  return engine(series)
    .between(wallFrom, wallTo, true)
    .map((date) => fromFloating(date, series.timezone))
    .filter((start) => start >= from && start <= to);
}

/** The first `limit` occurrence starts of the series (all of them when it has fewer). */
export function firstOccurrences(series: SeriesRule, limit: number): Date[] {
  return engine(series)
    .all((_, index) => index < limit)
    .map((date) => fromFloating(date, series.timezone));
}

/** Whether the rule ends (by a count or a last date). */
export function hasEnd(rule: string): boolean {
  return /(^|;)(COUNT|UNTIL)=/.test(rule);
}

/** The rule without its end, ready for a new `COUNT` or `UNTIL`. */
export function withoutEnd(rule: string): string {
  return rule
    .split(';')
    .filter((part) => !/^(COUNT|UNTIL)=/.test(part))
    .join(';');
}

/** The rule for iCalendar: its floating `UNTIL` given in UTC, as RFC 5545 asks beside a TZID. */
export function icsRule(series: SeriesRule): string {
  return series.rule.replace(/UNTIL=(\d{8}T\d{6})(?!Z)/, (_, stamp: string) => {
    const local = DateTime.fromFormat(stamp, "yyyyLLdd'T'HHmmss", { zone: series.timezone });
    return `UNTIL=${local.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`;
  });
}
