import type { Settlement } from '../core/notifications/delivery.types.ts';
import {
  type DeliveryPlan,
  failureOutcome,
  pickIdentity,
} from '../core/notifications/delivery-policy.ts';
import type { Notification } from '../core/notifications/notification.types.ts';
import type { RenderedNotification } from '../core/notifications/notification-content.ts';
import type { Notifier } from '../core/notifications/notifier.ts';
import type { Identity, Supporter } from '../core/supporters/supporter.types.ts';
import type { DeliveryOutcome } from './delivery-metrics.ts';
import type { Batch } from './dispatch.types.ts';

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
 * Renders a row and sends it to `identity`, then marks it sent at once: the platform accepted it.
 * Failures go through the delivery policy. True when the row must be planned again (the identity
 * turned out unreachable but the supporter has another).
 */
async function deliverRow(
  batch: Batch,
  row: Notification,
  recipient: Supporter,
  identity: Identity,
): Promise<boolean> {
  const { content, notifiers, throttle, clock, store, workerId, metrics, log } = batch.deps;
  const { platform, externalId, chatId } = identity;
  // The plan only picks identities on platforms with a notifier.
  const notifier = notifiers.get(platform) as Notifier;
  let rendered: RenderedNotification | null;
  try {
    rendered = await content.render(row, recipient);
  } catch (error) {
    return fail(batch, row, identity, error);
  }
  if (!rendered) {
    const reason = 'nothing to send';
    await settle(batch, row, platform, 'skipped', { status: 'skipped', reason });
    return false;
  }
  try {
    await notifier.send({ key: row.key, recipient: { platform, externalId, chatId }, ...rendered });
  } catch (error) {
    throttle.record(platform, chatOf(identity), clock.now().getTime());
    return fail(batch, row, identity, error);
  }
  const at = clock.now();
  throttle.record(platform, chatOf(identity), at.getTime());
  if (!(await store.notifications.settle(row.id, workerId, { status: 'sent', at }))) {
    log.warn({ key: row.key, workerId }, 'notification sent after its lease was taken over');
  }
  batch.summary.sent += 1;
  metrics.handled(row.kind, platform, 'sent');
  metrics.lag(Math.max(0, at.getTime() - row.dueAt.getTime()) / 1000);
  return false;
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
  const { kind, reason } = outcome;
  log.warn({ key: row.key, kind: row.kind, platform, outcome: kind, reason }, 'not delivered');
  if (kind === 'unreachable') {
    await store.supporters.updateIdentity(row.campaignId, identity.id, { unreachable: true });
    identity.unreachable = true;
    if (pickIdentity(batch.context.identities.get(row.recipientId) ?? [], notifiers)) return true;
    await markUnreachable(batch, row, platform);
  } else if (kind === 'rate_limited') {
    const dueAt = new Date(now.getTime() + outcome.retryAfterMs);
    throttle.pause(platform, dueAt.getTime());
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
  if (!(await store.notifications.settle(row.id, workerId, settlement))) return;
  batch.summary[outcome] += 1;
  metrics.handled(row.kind, platform, outcome);
}

/** The chat a message to this identity lands in (Telegram: the user id works as the chat). */
export function chatOf(identity: Identity): string {
  return identity.chatId ?? identity.externalId;
}
