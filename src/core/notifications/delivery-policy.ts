/**
 * The delivery policy, in one place for every platform: which rows are not sent, when quiet hours
 * hold a row back, which identity a message goes to, and what a failed send leads to.
 */
import type { Identity, Supporter } from '../supporters/supporter.types.ts';
import type { DeliveryContext } from './delivery.types.ts';
import type { Notification, NotificationKind } from './notification.types.ts';
import { DeliveryError } from './notifier.ts';
import { quietHoursEnd } from './quiet-hours.ts';

/** Failed attempts after which a row is `failed`. */
export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 15 * 60_000;
const BACKOFF_JITTER = 0.2;
/** Pause when a platform said "too many requests" without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 5_000;
const MAX_REASON_LENGTH = 500;

/** Kinds that are pointless once their event has started. */
const BEFORE_START_ONLY: ReadonlySet<NotificationKind> = new Set([
  'event_reminder',
  'event_changed',
  'cover_offer',
]);

/** What to do with a due row now: skip it (with the reason kept), defer it, or send it. */
export type DeliveryPlan =
  | { action: 'skip'; reason: string }
  | { action: 'defer'; until: Date }
  | { action: 'send'; recipient: Supporter; identity: Identity };

/**
 * What to do with a due row now. Skipped: recipients erased, paused, unreachable or with
 * reminders off (they get nothing at all), rows about a cancelled event (except the cancellation
 * notice), reminders and change notices of an event that has started. Deferred: rows due inside
 * the recipient's quiet hours, to their end, unless that end is after the event starts.
 * Otherwise sent to the recipient's most recently seen reachable identity on a platform in
 * `platforms`.
 */
export function planDelivery(
  row: Notification,
  context: DeliveryContext,
  platforms: { has(platform: string): boolean },
  now: Date,
): DeliveryPlan {
  const supporter = context.supporters.get(row.recipientId);
  if (!supporter) return { action: 'skip', reason: 'recipient gone' };
  if (supporter.status !== 'active') {
    return { action: 'skip', reason: `recipient ${supporter.status}` };
  }
  if (!supporter.remindersEnabled) return { action: 'skip', reason: 'reminders off' };
  const event = row.eventId === null ? undefined : context.events.get(row.eventId);
  if (event?.status === 'cancelled' && row.kind !== 'event_cancelled') {
    return { action: 'skip', reason: 'event cancelled' };
  }
  if (event && BEFORE_START_ONLY.has(row.kind) && event.startsAt <= now) {
    return { action: 'skip', reason: 'event started' };
  }
  if (supporter.quietHours) {
    const zone = supporter.timezone ?? context.zones.get(row.campaignId) ?? 'UTC';
    const end = quietHoursEnd(supporter.quietHours, zone, now);
    if (end && !(event && end > event.startsAt)) return { action: 'defer', until: end };
  }
  const identity = pickIdentity(context.identities.get(row.recipientId) ?? [], platforms);
  if (!identity) return { action: 'skip', reason: 'no reachable identity' };
  return { action: 'send', recipient: supporter, identity };
}

/** The reachable identity on a platform we can send to that the supporter used most recently. */
export function pickIdentity(
  identities: readonly Identity[],
  platforms: { has(platform: string): boolean },
): Identity | null {
  let best: Identity | null = null;
  for (const identity of identities) {
    if (identity.unreachable || !platforms.has(identity.platform)) continue;
    if (
      !best ||
      seen(identity) > seen(best) ||
      (seen(identity) === seen(best) && identity.id > best.id)
    ) {
      best = identity;
    }
  }
  return best;
}

function seen(identity: Identity): number {
  return identity.lastSeenAt?.getTime() ?? 0;
}

/** What a failed attempt leads to, by the delivery policy. */
export type FailureOutcome =
  /** The user cannot be messaged on this identity. */
  | { kind: 'unreachable'; reason: string }
  /**
   * The platform asked to slow down: pause the platform or only the chat (`scope`), retry the row
   * then (not counted as an attempt).
   */
  | { kind: 'rate_limited'; reason: string; retryAfterMs: number; scope: 'chat' | 'platform' }
  | { kind: 'retry'; reason: string; attempts: number; dueAt: Date }
  | { kind: 'failed'; reason: string; attempts: number };

/**
 * What a failed send of a row that had `attempts` failed attempts before leads to. Transient and
 * unknown errors are retried after an exponential backoff with jitter (30 s, 1 min, 2 min, 4 min,
 * each +-20%); the fifth failed attempt, or a permanent error, makes the row `failed`.
 */
export function failureOutcome(
  error: unknown,
  attempts: number,
  now: Date,
  random: () => number,
): FailureOutcome {
  const failure = error instanceof DeliveryError ? error.failure : 'transient';
  const reason = describeFailure(failure, error);
  if (failure === 'unreachable') return { kind: 'unreachable', reason };
  if (failure === 'rate_limited') {
    const { retryAfterMs = DEFAULT_RETRY_AFTER_MS, scope } = error as DeliveryError;
    return { kind: 'rate_limited', reason, retryAfterMs, scope };
  }
  const next = attempts + 1;
  if (failure === 'permanent' || next >= MAX_ATTEMPTS) {
    return { kind: 'failed', reason, attempts: next };
  }
  const dueAt = new Date(now.getTime() + backoffMs(next, random));
  return { kind: 'retry', reason, attempts: next, dueAt };
}

/** Delay before the next try after `attempts` failed ones: exponential, capped, +-20% jitter. */
export function backoffMs(attempts: number, random: () => number): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
  return Math.round(base * (1 + BACKOFF_JITTER * (2 * random() - 1)));
}

function describeFailure(failure: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${failure}: ${message}`.slice(0, MAX_REASON_LENGTH);
}
