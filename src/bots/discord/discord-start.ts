import type { Client } from 'discord.js';
import { errorReason, PlatformStartError, type StartLimits } from '../platform-start.ts';

/**
 * Logs in and waits for `ready`, within the start limit: a refused token, an unreachable
 * Discord or no answer in time ends the start with one sentence; an abort rejects with its reason.
 */
export async function connectDiscord(
  client: Client,
  token: string,
  apiBase: string,
  ready: Promise<unknown>,
  limits: StartLimits,
): Promise<void> {
  const seconds = Math.round(limits.timeoutMs / 1000);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(new PlatformStartError(`Discord gave no answer at ${apiBase} within ${seconds} s.`)),
      limits.timeoutMs,
    );
    onAbort = () => reject(limits.signal?.reason);
    limits.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    limits.signal?.throwIfAborted();
    await Promise.race([client.login(token).then(() => ready), stopped]);
  } catch (error) {
    if (error instanceof PlatformStartError || limits.signal?.aborted) throw error;
    const code = (error as { code?: unknown; status?: unknown }) ?? {};
    if (code.code === 'TokenInvalid' || code.status === 401) {
      throw new PlatformStartError(
        `Discord refused the bot token (DISCORD_TOKEN): ${errorReason(error)}.`,
      );
    }
    throw new PlatformStartError(
      `Discord could not be reached at ${apiBase}: ${errorReason(error)}.`,
    );
  } finally {
    clearTimeout(timer);
    if (onAbort) limits.signal?.removeEventListener('abort', onAbort);
  }
}
