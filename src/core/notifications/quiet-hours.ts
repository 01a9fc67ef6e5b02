import { DateTime } from 'luxon';

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/**
 * When `at` falls inside quiet hours, the instant they end; null outside them. `range` is local
 * wall-clock time `HH:MM-HH:MM` in `zone` (as `/profile set` stores it); a range whose start is
 * after its end runs across midnight (`22:00-08:00`). The start is inside, the end is not.
 */
export function quietHoursEnd(range: string, zone: string, at: Date): Date | null {
  const match = RANGE.exec(range);
  if (!match) return null;
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return null;
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  const minute = local.hour * 60 + local.minute;
  const overnight = start > end;
  const inside = overnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  // Before midnight, an overnight range ends tomorrow. Days are added on the wall clock, so a
  // daylight-saving change in between still ends at the local time the supporter chose.
  const day = overnight && minute >= start ? local.plus({ days: 1 }) : local;
  return day.set({ hour: endHour, minute: endMinute, second: 0, millisecond: 0 }).toJSDate();
}
