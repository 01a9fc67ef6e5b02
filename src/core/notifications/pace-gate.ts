/**
 * Waits until `requests` more requests may go out on the platform (its shared per-second pace),
 * then resolves; rejects when `signal` aborts first.
 */
export type Pace = (requests: number, signal?: AbortSignal) => Promise<void>;

/**
 * Where a notifier's platform client waits right before each request goes on the wire. The
 * dispatcher sets the pace; until it does (or without a pace) requests pass at once. Waiting at
 * the wire, not before the call, keeps the time between a send slot and the request short, so
 * slots stay evenly spaced whatever the client does in between (opening a channel first,
 * retrying after a 429).
 */
export class PaceGate {
  private pace: Pace | undefined;

  /** Requests wait for `pace` from now on. */
  use(pace: Pace): void {
    this.pace = pace;
  }

  /** Resolves when `requests` requests may go out now. */
  async pass(requests = 1, signal?: AbortSignal): Promise<void> {
    await this.pace?.(requests, signal);
  }
}
