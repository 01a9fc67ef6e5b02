import type { Platform } from '../core/campaigns/campaign.types.ts';
import type { Settlement } from '../core/notifications/delivery.types.ts';
import {
  type DeliveryPlan,
  failureOutcome,
  pickIdentity,
} from '../core/notifications/delivery-policy.ts';
import type { Notification } from '../core/notifications/notification.types.ts';
import type { RenderedNotification } from '../core/notifications/notification-content.ts';
import type { Notifier, SendReceipt } from '../core/notifications/notifier.ts';
import type { Identity, Supporter } from '../core/supporters/supporter.types.ts';
import type { DeliveryOutcome } from './delivery-metrics.ts';
import type { Batch, DispatchDeps } from './dispatch.types.ts';

/** Handles one row as planned; true when it must be planned again (see {@link deliverRow}). */
export async function handleRow(
  batch: Batch,
  row: Notification,
  plan: DeliveryPlan,
): Promise<boolean> {
  if (plan.action === 'skip') {
    await settle(batch, row, 'none', 'skipped', { status: 'skipped', reason: plan.reason });
    return false;
  }
  if (plan.action === 'defer') {
    await settle(batch, row, 'none', 'deferred', { status: 'pending', dueAt: plan.until });
    return false;
  }
  return deliverRow(batch, row, plan.recipient, plan.identity);
}

/**
 * Renders a row and sends it to `identity` once the platform's shared budget gives it a slot and
 * while the batch's lease outlasts the send's timeout; an accepted row is queued to be marked
 * sent. Failures go through the delivery policy. True when the row must be planned again (the
 * identity turned out unreachable but the supporter has another).
 */
async function deliverRow(
  batch: Batch,
  row: Notification,
  recipient: Supporter,
  identity: Identity,
): Promise<boolean> {
  const { content, notifiers, throttle, clock, metrics, workerId, log } = batch.deps;
  const { platform, externalId, chatId } = identity;
  // The plan only picks identities on platforms with a notifier.
  const notifier = notifiers.get(platform) as Notifier;
  const target = { platform, externalId, chatId };
  let rendered: RenderedNotification | null;
  try {
    rendered = await content.render(row, recipient, notifier.showInstant);
  } catch (error) {
    return fail(batch, row, identity, error);
  }
  if (!rendered) {
    const reason = 'nothing to send';
    await settle(batch, row, platform, 'skipped', { status: 'skipped', reason });
    return false;
  }
  // A notifier with a gate waits for its slots at the wire; for the others, the slots come first.
  if (!notifier.gate) await takeSlot(batch.deps, platform, notifier.requestsFor?.(target) ?? 1);
  if (clock.now().getTime() + batch.deps.sendTimeoutMs > batch.lease.until) {
    // The lease could end before the platform answers: the row goes back, still due.
    batch.held.delete(row.id);
    await batch.deps.store.notifications.release([row.id], workerId);
    return false;
  }
  let receipt: SendReceipt | undefined;
  try {
    receipt =
      (await sendWithin(batch.deps.sendTimeoutMs, (signal) =>
        notifier.send({ key: row.key, recipient: target, ...rendered }, signal),
      )) ?? undefined;
  } catch (error) {
    throttle.record(platform, chatOf(identity), clock.now().getTime());
    return fail(batch, row, identity, error);
  }
  const at = clock.now();
  throttle.record(platform, chatOf(identity), at.getTime());
  batch.marks.add(row.id, row.key, at.getTime());
  batch.summary.sent += 1;
  metrics.handled(row.kind, platform, 'sent');
  metrics.lag(Math.max(0, at.getTime() - row.dueAt.getTime()) / 1000);
  if (receipt?.chatId && receipt.chatId !== chatId) {
    // A direct-message channel the platform opened: the next message goes straight to it.
    identity.chatId = receipt.chatId;
    await batch.deps.store.supporters
      .updateIdentity(row.campaignId, identity.id, { chatId: receipt.chatId })
      .catch((error: unknown) => log.warn({ err: error, key: row.key }, 'chat id not kept'));
  }
  return false;
}

/**
 * Late by more than this for its slot, a request takes a new one: slots are `1000 / perSecond` ms
 * apart and a request goes within this of its own, so no sliding second holds more than the limit
 * as long as the way from here to the platform adds less than the rest of an interval.
 */
const LATE_SLOT_MS = 10;

/**
 * Waits for `requests` consecutive slots of the platform's shared budget, if it has a pace. Slots
 * are asked for from a little ahead of now (the recent time a reservation took), so that the
 * answer comes before the slot rather than after it. Rejects when `signal` aborts first.
 */
