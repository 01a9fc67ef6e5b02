const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;
const DURATION = /^(\d{1,5})\s*([mhd])$/i;

/** Minutes in a duration such as `2m`, `90m`, `2h` or `1d`; null when not of that form. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const minutes =
    Number(match[1]) * UNIT_MINUTES[match[2]?.toLowerCase() as keyof typeof UNIT_MINUTES];
  return minutes > 0 ? minutes : null;
}

/** Reminder offsets (`24h,2h`) as minutes, largest first; null when any part is not a duration. */
export function parseOffsets(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const minutes = parts.map(parseDuration);
  if (minutes.some((m) => m === null)) return null;
  return [...new Set(minutes as number[])].sort((a, b) => b - a);
}

/** The shortest way to write a number of minutes: `1d`, `2h`, `90m`. */
export function formatDuration(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** Offsets in minutes back to their text form, e.g. `24h,2h`. */
export function formatOffsets(minutes: number[]): string {
  return minutes.map(formatDuration).join(',');
}
