import { describe, expect, it } from 'vitest';
import { DeliveryThrottle } from '../../src/scheduler/throttle.ts';

describe('delivery throttle', () => {
  it('allows one Telegram message per second to each chat', () => {
    const throttle = new DeliveryThrottle();
    throttle.record('telegram', 'a', 0);
    expect(throttle.waitMs('telegram', 'a', 400)).toBe(600);
    expect(throttle.waitMs('telegram', 'b', 400)).toBe(0);
    expect(throttle.waitMs('telegram', 'a', 1_000)).toBe(0);
  });

  it('allows 30 Telegram messages in any second, then waits for the oldest to leave the window', () => {
    const throttle = new DeliveryThrottle();
    for (let i = 0; i < 30; i += 1) throttle.record('telegram', `chat-${i}`, i * 10);
    expect(throttle.waitMs('telegram', 'new', 300)).toBe(700);
    throttle.record('telegram', 'new', 1_000);
    expect(throttle.waitMs('telegram', 'newer', 1_000)).toBe(10);
  });

  it('takes overrides for benchmarks and keeps the other defaults', () => {
    const throttle = new DeliveryThrottle({ telegram: { perSecond: 300 } });
    for (let i = 0; i < 299; i += 1) throttle.record('telegram', `chat-${i}`, 0);
    expect(throttle.waitMs('telegram', 'other', 0)).toBe(0);
    expect(throttle.waitMs('telegram', 'chat-1', 0)).toBe(1_000);
  });

  it('caps Discord at 40 messages a second and leaves the console unlimited', () => {
    const throttle = new DeliveryThrottle();
    for (let i = 0; i < 40; i += 1) {
      throttle.record('discord', 'same-channel', 0);
      throttle.record('console', 'same-chat', 0);
    }
    expect(throttle.waitMs('discord', 'other', 0)).toBe(1_000);
    expect(throttle.waitMs('console', 'same-chat', 0)).toBe(0);
  });

  it('sends nothing on a paused platform until the pause ends', () => {
    const throttle = new DeliveryThrottle();
    throttle.pause('telegram', 5_000);
    expect(throttle.waitMs('telegram', 'a', 1_000)).toBe(4_000);
    expect(throttle.waitMs('discord', 'a', 1_000)).toBe(0);
    expect(throttle.waitMs('telegram', 'a', 5_000)).toBe(0);
  });
});
