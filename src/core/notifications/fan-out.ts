import type { Clock } from '../clock.ts';
import type { ErrorLog } from '../log.ts';
import type { Store } from '../ports.ts';
import type { FanOut, NewFanOut } from './fan-out.types.ts';
import { notificationKey } from './notification-keys.ts';

/** Rows one statement writes: small enough to keep every transaction short. */
export const FAN_OUT_CHUNK = 2_000;
const LEASE_MS = 60_000;
/** Fan-outs one pass takes over at most. */
const CLAIMED_AT_ONCE = 10;

export interface FanOutsOptions {
  store: Store;
  clock: Clock;
  log: ErrorLog;
  /** This process's lease name; a stable one lets a restarted process resume its own work. */
  workerId: string;
  /** Rows per chunk (default {@link FAN_OUT_CHUNK}). */
  chunkSize?: number;
}

/** A fan-out begun: its record (none for an empty audience) and the audience size. */
export interface FanOutStart {
  fanOut: FanOut | null;
  total: number;
}

/**
 * Writes outbox rows for whole audiences (broadcasts, hand-outs, digests, event notices) with
 * set-based SQL, a bounded chunk at a time, so memory does not grow with the audience. An
 * audience that fits in one chunk is written at once, in the caller's transaction; a larger one
 * is written in the background after the caller's transaction committed and {@link kick} was
 * called, under a lease that another process takes over if this one stops.
 */
export class FanOuts {
  private readonly chunkSize: number;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: FanOutsOptions) {
    this.chunkSize = options.chunkSize ?? FAN_OUT_CHUNK;
  }

  /**
   * Records the fan-out in `store` (which may be a transaction), counting the audience unless
   * the caller just did (`total`).
   */
  async start(
    store: Store,
    campaignId: number,
    input: NewFanOut,
    counted?: number,
  ): Promise<FanOutStart> {
    const total = counted ?? (await store.fanOuts.count(campaignId, input.audience));
    if (total === 0) return { fanOut: null, total };
    const inline = total <= this.chunkSize;
    const lease = inline ? { workerId: this.options.workerId, until: this.leaseEnd() } : null;
    let fanOut = await store.fanOuts.create(campaignId, input, total, lease);
    if (inline) {
      let chunk = await this.chunk(store, fanOut.id);
      while (chunk && !chunk.done) chunk = await this.chunk(store, fanOut.id);
      fanOut = (await store.fanOuts.find(fanOut.id)) ?? fanOut;
    }
    return { fanOut, total };
  }

  /** After the transaction that began `start` committed: writes it on if it is not done. */
  afterCommit(start: FanOutStart): void {
    if (start.fanOut?.status === 'running') void this.kick();
  }

  /**
   * Writes every fan-out waiting for a process (new ones, and those of a process that stopped)
   * until none is left. Resolves when done; a call while a pass runs makes it look again.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.again = true;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when no fan-out is being written by this process. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops after the chunk in flight; what is left is resumed by the next process. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async drain(): Promise<void> {
    const { store, clock, log, workerId } = this.options;
    while (this.again && !this.stopped) {
      this.again = false;
      try {
        const ids = await store.fanOuts.claim(
          workerId,
          clock.now(),
          this.leaseEnd(),
          CLAIMED_AT_ONCE,
        );
        for (const id of ids) await this.write(id);
        if (ids.length === CLAIMED_AT_ONCE) this.again = true;
      } catch (error) {
        log.error({ err: error }, 'fan-out failed');
      }
    }
  }

  /** Writes a leased fan-out chunk by chunk, then tells the organizer it is queued. */
  private async write(id: number): Promise<void> {
    const { store, clock } = this.options;
    let chunk = await this.chunk(store, id);
    while (chunk && !chunk.done) {
      if (this.stopped) return;
      // Lets commands and deliveries in between the chunks of a large audience.
      await new Promise((resolve) => setImmediate(resolve));
      chunk = await this.chunk(store, id);
    }
    const fanOut = chunk ? await store.fanOuts.find(id) : null;
    if (fanOut) await this.tell(store, fanOut, clock.now());
  }

  private chunk(store: Store, id: number) {
    const now = this.options.clock.now();
    return store.fanOuts.writeChunk(
      id,
      this.options.workerId,
      this.chunkSize,
      this.leaseEnd(),
      now,
    );
  }

  /** Queues "queued N" for whoever asked for a fan-out written in the background. */
  private async tell(store: Store, fanOut: FanOut, now: Date): Promise<void> {
    if (fanOut.notifyId === null || fanOut.status !== 'done') return;
    await store.notifications.enqueue(fanOut.campaignId, [
      {
        kind: 'fan_out_done',
        key: notificationKey('fan_out_done', fanOut.id, fanOut.notifyId),
        recipientId: fanOut.notifyId,
        broadcastId: fanOut.broadcastId,
        dueAt: now,
        payload: { fanOutId: fanOut.id, kind: fanOut.kind, written: fanOut.written },
      },
    ]);
  }

  private leaseEnd(): Date {
    return new Date(this.options.clock.now().getTime() + LEASE_MS);
  }
}
