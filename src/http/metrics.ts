import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { NotificationKind } from '../core/notifications/notification.types.ts';
import type { DeliveryMetrics, DeliveryOutcome } from '../scheduler/delivery-metrics.ts';

/** Lag buckets in seconds: from a prompt send to a notification held back by quiet hours. */
const LAG_BUCKETS = [0.5, 1, 5, 15, 30, 60, 300, 900, 3_600, 4 * 3_600, 12 * 3_600];

/**
 * Delivery metrics in Prometheus form, on a registry of their own (with the default process
 * metrics), so that several instances (tests, benchmarks) never collide on the global one.
 *
 * - `notifications_handled_total{kind,platform,outcome}`: sent, failed, skipped, retried, deferred;
 * - `notification_dispatch_lag_seconds`: due time to delivery;
 * - `notification_queue_depth`: pending notifications already due after the last tick.
 */
export class PromDeliveryMetrics implements DeliveryMetrics {
  readonly registry = new Registry();
  private readonly handledTotal: Counter<'kind' | 'platform' | 'outcome'>;
  private readonly lagSeconds: Histogram;
  private readonly depth: Gauge;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.handledTotal = new Counter({
      name: 'notifications_handled_total',
      help: 'Notifications handled by the dispatcher, by kind, platform and outcome',
      labelNames: ['kind', 'platform', 'outcome'],
      registers,
    });
    this.lagSeconds = new Histogram({
      name: 'notification_dispatch_lag_seconds',
      help: 'Seconds between a notification falling due and its delivery',
      buckets: LAG_BUCKETS,
      registers,
    });
    this.depth = new Gauge({
      name: 'notification_queue_depth',
      help: 'Pending notifications already due, at the end of the last dispatcher tick',
      registers,
    });
  }

  handled(kind: NotificationKind, platform: string, outcome: DeliveryOutcome): void {
    this.handledTotal.inc({ kind, platform, outcome });
  }

  lag(seconds: number): void {
    this.lagSeconds.observe(seconds);
  }

  queueDepth(count: number): void {
    this.depth.set(count);
  }
}
