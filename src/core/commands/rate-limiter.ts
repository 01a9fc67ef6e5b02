import type { Clock } from '../clock.ts';

const WINDOW_MS = 60_000;

/** Allows each key at most `limit` actions in any 60-second window. */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly clock: Clock,
  ) {}

  /** Records one action for `key`; false when the key is over its limit (nothing recorded). */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.limit) {
      this.recent.set(key, times);
      return false;
    }
    times.push(now);
    this.recent.set(key, times);
    if (this.recent.size > 10_000) this.forgetIdle(now);
    return true;
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.recent) {
      if (times.every((t) => now - t >= WINDOW_MS)) this.recent.delete(key);
    }
  }
}
