import type { EventStatus } from '../events/event.types.ts';
import type { Identity, Supporter } from '../supporters/supporter.types.ts';

/** When an event starts and whether it still takes place: all delivery needs of an event. */
export interface EventTiming {
  startsAt: Date;
  status: EventStatus;
}

/** What deciding on a batch of outbox rows needs, read once for the whole batch. */
export interface DeliveryContext {
  /** Recipients by supporter id. */
  supporters: Map<number, Supporter>;
  /** Each recipient's platform identities, by supporter id. */
  identities: Map<number, Identity[]>;
  /** Events the rows are about, by event id. */
  events: Map<number, EventTiming>;
  /** Campaign time zones, by campaign id (the default for supporters without their own). */
  zones: Map<number, string>;
}

/** What became of a leased row; writing it frees the lease. */
export type Settlement =
  | { status: 'sent'; at: Date }
  | { status: 'skipped' | 'failed'; reason: string; attempts?: number }
  /** Back in the queue, due again at `dueAt`. */
  | { status: 'pending'; dueAt: Date; attempts?: number; lastError?: string | null };

/** A lease request: up to `limit` rows due at `now`, held by `workerId` until `until`. */
export interface ClaimRequest {
  workerId: string;
  now: Date;
  until: Date;
  limit: number;
  /**
   * Platforms this process can send on: it takes only rows whose recipient is reachable on one
   * of them, or on none at all (to skip those), and leaves the rest to processes that can.
   */
  platforms: readonly string[];
}
