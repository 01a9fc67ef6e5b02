/**
 * VTIMEZONE components (RFC 5545 §3.6.5) for the zones of series in a calendar file, built from
 * the IANA database through Luxon: one observance per clock change over a span of years, so a
 * calendar that does not know the zone by name still places every date right.
 */
import { DateTime } from 'luxon';

const MINUTE = 60_000;
const cache = new Map<string, string | null>();

/** `+0100`, `-0330`: an offset in minutes as iCalendar writes it. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The first minute after `from` (exclusive) up to `to` where the zone's offset is `to`'s. */
function changeBetween(zone: string, from: number, to: number): number {
  const target = DateTime.fromMillis(to, { zone }).offset;
  let lo = from;
  let hi = to;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (DateTime.fromMillis(mid, { zone }).offset === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

function observance(zone: string, at: number, from: number, to: number): string[] {
  const kind = DateTime.fromMillis(at, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
  // DTSTART is the local time of the onset read in the offset in force before it.
  const local = DateTime.fromMillis(at, { zone: 'utc' }).plus({ minutes: from });
  return [
    `BEGIN:${kind}`,
    `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
}

/** The VTIMEZONE of `zone` for the years `firstYear` to `lastYear`; null for an unknown zone. */
export function vtimezone(zone: string, firstYear: number, lastYear: number): string | null {
  const key = `${zone}:${firstYear}:${lastYear}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const start = DateTime.fromObject({ year: firstYear, month: 1, day: 1 }, { zone });
  if (!start.isValid) return null;
  const end = DateTime.fromObject({ year: lastYear + 1, month: 1, day: 1 }, { zone });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  lines.push(...observance(zone, start.toMillis(), start.offset, start.offset));
  for (let day: DateTime = start; day < end; ) {
    const next = DateTime.fromMillis(day.toMillis() + 24 * 60 * MINUTE, { zone });
    if (next.offset !== day.offset) {
      const at = changeBetween(zone, day.toMillis(), next.toMillis());
      lines.push(...observance(zone, at, day.offset, next.offset));
    }
    day = next;
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  cache.set(key, text);
  return text;
}
