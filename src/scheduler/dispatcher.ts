import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../core/clock.ts';
import type { Log } from '../core/deps.ts';
import type { NotificationContent } from '../core/notifications/notification-content.ts';
import type { Notifier } from '../core/notifications/notifier.ts';
import type { Store } from '../core/ports.ts';
import { takeSlot } from './delivery-attempt.ts';
import { deliverBatch } from './delivery-batch.ts';
import { type DeliveryMetrics, noMetrics } from './delivery-metrics.ts';
import type { DispatchDeps, Sleep, TickSummary } from './dispatch.types.ts';
import { LocalSendBudget, type SendBudget } from './send-budget.ts';
import { DeliveryThrottle, type PlatformLimits } from './throttle.ts';

export type { Sleep, TickSummary } from './dispatch.types.ts';

export interface DispatcherOptions {
  store: Store;
  /** One per platform the process can send on; rows go to identities on these platforms. */
  notifiers: Notifier[];
  content: NotificationContent;
  clock: Clock;
  log: Log;
  metrics?: DeliveryMetrics;
  /**
   * Names this process in leases; unique among live processes (default: host, pid and a random
   * part). A process restarted with the same id takes its leftover leases back at once.
   */
  workerId?: string;
  /** Rows leased per claim (default 500). */
  batchSize?: number;
  /**
   * How long a claim holds its rows (default 60 s), extended while they are worked on; a crashed
   * process's rows wait this long.
   */
  leaseMs?: number;
  /** Sends in flight at once, to different chats (default 16). */
  concurrency?: number;
  /** A send not answered within this is given up and not retried (default 10 s). */
  sendTimeoutMs?: number;
  /** Sent rows marked in one write (default 100). */
  markBatch?: number;
  /**
   * Per-second send slots of each platform. Processes sharing a database must share one (the
   * database's `DeliveryBudget` table); the default is this process's own.
   */
  budget?: SendBudget;
  /** Per-platform rate limits, each replacing the fields it sets of `DEFAULT_LIMITS`. */
  limits?: PlatformLimits;
  /** How waits for rate limits pass (default: timers; tests move a fixed clock instead). */
  sleep?: Sleep;
  /** Source of the backoff jitter, in [0, 1) (default Math.random). */
  random?: () => number;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_CONCURRENCY = 16;
const DEFAULT_SEND_TIMEOUT_MS = 10_000;
const DEFAULT_MARK_BATCH = 100;

/**
 * Delivers due outbox rows: each tick leases batches of due rows and hands them, several at a
 * time, to the notifier of the recipient's platform within the platform's shared pace, then marks
 * them sent (in batches), retried, deferred, failed or skipped under the delivery policy. Several
 * processes can tick on one PostgreSQL database.
 */
export class Dispatcher {
  readonly workerId: string;
  private readonly deps: DispatchDeps;
  private readonly batchSize: number;
  private running: Promise<TickSummary> | undefined;

  constructor(options: DispatcherOptions) {
    this.workerId =
      options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.deps = {
      store: options.store,
      content: options.content,
      clock: options.clock,
      log: options.log,
      metrics: options.metrics ?? noMetrics,
      workerId: this.workerId,
      notifiers: new Map(options.notifiers.map((notifier) => [notifier.platform, notifier])),
      throttle: new DeliveryThrottle(options.limits),
      budget: options.budget ?? new LocalSendBudget(),
      reserveLatency: { ms: 0 },
      sleep: options.sleep ?? sleepOnTimers,
      random: options.random ?? Math.random,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      sendTimeoutMs: options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
      markBatch: options.markBatch ?? DEFAULT_MARK_BATCH,
    };
    if (this.deps.sendTimeoutMs >= this.deps.leaseMs / 2) {
      throw new Error('sendTimeoutMs must be under half of leaseMs');
    }
    for (const notifier of options.notifiers) {
      const { gate, platform } = notifier;
      gate?.use((requests, signal) => takeSlot(this.deps, platform, requests, signal));
    }
  }

  /**
   * Delivers every row due now, batch after batch, until none is left or `signal` aborts (the
   * rest stays queued). Never throws: failures are logged, and the rows of a batch that broke
   * off are taken up again when their lease ends. A call while a tick runs joins that tick: two
   * ticks of one worker id side by side would take each other's leases.
   */
  tick(signal?: AbortSignal): Promise<TickSummary> {
    this.running ??= this.run(signal).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(signal?: AbortSignal): Promise<TickSummary> {
    const summary: TickSummary = { sent: 0, failed: 0, skipped: 0, retried: 0, deferred: 0 };
    const { store, clock, log, metrics } = this.deps;
    try {
      while (!signal?.aborted) {
        const now = clock.now().getTime();
        const rows = await store.notifications.claimDue({
          workerId: this.workerId,
          now: new Date(now),
          until: new Date(now + this.deps.leaseMs),
          limit: this.batchSize,
          platforms: [...this.deps.notifiers.keys()],
        });
        if (rows.length === 0) break;
        await deliverBatch(this.deps, rows, now + this.deps.leaseMs, summary, signal);
      }
      metrics.queueDepth(await store.notifications.countDue(clock.now()));
    } catch (error) {
      log.error({ err: error, workerId: this.workerId }, 'notification dispatch failed');
    }
    if (Object.values(summary).some((count) => count > 0)) {
      log.info({ ...summary, workerId: this.workerId }, 'notifications dispatched');
    }
    return summary;
  }
}

async function sleepOnTimers(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
