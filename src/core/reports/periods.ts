import { DateTime } from 'luxon';
import type { Locale } from '../campaigns/campaign.types.ts';

/** Windows `/stats period:` accepts; `12w` is the default. */
export const PERIODS = ['30d', '12w', '1y'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '12w';

type Unit = 'day' | 'week' | 'month';

interface Span {
  unit: Unit;
  count: number;
}

/**
 * How each window is cut: growth and tasks over the whole window, attendance over its latest
 * part (the last 8 weeks for the default window).
 */
const SPANS: Record<Period, { growth: Span; attendance: Span }> = {
  '30d': { growth: { unit: 'day', count: 30 }, attendance: { unit: 'week', count: 4 } },
  '12w': { growth: { unit: 'week', count: 12 }, attendance: { unit: 'week', count: 8 } },
  '1y': { growth: { unit: 'month', count: 12 }, attendance: { unit: 'month', count: 12 } },
};

/** A stretch of time `[start, end)`; the current one ends now. */
export interface Range {
  start: Date;
  end: Date;
}

/** A day, a week (from Monday) or a month of the campaign's calendar, with its label. */
export interface Bucket extends Range {
  label: string;
}

/** The buckets of one panel of a window. */
export function periodBuckets(
  period: Period,
  panel: 'growth' | 'attendance',
  now: Date,
  zone: string,
  locale: Locale,
): Bucket[] {
  const { unit, count } = SPANS[period][panel];
  // Local calendar units: a week starts on Monday 00:00 in the campaign's zone, DST or not.
  const current = DateTime.fromJSDate(now, { zone }).setLocale(locale).startOf(unit);
  const buckets: Bucket[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const start = current.minus({ [unit]: back });
    const end = start.plus({ [unit]: 1 });
    buckets.push({
      start: start.toJSDate(),
      end: new Date(Math.min(end.toMillis(), now.getTime())),
      label: start.toFormat(unit === 'month' ? 'LLL yyyy' : 'd LLL'),
    });
  }
  return buckets;
}

/** `8 Sept – 30 Nov 2026` in the campaign's zone and language. */
export function rangeLabel(range: Range, zone: string, locale: Locale): string {
  const at = (instant: Date) => DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  // The end is exclusive: the last instant shown is just before it.
  const last = at(new Date(range.end.getTime() - 1));
  return `${at(range.start).toFormat('d LLL')} – ${last.toFormat('d LLL yyyy')}`;
}
