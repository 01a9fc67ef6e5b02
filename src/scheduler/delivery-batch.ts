import { type DeliveryPlan, planDelivery } from '../core/notifications/delivery-policy.ts';
import type { Notification } from '../core/notifications/notification.types.ts';
import { chatOf, handleRow, settle } from './delivery-attempt.ts';
import type { Batch, DispatchDeps, TickSummary } from './dispatch.types.ts';
import { SentMarks } from './sent-marks.ts';

/** The first row that can be started now, or how long until one can. */
type Next = { row: Notification; plan: DeliveryPlan; chat?: string } | { waitMs: number };

/**
 * Handles a batch of leased rows, up to `concurrency` at once, never two to the same chat at
 * once: a hung request holds up only its own row. A row whose chat or platform is cooling down
 * is set aside for the others. The lease is extended while work goes on (rows another process
 * took over meanwhile are dropped); when every row waits longer than half a lease, their due
 * time moves to when they can go instead. Rows not started when `signal` aborts are released,
 * still due. Sent rows are marked in batches (see {@link SentMarks}).
 */
export async function deliverBatch(
  deps: DispatchDeps,
  rows: Notification[],
  leaseUntil: number,
  summary: TickSummary,
  signal?: AbortSignal,
): Promise<void> {
  const context = await deps.store.notifications.deliveryContext(rows);
  const held = new Set(rows.map((row) => row.id));
  const batch: Batch = {
    deps,
    summary,
    context,
    lease: { until: leaseUntil },
    held,
    marks: new SentMarks(deps, held),
  };
  const queue = [...rows];
  const inFlight = new Set<Promise<void>>();
  const busyChats = new Set<string>();
  try {
    while (queue.length > 0 || inFlight.size > 0) {
      if (signal?.aborted && queue.length > 0) {
        await release(batch, queue.splice(0));
        continue;
      }
      const now = deps.clock.now().getTime();
      if (queue.length > 0) await keepLease(batch, queue, now);
      const next =
        inFlight.size < deps.concurrency && queue.length > 0
          ? nextReady(batch, queue, busyChats, new Date(now))
          : undefined;
      if (next && 'row' in next) {
        queue.splice(queue.indexOf(next.row), 1);
        start(batch, next, queue, inFlight, busyChats);
        continue;
      }
      if (inFlight.size > 0) {
        await settledOne(inFlight, deps, next?.waitMs, signal);
        continue;
      }
      // Nothing in flight and nothing to start now: a moment to mark what was sent.
      await batch.marks.flush();
      if (next && next.waitMs > deps.leaseMs / 2) await postpone(batch, queue, new Date(now));
      else if (next) await deps.sleep(next.waitMs, signal);
    }
  } finally {
    await Promise.allSettled(inFlight);
    await batch.marks.flush();
  }
}

function start(
  batch: Batch,
  next: { row: Notification; plan: DeliveryPlan; chat?: string },
  queue: Notification[],
  inFlight: Set<Promise<void>>,
  busyChats: Set<string>,
): void {
  const { row, plan, chat } = next;
  if (chat !== undefined) busyChats.add(chat);
  const task: Promise<void> = handleRow(batch, row, plan)
    .then((again) => {
      if (again) queue.unshift(row);
    })
    .catch((error: unknown) => {
      batch.deps.log.error({ err: error, key: row.key }, 'notification not handled');
    })
    .finally(() => {
      if (chat !== undefined) busyChats.delete(chat);
      inFlight.delete(task);
    });
  inFlight.add(task);
}

/** Waits until one send in flight ends, or `waitMs` passes when a waiting row may go then. */
async function settledOne(
  inFlight: Set<Promise<void>>,
  deps: DispatchDeps,
  waitMs: number | undefined,
  signal?: AbortSignal,
): Promise<void> {
  if (waitMs === undefined || !Number.isFinite(waitMs)) {
    await Promise.race(inFlight);
    return;
  }
  const stop = new AbortController();
  const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  await Promise.race([...inFlight, deps.sleep(waitMs, both)]);
  stop.abort();
}

/** Extends the batch's leases once half of the lease has passed. */
async function keepLease(batch: Batch, queue: Notification[], now: number): Promise<void> {
  const { store, workerId, leaseMs } = batch.deps;
  if (now < batch.lease.until - leaseMs / 2) return;
  const until = now + leaseMs;
  const kept = new Set(
    await store.notifications.extendLeases([...batch.held], workerId, new Date(until)),
  );
  batch.lease.until = until;
  for (const id of batch.held) if (!kept.has(id)) batch.held.delete(id);
  // Rows not kept were taken over (the lease had ended) or settled by someone else: not ours.
  for (let i = queue.length - 1; i >= 0; i -= 1) {
    if (!kept.has((queue[i] as Notification).id)) queue.splice(i, 1);
  }
}

function nextReady(batch: Batch, queue: Notification[], busyChats: Set<string>, now: Date): Next {
  let waitMs = Number.POSITIVE_INFINITY;
  for (const row of queue) {
    const plan = planDelivery(row, batch.context, batch.deps.notifiers, now);
    if (plan.action !== 'send') return { row, plan };
    const chat = `${plan.identity.platform}:${chatOf(plan.identity)}`;
    if (busyChats.has(chat)) continue;
    const wait = waitFor(batch, plan, now);
    if (wait === 0) return { row, plan, chat };
    waitMs = Math.min(waitMs, wait);
  }
  return { waitMs };
}

async function release(batch: Batch, rows: Notification[]): Promise<void> {
  for (const row of rows) batch.held.delete(row.id);
  await batch.deps.store.notifications.release(
    rows.map((row) => row.id),
    batch.deps.workerId,
  );
}

/** Moves waiting rows to when their chat or platform allows them, instead of holding the lease. */
async function postpone(batch: Batch, queue: Notification[], now: Date): Promise<void> {
  for (const row of queue.splice(0)) {
    const plan = planDelivery(row, batch.context, batch.deps.notifiers, now);
    if (plan.action !== 'send') {
      queue.push(row);
      continue;
    }
    const dueAt = new Date(now.getTime() + waitFor(batch, plan, now));
    await settle(batch, row, plan.identity.platform, 'deferred', { status: 'pending', dueAt });
  }
}

function waitFor(batch: Batch, plan: DeliveryPlan & { action: 'send' }, now: Date): number {
  const { identity } = plan;
  return batch.deps.throttle.waitMs(identity.platform, chatOf(identity), now.getTime());
}
