import { describe, expect, it } from 'vitest';
import { LocalSendBudget } from '../../src/scheduler/send-budget.ts';
import { DeliveryThrottle } from '../../src/scheduler/throttle.ts';

describe('delivery throttle', () => {
  it('allows one Telegram message per second to each chat', () => {
    const throttle = new DeliveryThrottle();
    throttle.record('telegram', 'a', 0);
    expect(throttle.waitMs('telegram', 'a', 400)).toBe(600);
    expect(throttle.waitMs('telegram', 'b', 400)).toBe(0);
    expect(throttle.waitMs('telegram', 'a', 1_000)).toBe(0);
  });

  it('paces Telegram at 29 and Discord at 48.5 a second, under their limits, and the console not at all', () => {
    const throttle = new DeliveryThrottle();
    expect(throttle.intervalMs('telegram')).toBeCloseTo(1_000 / 29);
    expect(throttle.intervalMs('discord')).toBeCloseTo(1_000 / 48.5);
    expect(throttle.intervalMs('console')).toBeUndefined();
  });

  it('takes overrides for benchmarks and keeps the other defaults', () => {
    const throttle = new DeliveryThrottle({ telegram: { perSecond: 300 } });
    expect(throttle.intervalMs('telegram')).toBeCloseTo(1_000 / 300);
    throttle.record('telegram', 'chat-1', 0);
    expect(throttle.waitMs('telegram', 'chat-1', 0)).toBe(1_000);
  });

  it('sends nothing on a paused platform until the pause ends', () => {
    const throttle = new DeliveryThrottle();
    throttle.pause('telegram', 5_000);
    expect(throttle.waitMs('telegram', 'a', 1_000)).toBe(4_000);
    expect(throttle.waitMs('discord', 'a', 1_000)).toBe(0);
    expect(throttle.waitMs('telegram', 'a', 5_000)).toBe(0);
  });

  it('holds back only the chat that was asked to wait', () => {
    const throttle = new DeliveryThrottle();
    throttle.pauseChat('telegram', 'a', 5_000);
    expect(throttle.waitMs('telegram', 'a', 1_000)).toBe(4_000);
    expect(throttle.waitMs('telegram', 'b', 1_000)).toBe(0);
    expect(throttle.waitMs('telegram', 'a', 5_000)).toBe(0);
  });
});

describe('send budget of one process', () => {
  it('hands out consecutive slots one interval apart, never before now', async () => {
    const budget = new LocalSendBudget();
    expect(await budget.reserve('telegram', 1, 50, 1_000)).toBe(1_000);
    expect(await budget.reserve('telegram', 2, 50, 1_000)).toBe(1_050);
    expect(await budget.reserve('telegram', 1, 50, 1_000)).toBe(1_150);
    expect(await budget.reserve('discord', 1, 20, 1_000)).toBe(1_000);
    expect(await budget.reserve('telegram', 1, 50, 5_000)).toBe(5_000);
  });
});
