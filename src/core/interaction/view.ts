import type { Translator } from '../i18n/i18n.ts';

/**
 * How a platform shows an instant, given the reader's zoned text (`Sat 5 Dec 2026, 18:00
 * (Europe/Paris)`, or only `18:00` for the `clock` style): a platform that shows every reader
 * their own local time (Discord's timestamp markup) returns its markup instead; the others keep
 * the zoned text.
 */
export type ShowInstant = (instant: Date, zoned: string, style?: 'clock') => string;

/** The zoned text as the platform shows it (unchanged without a {@link ShowInstant}). */
export function showInstant(
  show: ShowInstant | undefined,
  instant: Date,
  zoned: string,
  style?: 'clock',
): string {
  return show ? show(instant, zoned, style) : zoned;
}

/** A span of time kept in a zone: a shift's hours. */
export interface Hours {
  startsAt: Date;
  endsAt: Date;
  timezone: string;
}

/** How a reader sees text: in their language, with instants in their zone (replies and notifications). */
export interface View {
  t: Translator;
  /**
   * An instant as `Sat 5 Dec 2026, 18:00 (Europe/Paris)` in the reader's language and zone, or
   * as the platform's own markup for instants (see {@link ShowInstant}).
   */
  formatWhen(instant: Date, zone?: string): string;
  /** `10:00-12:00` in the span's zone, or as the platform's own markup for times of day. */
  formatHours(hours: Hours): string;
}
