import { type Api, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { errorReason, retryStart, type StartLimits } from '../platform-start.ts';

/**
 * Asks Telegram who the bot is (`getMe`), retrying while Telegram cannot be reached and logging
 * each retry; a refused token, or no answer within the limit, ends the start with one sentence.
 */
export function reachTelegram(
  api: Api,
  apiRoot: string,
  limits: StartLimits,
  log: { warn(details: Record<string, unknown>, message: string): void },
): Promise<UserFromGetMe> {
  // grammY types its signal with a polyfill's AbortSignal; Node's own works the same at run time.
  type GrammySignal = Parameters<Api['getMe']>[0];
  return retryStart((signal) => api.getMe(signal as unknown as GrammySignal), {
    limits,
    log,
    retrying: 'telegram not reachable, retrying',
    reason: (error) =>
      error instanceof GrammyError
        ? `${error.error_code} ${error.description}`
        : errorReason(error),
    refusal: (error) =>
      error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)
        ? `Telegram refused the bot token (TELEGRAM_BOT_TOKEN): ${error.error_code} ${error.description}.`
        : undefined,
    gaveUp: (reason, seconds) =>
      `Telegram could not be reached at ${apiRoot} within ${seconds} s (last error: ${reason}).`,
  });
}
