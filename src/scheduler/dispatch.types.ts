import type { Clock } from '../core/clock.ts';
import type { Log } from '../core/deps.ts';
import type { DeliveryContext } from '../core/notifications/delivery.types.ts';
import type { NotificationContent } from '../core/notifications/notification-content.ts';
import type { Notifier } from '../core/notifications/notifier.ts';
import type { Store } from '../core/ports.ts';
import type { DeliveryMetrics } from './delivery-metrics.ts';
import type { SendBudget } from './send-budget.ts';
import type { SentMarks } from './sent-marks.ts';
import type { DeliveryThrottle } from './throttle.ts';

/** Waits `ms` on the dispatcher's clock; resolves early when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Rows handled in one tick, by outcome. */
export interface TickSummary {
  sent: number;
  failed: number;
  skipped: number;
  retried: number;
  deferred: number;
}

/** What delivering uses, shared by every batch of one dispatcher. */
export interface DispatchDeps {
  store: Store;
  content: NotificationContent;
  clock: Clock;
  log: Log;
  metrics: DeliveryMetrics;
  workerId: string;
  notifiers: ReadonlyMap<string, Notifier>;
  throttle: DeliveryThrottle;
  /** Per-second send slots, shared with the other processes using the same budget. */
  budget: SendBudget;
  /** How long a reservation has recently taken (ms), a moving average. */
  reserveLatency: { ms: number };
  sleep: Sleep;
  random: () => number;
  leaseMs: number;
  /** Sends in flight at once in one batch (to different chats). */
  concurrency: number;
  /** A send not answered within this is given up (well under `leaseMs`). */
  sendTimeoutMs: number;
  /** Sent rows marked in one write. */
  markBatch: number;
}

/** One leased batch in flight: what its rows need, its lease, and the tick's counts. */
export interface Batch {
  deps: DispatchDeps;
  context: DeliveryContext;
  summary: TickSummary;
  /** When the lease on the batch's rows ends (ms), moved on while work goes on. */
  lease: { until: number };
  /** Ids of the batch's rows still leased and not settled. */
  held: Set<number>;
  /** Sent rows waiting to be marked. */
  marks: SentMarks;
}
