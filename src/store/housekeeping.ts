/**
 * Database upkeep that keeps queries fast as a campaign grows: SQLite's query planner statistics
 * (`PRAGMA optimize`, which runs ANALYZE where it is stale; PostgreSQL's autovacuum does this
 * there) and the pruning of delivered outbox rows past their retention.
 */
import type { Database } from './database.ts';

/** Rows deleted per statement: keeps each write short so commands are not held up. */
const PRUNE_BATCH = 5_000;
/** Rows SQLite samples per index when it analyzes: bounded work whatever the table size. */
const ANALYSIS_LIMIT = 1_000;

export interface HousekeepingOptions {
  /** Sent and skipped rows settled longer ago than this (ms) are deleted; failed rows are kept. */
  retentionMs: number;
  /** Time between two rounds (default one hour). */
  everyMs?: number;
}

/** What one round did. */
export interface HousekeepingRound {
  pruned: number;
  optimized: boolean;
}

export class Housekeeping {
  private last: number | undefined;

  constructor(
    private readonly db: Pick<Database, 'kind' | 'client'>,
    private readonly options: HousekeepingOptions,
  ) {}

  /** Runs a round when none ran in the last `everyMs` (the first call always runs one). */
  async runIfDue(now: Date): Promise<HousekeepingRound | null> {
    const every = this.options.everyMs ?? 3_600_000;
    if (this.last !== undefined && now.getTime() - this.last < every) return null;
    const first = this.last === undefined;
    this.last = now.getTime();
    return { optimized: await this.optimize(first), pruned: await this.prune(now) };
  }

  /** Refreshes SQLite's planner statistics; at start also on tables never analyzed. */
  private async optimize(first: boolean): Promise<boolean> {
    if (this.db.kind !== 'sqlite') return false;
    await this.db.client.$queryRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`);
    await this.db.client.$queryRawUnsafe(first ? 'PRAGMA optimize = 0x10002' : 'PRAGMA optimize');
    return true;
  }

  /** Deletes sent and skipped rows past the retention, a batch at a time. */
  private async prune(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionMs);
    let total = 0;
    for (;;) {
      const deleted = await this.db.client.$executeRaw`DELETE FROM "Notification" WHERE "id" IN (
        SELECT "id" FROM "Notification" WHERE "status" IN ('sent', 'skipped')
          AND "updatedAt" < ${cutoff} LIMIT ${PRUNE_BATCH})`;
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }
}
