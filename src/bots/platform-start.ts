import { setTimeout as sleep } from 'node:timers/promises';

/** A platform that could not be started; the message is one sentence, safe to log. */
export class PlatformStartError extends Error {
  override readonly name = 'PlatformStartError';
}

/** How long a platform may take to answer at start, and what interrupts the start. */
export interface StartLimits {
  timeoutMs: number;
  /** Aborted by SIGINT or SIGTERM during the start. */
  signal?: AbortSignal;
}

export interface StartRetryOptions {
  limits: StartLimits;
  log: { warn(details: Record<string, unknown>, message: string): void };
  /** The log message of a retry, e.g. `telegram not reachable, retrying`. */
  retrying: string;
  /** Why an attempt failed, for the log. */
  reason(error: unknown): string;
  /** The sentence ending the start at once (a refused token), or undefined to retry. */
  refusal(error: unknown): string | undefined;
  /** The sentence when time ran out, given the last reason. */
  gaveUp(reason: string, seconds: number): string;
}

const FIRST_GAP_MS = 1_000;
const LONGEST_GAP_MS = 15_000;

/**
 * Runs `attempt` until it succeeds, waiting 1, 2, 4 ... (at most 15) seconds between tries and
 * logging each retry with its reason. A refusal ends it at once; after `timeoutMs` it gives up.
 * Either way it rejects with a {@link PlatformStartError}; an abort rejects with the signal's
 * reason, at any moment (an attempt in flight is aborted too).
 */
export async function retryStart<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: StartRetryOptions,
): Promise<T> {
  const { limits, log } = options;
  const deadline = Date.now() + limits.timeoutMs;
  const seconds = Math.round(limits.timeoutMs / 1000);
  for (let tries = 1, gap = FIRST_GAP_MS; ; tries++, gap = Math.min(gap * 2, LONGEST_GAP_MS)) {
    limits.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(Math.max(deadline - Date.now(), 1));
    const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
    try {
      return await attempt(signal);
    } catch (error) {
      limits.signal?.throwIfAborted();
      const refusal = options.refusal(error);
      if (refusal) throw new PlatformStartError(refusal);
      const reason = timeout.aborted ? 'no answer' : options.reason(error);
      const left = deadline - Date.now();
      if (left <= 0) throw new PlatformStartError(options.gaveUp(reason, seconds));
      const wait = Math.min(gap, left);
      log.warn({ attempt: tries, retryInMs: wait, reason }, options.retrying);
      await sleep(wait, undefined, limits.signal ? { signal: limits.signal } : undefined).catch(
        () => limits.signal?.throwIfAborted(),
      );
    }
  }
}

/** The first line of an error's message and of its cause's, without a final period. */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return [message, cause]
    .filter(Boolean)
    .map((text) => text.split('\n')[0]?.replace(/\.$/, ''))
    .join(': ');
}
