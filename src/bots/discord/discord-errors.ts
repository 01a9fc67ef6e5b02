import { DiscordAPIError, HTTPError, type RateLimitData, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../core/notifications/notifier.ts';

/** Discord's "Cannot send messages to this user" (DMs closed, bot blocked, no shared server). */
export const CANNOT_MESSAGE_USER = 50007;

/** How long a direct message may wait for Discord's rate limit before the dispatcher retries it. */
const LONGEST_DM_WAIT_MS = 5_000;

const DM_ROUTES = [/^\/users\/@me\/channels$/, /^\/channels\/[^/]+\/messages$/];

/**
 * discord.js waits out rate limits itself; for direct messages a long wait is handed back to
 * the delivery policy instead (as a RateLimitError), so one busy bucket does not stall a dispatch.
 */
export function rejectLongDirectMessageWaits(data: RateLimitData): boolean {
  const wait = Math.max(data.retryAfter, data.timeToReset, data.sublimitTimeout);
  return wait > LONGEST_DM_WAIT_MS && DM_ROUTES.some((route) => route.test(data.route));
}

/**
 * A failed Discord call in the terms of the delivery policy: 50007 unreachable, 429 rate
 * limited (with the wait; only the channel waits unless the limit is global), 5xx and network errors transient, other 4xx permanent. The message
 * names the status and code, never a URL (webhook URLs hold interaction tokens).
 */
export function deliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    const wait = Math.max(error.retryAfter, error.timeToReset, error.sublimitTimeout);
    const scope = error.global ? 'platform' : 'chat';
    return new DeliveryError('rate_limited', `Discord rate limit on ${error.route}`, wait, scope);
  }
  if (error instanceof DiscordAPIError) {
    const text = `Discord ${error.status} (code ${error.code}): ${error.message}`;
    if (error.code === CANNOT_MESSAGE_USER) return new DeliveryError('unreachable', text);
    if (error.status === 429) {
      const raw = error.rawError as { retry_after?: number; global?: boolean };
      const scope = raw.global ? 'platform' : 'chat';
      return new DeliveryError('rate_limited', text, (raw.retry_after ?? 1) * 1000, scope);
    }
    return new DeliveryError(error.status >= 500 ? 'transient' : 'permanent', text);
  }
  if (error instanceof HTTPError) {
    const text = `Discord ${error.status}: ${error.message}`;
    return new DeliveryError(error.status >= 500 ? 'transient' : 'permanent', text);
  }
  return new DeliveryError(
    'transient',
    `Discord unreachable: ${(error as Error)?.message ?? error}`,
  );
}

/** An error as logged: Discord's answer without its URL and request body. */
export function loggableError(error: unknown): unknown {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    return {
      type: error.name,
      status: error.status,
      code,
      method: error.method,
      message: error.message,
    };
  }
  return error;
}
