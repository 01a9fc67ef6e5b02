import type { NotificationKind } from '../core/notifications/notification.types.ts';

/** Outcome of handling one notification in a dispatcher tick. */
export type DeliveryOutcome = 'sent' | 'failed' | 'skipped' | 'retried' | 'deferred';

/** What the dispatcher reports for monitoring (the /metrics endpoint implements it). */
export interface DeliveryMetrics {
  /** One notification handled, by kind, platform (or 'none' when it had no reachable identity) and outcome. */
  handled(kind: NotificationKind, platform: string, outcome: DeliveryOutcome): void;
  /** Seconds between a notification's due time and its delivery. */
  lag(seconds: number): void;
  /** Pending notifications already due, measured at the end of a tick. */
  queueDepth(count: number): void;
}

/** Metrics that go nowhere, for tests and tools. */
export const noMetrics: DeliveryMetrics = {
  handled: () => {},
  lag: () => {},
  queueDepth: () => {},
};
