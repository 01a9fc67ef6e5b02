/**
 * Send slots of a platform shared by every dispatcher that uses the same budget: each reservation
 * takes the next `count` slots, `intervalMs` apart and none before `now`, so all of them together
 * never send faster than one message per interval.
 */
export interface SendBudget {
  /**
   * Reserves `count` consecutive slots on `key` and returns the instant (ms since the epoch) of
   * the first one; the others follow `intervalMs` apart.
   */
  reserve(key: string, count: number, intervalMs: number, now: number): Promise<number>;
}

/** A budget kept in this process: enough for one process (tests, SQLite). */
export class LocalSendBudget implements SendBudget {
  private readonly next = new Map<string, number>();

  async reserve(key: string, count: number, intervalMs: number, now: number): Promise<number> {
    const first = Math.max(this.next.get(key) ?? now, now);
    this.next.set(key, first + count * intervalMs);
    return first;
  }
}
