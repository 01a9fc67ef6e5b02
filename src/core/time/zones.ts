const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** Canonical name of an IANA zone (`europe/paris` -> `Europe/Paris`), undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    const zone = new Intl.DateTimeFormat('en', { timeZone: name.trim() }).resolvedOptions()
      .timeZone;
    return TIME_ZONES.has(zone) ? zone : undefined;
  } catch {
    return undefined;
  }
}

const SORTED_ZONES = [...TIME_ZONES].sort();

/**
 * IANA zones whose name, or a part of it after a `/`, starts with what was typed
 * (`eur` -> `Europe/...`, `par` -> `Europe/Paris`), whole-name matches first, at most `limit`.
 */
export function timeZonesStartingWith(typed: string, limit: number): string[] {
  const prefix = typed.trim().toLowerCase().replaceAll(' ', '_');
  const whole = SORTED_ZONES.filter((zone) => zone.toLowerCase().startsWith(prefix));
  const parts = SORTED_ZONES.filter(
    (zone) =>
      !whole.includes(zone) &&
      zone
        .toLowerCase()
        .split('/')
        .slice(1)
        .some((part) => part.startsWith(prefix)),
  );
  return [...whole, ...parts].slice(0, limit);
}
