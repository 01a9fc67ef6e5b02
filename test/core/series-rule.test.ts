import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.ts';
import {
  firstOccurrences,
  icsRule,
  occurrencesBetween,
  readRepeat,
} from '../../src/core/events/series-rule.ts';

describe('repeat rules', () => {
  it.each([
    ['daily', 'FREQ=DAILY'],
    ['Weekly', 'FREQ=WEEKLY'],
    ['weekly:mon,thu', 'FREQ=WEEKLY;BYDAY=MO,TH'],
    ['weekly:monday, thursday', 'FREQ=WEEKLY;BYDAY=MO,TH'],
    ['monthly', 'FREQ=MONTHLY'],
    ['every:2w', 'FREQ=WEEKLY;INTERVAL=2'],
    ['every:3d', 'FREQ=DAILY;INTERVAL=3'],
    ['quotidien', 'FREQ=DAILY'],
    ['hebdomadaire:lun,jeu', 'FREQ=WEEKLY;BYDAY=MO,TH'],
    ['mensuelle', 'FREQ=MONTHLY'],
    ['chaque:2s', 'FREQ=WEEKLY;INTERVAL=2'],
  ])('reads %s as %s', (typed, rule) => {
    expect(readRepeat(typed)).toBe(rule);
  });

  it.each(['fortnightly', 'weekly:funday', 'every:0w', 'every:2y', 'daily:mon', ''])(
    'refuses %j',
    (typed) => {
      expect(() => readRepeat(typed)).toThrow(DomainError);
    },
  );

  it('skips months without the start day, as RFC 5545 says', () => {
    const series = {
      rule: 'FREQ=MONTHLY;COUNT=3',
      firstStart: '2027-01-31T10:00',
      timezone: 'UTC',
    };
    expect(firstOccurrences(series, 10).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
  });

  it('places a time skipped by the clock change at the next valid minute', () => {
    const series = { rule: 'FREQ=DAILY', firstStart: '2027-03-27T02:30', timezone: 'Europe/Paris' };
    const [saturday, sunday, monday] = occurrencesBetween(
      series,
      new Date('2027-03-27T00:00:00Z'),
      new Date('2027-03-29T12:00:00Z'),
    );
    expect([saturday, sunday, monday].map((d) => d?.toISOString())).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-28T01:30:00.000Z',
      '2027-03-29T00:30:00.000Z',
    ]);
  });

  it('writes UNTIL in UTC for calendars, as RFC 5545 asks beside a TZID', () => {
    const series = {
      rule: 'FREQ=WEEKLY;UNTIL=20270630T235959',
      firstStart: '2027-01-04T10:00',
      timezone: 'Europe/Paris',
    };
    expect(icsRule(series)).toBe('FREQ=WEEKLY;UNTIL=20270630T215959Z');
  });
});
