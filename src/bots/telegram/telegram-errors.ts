import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../core/notifications/notifier.ts';

/** Telegram's answer when no retry_after came with a 429 (it always should). */
const DEFAULT_RETRY_AFTER_S = 1;

/**
 * Translates a grammY failure into the delivery policy's terms. Messages are built here from the
 * error code and description only: grammY's own errors may carry the request URL, which holds
 * the bot token. Anything that is not a grammY error is returned unchanged.
 */
export function toDeliveryError(error: unknown, method: string): unknown {
  if (error instanceof HttpError) {
    const code = (error.error as { code?: unknown } | undefined)?.code;
    const reason = typeof code === 'string' ? ` (${code})` : '';
    return new DeliveryError('transient', `Telegram ${method}: network error${reason}`);
  }
  if (!(error instanceof GrammyError)) return error;
  const message = `Telegram ${method}: ${error.error_code} ${error.description}`;
  const status = error.error_code;
  if (status === 403 || (status === 400 && /chat not found/i.test(error.description))) {
    return new DeliveryError('unreachable', message);
  }
  if (status === 429) {
    // The bot-wide pace is kept by the dispatcher's shared budget, so a 429 is taken as this
    // chat's own limit: only this chat waits.
    const seconds = error.parameters.retry_after ?? DEFAULT_RETRY_AFTER_S;
    return new DeliveryError('rate_limited', message, seconds * 1000, 'chat');
  }
  return new DeliveryError(status >= 500 ? 'transient' : 'permanent', message);
}
