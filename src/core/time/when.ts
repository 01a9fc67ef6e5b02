import type { Chrono } from 'chrono-node';
// Only the two languages read here: the package's main module builds parsers for sixteen.
import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import { DateTime } from 'luxon';
import type { Locale } from '../campaigns/campaign.types.ts';

const PARSERS: Record<Locale, Chrono> = { en: en.GB, fr: fr.casual };
/** English read month first (`05/01/2027` = 1 May), for zones of the United States. */
const US_ENGLISH = en.casual;
const US_ZONE =
  /^(US\/|America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Adak|Menominee|Metlakatla|Yakutat|Indiana\/|Kentucky\/|North_Dakota\/)|Pacific\/Honolulu)/;
/** "next saturday" and "samedi prochain" mean the coming Saturday, not the one after. */
const NEXT_WEEKDAY: [RegExp, string][] = [
  [/\bnext\s+((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/gi, '$1'],
  [/\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+prochain\b/gi, '$1'],
];
const EXPLICIT_OFFSET = /(?:\dZ|[+-]\d\d:?\d\d|\b(?:UTC|GMT)\b)\s*$/i;

/**
 * Reads a date and time typed by a person: ISO (`2026-12-05 18:00`) or a phrase in English or
 * French (`tomorrow 18:00`, `in 2 hours`, `next saturday 10am`, `demain 18h`). Wall-clock times
 * are read in `zone`; relative phrases count from `now`, to the minute. Numeric dates are day
 * first (`05/01/2027` = 5 January) except in English for zones of the United States; "next
 * saturday" / "samedi prochain" is the coming Saturday. Returns null when the whole text is not
 * understood.
 */
export function parseWhen(text: string, now: Date, zone: string, locale: Locale): Date | null {
  return readWhen(text, now, zone, locale)?.instant ?? null;
}

/**
 * A typed time, and what a daylight-saving change did to its wall-clock reading: `skipped` when
 * that local time does not exist that day (the clocks jump over it: the instant is the one the
 * jump leads to, `02:30` read as `03:30`), `repeated` when it happens twice (the clocks go back:
 * the instant is the first of the two).
 */
export interface ReadTime {
  instant: Date;
  clock?: 'skipped' | 'repeated';
  /** The wall-clock time as typed, `02:30`, when {@link clock} is set. */
  typed?: string;
  /** The text gave the day (`2026-12-05`, `tomorrow`, `saturday`), not only a time of day. */
  dated?: boolean;
}

/** {@link parseWhen}, telling when a daylight-saving change made the local time skipped or double. */
export function readWhen(text: string, now: Date, zone: string, locale: Locale): ReadTime | null {
  const input = NEXT_WEEKDAY.reduce(
    (typed, [next, coming]) => typed.replace(next, coming),
    text.trim(),
  );
  if (!input) return null;
  const wallNow = DateTime.fromJSDate(now, { zone });
  // chrono reads wall-clock times in its reference's offset: give it the zone's wall clock as UTC.
  const reference = {
    instant: new Date(
      Date.UTC(
        wallNow.year,
        wallNow.month - 1,
        wallNow.day,
        wallNow.hour,
        wallNow.minute,
        wallNow.second,
      ),
    ),
    timezone: 0,
  };
  const order: Locale[] = locale === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  for (const language of order) {
    const parser = language === 'en' && US_ZONE.test(zone) ? US_ENGLISH : PARSERS[language];
    const [result] = parser.parse(input, reference, { forwardDate: true });
    if (result?.index !== 0 || result.text.length !== input.length) continue;
    const start = result.start;
    if (start.isCertain('timezoneOffset')) {
      if (EXPLICIT_OFFSET.test(input)) return { instant: wholeMinute(start.date()) };
      // A relative phrase ("in 2 hours"): the same distance from the real now.
      return {
        instant: wholeMinute(
          new Date(now.getTime() + (start.date().getTime() - reference.instant.getTime())),
        ),
      };
    }
    const wall = {
      year: start.get('year') ?? wallNow.year,
      month: start.get('month') ?? wallNow.month,
      day: start.get('day') ?? wallNow.day,
      hour: start.get('hour') ?? 0,
      minute: start.get('minute') ?? 0,
    };
    const local = DateTime.fromObject(wall, { zone });
    if (!local.isValid) continue;
    const read = wallClockTime(wall, local, zone);
    return start.isCertain('day') || start.isCertain('weekday') ? { ...read, dated: true } : read;
  }
  return null;
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number };

/** The instant of a wall-clock time in `zone`, naming a time skipped or repeated by a DST change. */
function wallClockTime(wall: Wall, local: DateTime, zone: string): ReadTime {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The zone's offsets a day either side: two when a change happens around this time.
  const offsets = new Set(
    [asUtc - DAY_MS, asUtc + DAY_MS].map((ms) => DateTime.fromMillis(ms, { zone }).offset),
  );
  const instants = [...offsets]
    .map((offset) => asUtc - offset * 60_000)
    .filter((ms) => {
      const seen = DateTime.fromMillis(ms, { zone });
      return seen.day === wall.day && seen.hour === wall.hour && seen.minute === wall.minute;
    })
    .sort((a, b) => a - b);
  const typed = `${pad(wall.hour)}:${pad(wall.minute)}`;
  if (instants.length === 0) return { instant: local.toJSDate(), clock: 'skipped', typed };
  if (instants.length > 1 && instants[0] !== instants[1]) {
    return { instant: new Date(instants[0]!), clock: 'repeated', typed };
  }
  return { instant: local.toJSDate() };
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Stored times never carry seconds: "in 3 minutes" at 09:00:27 is 09:03. */
function wholeMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
}

/** `Sat 5 Dec 2026, 18:00 (Europe/Paris)`: 24-hour clock with the zone named. */
export function formatWhen(instant: Date, zone: string, locale: Locale): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

/** The note telling how a skipped or repeated wall-clock time was read, or null. */
export function clockNoteParams(
  read: ReadTime,
  zone: string,
  locale: Locale,
): { id: 'time.skipped' | 'time.repeated'; params: Record<string, string> } | null {
  if (!read.clock) return null;
  const local = DateTime.fromJSDate(read.instant, { zone }).setLocale(locale);
  return {
    id: read.clock === 'skipped' ? 'time.skipped' : 'time.repeated',
    params: {
      typed: read.typed ?? '',
      day: local.toFormat('cccc d LLLL yyyy'),
      zone,
      used: `${local.toFormat('HH:mm')} (UTC${local.toFormat('Z')})`,
    },
  };
}
