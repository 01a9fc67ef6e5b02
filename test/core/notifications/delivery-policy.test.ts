import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  failureOutcome,
  MAX_ATTEMPTS,
  pickIdentity,
} from '../../../src/core/notifications/delivery-policy.ts';
import { DeliveryError } from '../../../src/core/notifications/notifier.ts';
import type { Identity } from '../../../src/core/supporters/supporter.types.ts';

const NOW = new Date('2026-11-30T09:00:00Z');

function identity(id: number, patch: Partial<Identity> = {}): Identity {
  return {
    id,
    campaignId: 1,
    supporterId: 1,
    platform: 'telegram',
    externalId: `user-${id}`,
    username: null,
    chatId: null,
    unreachable: false,
    lastSeenAt: null,
    ...patch,
  };
}

describe('retry backoff', () => {
  it('doubles from 30 s with at most 20% jitter either way', () => {
    expect([1, 2, 3, 4].map((attempts) => backoffMs(attempts, () => 0.5))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(24_000);
    expect(backoffMs(1, () => 0.999_999)).toBeLessThanOrEqual(36_000);
  });

  it('caps the delay at 15 minutes', () => {
    expect(backoffMs(20, () => 0.5)).toBe(15 * 60_000);
  });
});

describe('what a failed send leads to', () => {
  const half = () => 0.5;

  it('retries transient and unknown errors until the fifth attempt fails the row', () => {
    const transient = new DeliveryError('transient', '502 Bad Gateway');
    expect(failureOutcome(transient, 0, NOW, half)).toEqual({
      kind: 'retry',
      reason: 'transient: 502 Bad Gateway',
      attempts: 1,
      dueAt: new Date(NOW.getTime() + 30_000),
    });
    expect(failureOutcome(new Error('socket hang up'), MAX_ATTEMPTS - 1, NOW, half)).toEqual({
      kind: 'failed',
      reason: 'transient: socket hang up',
      attempts: MAX_ATTEMPTS,
    });
  });

  it('fails at once on a permanent error', () => {
    const permanent = new DeliveryError('permanent', 'Bad Request: chat not found');
    expect(failureOutcome(permanent, 0, NOW, half)).toMatchObject({ kind: 'failed', attempts: 1 });
  });

  it('passes on the platform’s retry_after, or waits 5 s when it gave none', () => {
    const limited = new DeliveryError('rate_limited', 'Too Many Requests', 7_000);
    expect(failureOutcome(limited, 3, NOW, half)).toMatchObject({ retryAfterMs: 7_000 });
    const unsaid = new DeliveryError('rate_limited', 'Too Many Requests');
    expect(failureOutcome(unsaid, 3, NOW, half)).toMatchObject({ retryAfterMs: 5_000 });
  });
});

describe('choosing the identity', () => {
  const platforms = new Set(['telegram', 'discord']);

  it('takes the reachable identity seen most recently on a platform we can send on', () => {
    const identities = [
      identity(1, { lastSeenAt: new Date('2026-11-01') }),
      identity(2, { lastSeenAt: new Date('2026-11-20'), platform: 'discord' }),
      identity(3, { lastSeenAt: new Date('2026-11-25'), unreachable: true }),
      identity(4, { lastSeenAt: new Date('2026-11-29'), platform: 'console' }),
    ];
    expect(pickIdentity(identities, platforms)?.id).toBe(2);
  });

  it('finds none when every identity is unreachable', () => {
    expect(pickIdentity([identity(1, { unreachable: true })], platforms)).toBeNull();
  });
});
