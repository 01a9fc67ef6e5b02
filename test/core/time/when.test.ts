import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseOffsets } from '../../../src/core/time/durations.ts';
import { clockNoteParams, formatWhen, parseWhen, readWhen } from '../../../src/core/time/when.ts';
import { canonicalTimeZone } from '../../../src/core/time/zones.ts';

const NOW = new Date('2026-11-29T10:00:00Z'); // Sunday, 11:00 in Paris

describe('reading times', () => {
  it.each([
    ['2026-12-05 18:00', 'en', '2026-12-05T17:00:00.000Z'],
    ['tomorrow 18:00', 'en', '2026-11-30T17:00:00.000Z'],
    ['in 2 hours', 'en', '2026-11-29T12:00:00.000Z'],
    ['next saturday 10am', 'en', '2026-12-05T09:00:00.000Z'],
    ['demain 18h', 'fr', '2026-11-30T17:00:00.000Z'],
    ['demain 18h', 'en', '2026-11-30T17:00:00.000Z'],
    ['2026-12-05T18:00:00Z', 'en', '2026-12-05T18:00:00.000Z'],
  ] as const)('reads "%s" (%s) in the campaign zone', (input, locale, expected) => {
    expect(parseWhen(input, NOW, 'Europe/Paris', locale)?.toISOString()).toBe(expected);
  });

  it('reads "next <weekday>" as the coming one in English and French, said on a Tuesday', () => {
    const tuesday = new Date('2026-12-01T10:00:00Z');
    for (const [text, locale] of [
      ['next saturday 10am', 'en'],
      ['samedi prochain 10h', 'fr'],
    ] as const) {
      expect(parseWhen(text, tuesday, 'Europe/Paris', locale)?.toISOString()).toBe(
        '2026-12-05T09:00:00.000Z',
      );
    }
  });

  it('reads numeric dates day first outside the United States, month first there', () => {
    expect(parseWhen('05/01/2027 10:00', NOW, 'Europe/Paris', 'en')?.toISOString()).toBe(
      '2027-01-05T09:00:00.000Z',
    );
    expect(parseWhen('05/01/2027 10:00', NOW, 'Europe/Paris', 'fr')?.toISOString()).toBe(
      '2027-01-05T09:00:00.000Z',
    );
    expect(parseWhen('05/01/2027 10:00', NOW, 'America/New_York', 'en')?.toISOString()).toBe(
      '2027-05-01T14:00:00.000Z',
    );
    // The echo writes the month out, so the reader sees which way it was read.
    const read = parseWhen('05/01/2027 10:00', NOW, 'Europe/Paris', 'en')!;
    expect(formatWhen(read, 'Europe/Paris', 'en')).toBe('Tue 5 Jan 2027, 10:00 (Europe/Paris)');
  });

  it('never keeps seconds: "in 3 minutes" at 11:00:27 is 11:03', () => {
    const at = new Date('2026-11-29T10:00:27Z');
    expect(parseWhen('in 3 minutes', at, 'Europe/Paris', 'en')?.toISOString()).toBe(
      '2026-11-29T10:03:00.000Z',
    );
  });

  it('reads wall-clock times on the right side of a daylight-saving change', () => {
    expect(parseWhen('2026-03-29 12:00', NOW, 'Europe/Paris', 'en')?.toISOString()).toBe(
      '2026-03-29T10:00:00.000Z',
    );
    expect(parseWhen('2026-03-28 12:00', NOW, 'Europe/Paris', 'en')?.toISOString()).toBe(
      '2026-03-28T11:00:00.000Z',
    );
  });

  it('names a local time skipped or repeated by a daylight-saving change', () => {
    // 28 March 2027: Paris jumps from 02:00 to 03:00, so 02:30 does not exist; 03:30 is used.
    const skipped = readWhen('2027-03-28 02:30', NOW, 'Europe/Paris', 'en')!;
    expect(skipped).toMatchObject({ clock: 'skipped', typed: '02:30' });
    expect(skipped.instant.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(clockNoteParams(skipped, 'Europe/Paris', 'en')?.params).toEqual({
      typed: '02:30',
      day: 'Sunday 28 March 2027',
      zone: 'Europe/Paris',
      used: '03:30 (UTC+2)',
    });
    // 31 October 2027: 02:00-03:00 happens twice; the first one (summer time) is used.
    const twice = readWhen('2027-10-31 02:30', NOW, 'Europe/Paris', 'fr')!;
    expect(twice).toMatchObject({ clock: 'repeated', typed: '02:30' });
    expect(twice.instant.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(clockNoteParams(twice, 'Europe/Paris', 'fr')?.params.used).toBe('02:30 (UTC+2)');
    expect(clockNoteParams(twice, 'Europe/Paris', 'fr')?.params.day).toBe(
      'dimanche 31 octobre 2027',
    );
    // An ordinary time, and a relative phrase, carry no note.
    expect(readWhen('2027-10-31 10:00', NOW, 'Europe/Paris', 'en')?.clock).toBeUndefined();
    expect(readWhen('in 2 hours', NOW, 'Europe/Paris', 'en')?.clock).toBeUndefined();
  });

  it('refuses text it does not fully understand', () => {
    expect(parseWhen('blah', NOW, 'UTC', 'en')).toBeNull();
    expect(parseWhen('tomorrow blah', NOW, 'UTC', 'en')).toBeNull();
    expect(parseWhen('  ', NOW, 'UTC', 'en')).toBeNull();
  });

  it('echoes an instant with a 24-hour clock and the zone named', () => {
    const instant = new Date('2026-12-05T17:00:00Z');
    expect(formatWhen(instant, 'Europe/Paris', 'en')).toBe('Sat 5 Dec 2026, 18:00 (Europe/Paris)');
    expect(formatWhen(instant, 'America/New_York', 'en')).toBe(
      'Sat 5 Dec 2026, 12:00 (America/New_York)',
    );
    expect(formatWhen(instant, 'Europe/Paris', 'fr')).toMatch(
      /^sam\.? 5 déc\.? 2026, 18:00 \(Europe\/Paris\)$/,
    );
  });
});

describe('durations and zones', () => {
  it('reads reminder offsets in minutes, hours and days', () => {
    expect(parseOffsets('24h,2h')).toEqual([1440, 120]);
    expect(parseOffsets('2m, 90m,1d')).toEqual([1440, 90, 2]);
    expect(parseOffsets('2 weeks')).toBeNull();
    expect(parseOffsets('')).toBeNull();
    expect(parseDuration('0h')).toBeNull();
    expect(formatDuration(1440)).toBe('1d');
    expect(formatDuration(90)).toBe('90m');
  });

  it('knows IANA zones whatever their case and refuses others', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });
});
