import { describe, expect, it } from 'vitest';
import { quietHoursEnd } from '../../../src/core/notifications/quiet-hours.ts';

const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('holds a message sent late in the evening until the morning, in the supporter’s zone', () => {
    // 23:30 in Paris (UTC+1 in winter).
    expect(quietHoursEnd('22:00-08:00', 'Europe/Paris', at('2026-11-30T22:30:00Z'))).toEqual(
      at('2026-12-01T07:00:00Z'),
    );
  });

  it('holds a message sent after midnight until the same morning', () => {
    expect(quietHoursEnd('22:00-08:00', 'Europe/Paris', at('2026-12-01T02:00:00Z'))).toEqual(
      at('2026-12-01T07:00:00Z'),
    );
  });

  it('counts the start as quiet and the end as not', () => {
    const zone = 'UTC';
    expect(quietHoursEnd('22:00-08:00', zone, at('2026-12-01T22:00:00Z'))).not.toBeNull();
    expect(quietHoursEnd('22:00-08:00', zone, at('2026-12-01T08:00:00Z'))).toBeNull();
    expect(quietHoursEnd('22:00-08:00', zone, at('2026-12-01T12:00:00Z'))).toBeNull();
  });

  it('reads a range within one day', () => {
    expect(quietHoursEnd('13:00-14:30', 'UTC', at('2026-12-01T13:45:00Z'))).toEqual(
      at('2026-12-01T14:30:00Z'),
    );
    expect(quietHoursEnd('13:00-14:30', 'UTC', at('2026-12-01T15:00:00Z'))).toBeNull();
  });

  it('ends at the chosen local time across a daylight-saving change', () => {
    // Paris moves to summer time on 29 March 2026: 08:00 that morning is 06:00 UTC, not 07:00.
    expect(quietHoursEnd('22:00-08:00', 'Europe/Paris', at('2026-03-28T22:00:00Z'))).toEqual(
      at('2026-03-29T06:00:00Z'),
    );
    // Sydney leaves summer time on 5 April 2026: 07:00 that morning is 21:00 UTC the day before.
    expect(quietHoursEnd('21:00-07:00', 'Australia/Sydney', at('2026-04-04T12:00:00Z'))).toEqual(
      at('2026-04-04T21:00:00Z'),
    );
  });

  it('ignores a range it cannot read', () => {
    expect(quietHoursEnd('late', 'UTC', at('2026-12-01T23:00:00Z'))).toBeNull();
  });
});