export async function takeSlot(
  deps: DispatchDeps,
  platform: Platform,
  requests: number,
  signal?: AbortSignal,
): Promise<void> {
  const { budget, throttle, clock, sleep, reserveLatency } = deps;
  const interval = throttle.intervalMs(platform);
  if (interval === undefined) return;
  for (;;) {
    signal?.throwIfAborted();
    const asked = clock.now().getTime();
    const first = await budget.reserve(platform, requests, interval, asked + reserveLatency.ms);
    const took = clock.now().getTime() - asked;
    reserveLatency.ms = Math.min(100, 0.8 * reserveLatency.ms + 0.2 * took);
    const wait = first - clock.now().getTime();
    if (wait > 0) await sleep(wait, signal);
    signal?.throwIfAborted();
    if (clock.now().getTime() - first <= LATE_SLOT_MS) return;
  }
}

/** Thrown when a send got no answer in time. */
export class SendTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = 'SendTimeout';
  }
}

/** Runs a send with an abort signal that fires after `ms`; a send still running then loses. */
async function sendWithin<T>(ms: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeout = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timeout.abort();
      reject(new SendTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([send(timeout.signal), expired]);
  } catch (error) {
    throw timeout.signal.aborted ? new SendTimeout(ms) : error;
  } finally {
    clearTimeout(timer);
  }
}

/** Applies the delivery policy to a failed attempt; true when the row must be planned again. */
async function fail(
  batch: Batch,
  row: Notification,
  identity: Identity,
  error: unknown,
): Promise<boolean> {
  const { clock, random, log, throttle, store, notifiers } = batch.deps;
  const now = clock.now();
  const outcome = failureOutcome(error, row.attempts, now, random);
  const { platform } = identity;
  const tried = row.attempts + 1;
  const { kind, reason } = outcome;
  log.warn({ key: row.key, kind: row.kind, platform, outcome: kind, reason }, 'not delivered');
  if (error instanceof SendTimeout) {
    // The platform may have taken it: sending it again could repeat it, so it is not retried.
    const note = `${reason}; not sent again, as it may have arrived`;
    await settle(batch, row, platform, 'failed', {
      status: 'failed',
      reason: note,
      attempts: tried,
    });
  } else if (kind === 'unreachable') {
    await store.supporters.updateIdentity(row.campaignId, identity.id, { unreachable: true });
    identity.unreachable = true;
    if (pickIdentity(batch.context.identities.get(row.recipientId) ?? [], notifiers)) return true;
    await markUnreachable(batch, row, platform);
  } else if (kind === 'rate_limited') {
    const dueAt = new Date(now.getTime() + outcome.retryAfterMs);
    if (outcome.scope === 'chat') throttle.pauseChat(platform, chatOf(identity), dueAt.getTime());
    else throttle.pause(platform, dueAt.getTime());
    await settle(batch, row, platform, 'retried', { status: 'pending', dueAt, lastError: reason });
  } else if (kind === 'retry') {
    const { dueAt, attempts } = outcome;
    const settlement = { status: 'pending', dueAt, attempts, lastError: reason } as const;
    await settle(batch, row, platform, 'retried', settlement);
  } else {
    const { attempts } = outcome;
    await settle(batch, row, platform, 'failed', { status: 'failed', reason, attempts });
  }
  return false;
}

/** No identity left to reach the supporter: they get nothing until they write to the bot again. */
async function markUnreachable(batch: Batch, row: Notification, platform: string): Promise<void> {
  const { store, metrics } = batch.deps;
  const { campaignId, recipientId } = row;
  batch.held.delete(row.id);
  const supporter = await store.supporters.update(campaignId, recipientId, {
    status: 'unreachable',
  });
  batch.context.supporters.set(supporter.id, supporter);
  // Skips this row too, and the supporter's rows that other processes hold.
  await store.notifications.skipPending(campaignId, { recipientId }, 'recipient unreachable');
  batch.summary.skipped += 1;
  metrics.handled(row.kind, platform, 'skipped');
}

/** Writes a row's outcome and counts it (a row whose lease was lost is not counted). */
export async function settle(
  batch: Batch,
  row: Notification,
  platform: string,
  outcome: Exclude<DeliveryOutcome, 'sent'>,
  settlement: Exclude<Settlement, { status: 'sent' }>,
): Promise<void> {
  const { store, workerId, metrics } = batch.deps;
  batch.held.delete(row.id);
  if (!(await store.notifications.settle(row.id, workerId, settlement))) return;
  batch.summary[outcome] += 1;
  metrics.handled(row.kind, platform, outcome);
}

/** The chat a message to this identity lands in (Telegram: the user id works as the chat). */
export function chatOf(identity: Identity): string {
  return identity.chatId ?? identity.externalId;
}
