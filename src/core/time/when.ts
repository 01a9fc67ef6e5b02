import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Locale } from '../campaigns/campaign.types.ts';

const PARSERS: Record<Locale, chrono.Chrono> = { en: chrono.en.casual, fr: chrono.fr.casual };
const EXPLICIT_OFFSET = /(?:\dZ|[+-]\d\d:?\d\d|\b(?:UTC|GMT)\b)\s*$/i;

/**
 * Reads a date and time typed by a person: ISO (`2026-12-05 18:00`) or a phrase in English or
 * French (`tomorrow 18:00`, `in 2 hours`, `next saturday 10am`, `demain 18h`). Wall-clock times
 * are read in `zone`; relative phrases count from `now`. Returns null when the whole text is not
 * understood.
 */
export function parseWhen(text: string, now: Date, zone: string, locale: Locale): Date | null {
  const input = text.trim();
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
    const [result] = PARSERS[language].parse(input, reference, { forwardDate: true });
    if (result?.index !== 0 || result.text.length !== input.length) continue;
    const start = result.start;
    if (start.isCertain('timezoneOffset')) {
      if (EXPLICIT_OFFSET.test(input)) return start.date();
      // A relative phrase ("in 2 hours"): the same distance from the real now.
      return new Date(now.getTime() + (start.date().getTime() - reference.instant.getTime()));
    }
    const local = DateTime.fromObject(
      {
        year: start.get('year') ?? undefined,
        month: start.get('month') ?? undefined,
        day: start.get('day') ?? undefined,
        hour: start.get('hour') ?? 0,
        minute: start.get('minute') ?? 0,
        second: start.get('second') ?? 0,
      },
      { zone },
    );
    if (local.isValid) return local.toJSDate();
  }
  return null;
}

/** `Sat 5 Dec 2026, 18:00 (Europe/Paris)`: 24-hour clock with the zone named. */
export function formatWhen(instant: Date, zone: string, locale: Locale): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  return `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}
