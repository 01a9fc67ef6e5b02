import type { Locale } from '../campaigns/campaign.types.ts';
import { DomainError } from '../errors.ts';
import { isOff } from '../i18n/french-words.ts';
import { canonicalTimeZone } from '../time/zones.ts';
import type { SupporterPatch } from './supporter.types.ts';

/** What `/profile set` may change, as typed (the option names of the command). */
export interface ProfileInput {
  timezone?: string;
  language?: Locale;
  quiet_hours?: string;
  reminders?: boolean;
  skills?: string;
}

/** A checked profile change: fields to write and, when given, the new skills. */
export interface ProfileChange {
  patch: SupporterPatch;
  skills?: string[];
}

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 40;

/** Checks every value first, so that one bad value means nothing is written. */
export function parseProfileInput(input: ProfileInput): ProfileChange {
  const patch: SupporterPatch = {};
  if (input.timezone !== undefined) {
    const zone = canonicalTimeZone(input.timezone);
    if (!zone) throw new DomainError('TIME_UNKNOWN_ZONE', { zone: input.timezone });
    patch.timezone = zone;
  }
  if (input.language !== undefined) patch.locale = input.language;
  if (input.quiet_hours !== undefined) patch.quietHours = parseQuietHours(input.quiet_hours);
  if (input.reminders !== undefined) patch.remindersEnabled = input.reminders;
  const skills = input.skills === undefined ? undefined : parseSkills(input.skills);
  return { patch, ...(skills && { skills }) };
}

/** `22:00-08:00` (also `22:00 - 8:00`) as `HH:MM-HH:MM`; `off` clears; the ends must differ. */
export function parseQuietHours(text: string): string | null {
  const value = text.trim();
  if (isOff(value)) return null;
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(value);
  const [, h1, m1, h2, m2] = match ?? [];
  const start = clock(h1, m1);
  const end = clock(h2, m2);
  if (!start || !end || start === end) {
    throw new DomainError('PROFILE_BAD_QUIET_HOURS', { text: value });
  }
  return `${start}-${end}`;
}

function clock(hours: string | undefined, minutes: string | undefined): string | null {
  if (hours === undefined || minutes === undefined) return null;
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${minutes}`;
}

/** A comma list of tags; `none` clears them. */
function parseSkills(text: string): string[] {
  if (isOff(text)) return [];
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length === 0 || tags.length > MAX_TAGS || tags.some((t) => t.length > MAX_TAG_LENGTH)) {
    throw new DomainError('PROFILE_BAD_SKILLS', {
      text: text.trim(),
      max: MAX_TAGS,
      length: MAX_TAG_LENGTH,
    });
  }
  return tags;
}
