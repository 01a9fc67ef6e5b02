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
