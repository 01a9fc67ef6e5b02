import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Locale } from '../campaigns/campaign.types.ts';

const PARSERS: Record<Locale, chrono.Chrono> = { en: chrono.en.GB, fr: chrono.fr.casual };
/** English read month first (`05/01/2027` = 1 May), for zones of the United States. */
const US_ENGLISH = chrono.en.casual;
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
      if (EXPLICIT_OFFSET.test(input)) return wholeMinute(start.date());
      // A relative phrase ("in 2 hours"): the same distance from the real now.
      return wholeMinute(
        new Date(now.getTime() + (start.date().getTime() - reference.instant.getTime())),
      );
    }
    const local = DateTime.fromObject(
      {
        year: start.get('year') ?? undefined,
        month: start.get('month') ?? undefined,
        day: start.get('day') ?? undefined,
        hour: start.get('hour') ?? 0,
        minute: start.get('minute') ?? 0,
      },
      { zone },
    );
    if (local.isValid) return local.toJSDate();
  }
  return null;
}

/** Stored times never carry seconds: "in 3 minutes" at 09:00:27 is 09:03. */
function wholeMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
}

/** `Sat 5 Dec 2026, 18:00 (Europe/Paris)`: 24-hour clock with the zone named. */
export function formatWhen(instant: Date, zone: string, locale: Locale): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}
