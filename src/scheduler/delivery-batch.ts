import { type DeliveryPlan, planDelivery } from '../core/notifications/delivery-policy.ts';
import type { Notification } from '../core/notifications/notification.types.ts';
import { chatOf, handleRow, settle } from './delivery-attempt.ts';
import type { Batch, DispatchDeps, TickSummary } from './dispatch.types.ts';

/** The first row that can be handled now, or how long until one can. */
type Next = { row: Notification; plan: DeliveryPlan } | { waitMs: number };

/**
 * Handles leased rows one at a time, so a crash can leave at most one message accepted by a
 * platform but not yet marked sent. A row whose chat or platform is still cooling down is set
 * aside for the others; when every row waits, the batch sleeps, or, if the wait would end after
 * `lease.startBy`, moves the rows' due time to when their platform is free. Rows not started by
 * `lease.startBy` (or when `signal` aborts) are released, still due.
 */
export async function deliverBatch(
  deps: DispatchDeps,
  rows: Notification[],
  lease: { startBy: number },
  summary: TickSummary,
  signal?: AbortSignal,
): Promise<void> {
  const context = await deps.store.notifications.deliveryContext(rows);
  const batch: Batch = { deps, summary, context };
  const queue = [...rows];
  while (queue.length > 0) {
    const now = deps.clock.now();
    if (signal?.aborted || now.getTime() > lease.startBy) {
      await deps.store.notifications.release(
        queue.map((row) => row.id),
        deps.workerId,
      );
      return;
    }
    const next = nextReady(batch, queue, now);
    if ('waitMs' in next) {
      if (now.getTime() + next.waitMs > lease.startBy) return postpone(batch, queue, now);
      await deps.sleep(next.waitMs, signal);
      continue;
    }
    queue.splice(queue.indexOf(next.row), 1);
    if (await handleRow(batch, next.row, next.plan)) queue.unshift(next.row);
  }
}

function nextReady(batch: Batch, queue: Notification[], now: Date): Next {
  let waitMs = Number.POSITIVE_INFINITY;
  for (const row of queue) {
    const plan = planDelivery(row, batch.context, batch.deps.notifiers, now);
    if (plan.action !== 'send') return { row, plan };
    const wait = waitFor(batch, plan, now);
    if (wait === 0) return { row, plan };
    waitMs = Math.min(waitMs, wait);
  }
  return { waitMs };
}

/** Moves waiting rows to when their platform allows them, instead of holding the lease. */
async function postpone(batch: Batch, queue: Notification[], now: Date): Promise<void> {
  for (const row of queue) {
    // Every row waits to be sent (nextReady found none to handle now).
    const plan = planDelivery(row, batch.context, batch.deps.notifiers, now);
    if (plan.action !== 'send') continue;
    const dueAt = new Date(now.getTime() + waitFor(batch, plan, now));
    await settle(batch, row, plan.identity.platform, 'deferred', { status: 'pending', dueAt });
  }
}

function waitFor(batch: Batch, plan: DeliveryPlan & { action: 'send' }, now: Date): number {
  const { identity } = plan;
  return batch.deps.throttle.waitMs(identity.platform, chatOf(identity), now.getTime());
}
