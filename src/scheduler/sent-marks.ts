import type { DispatchDeps } from './dispatch.types.ts';

/** A sent row waits at most about this long for its mark while sends go on. */
const MARK_DELAY_MS = 100;

/**
 * Rows the platform accepted, marked sent in batches: one write per `markBatch` rows, or once the
 * oldest has waited {@link MARK_DELAY_MS}, or when the dispatcher has nothing else to do. A crash can therefore repeat the messages sent
 * but not yet marked (at most one batch plus the sends in flight); nothing else is ever sent
 * twice. A row whose lease was taken over meanwhile is not marked, and logged.
 */
export class SentMarks {
  private pending: { id: number; key: string; at: number }[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly deps: DispatchDeps,
    private readonly held: Set<number>,
  ) {}

  /** Queues a row accepted at `at`; writes the queue when it is full. */
  add(id: number, key: string, at: number): void {
    this.held.delete(id);
    this.pending.push({ id, key, at });
    const oldest = (this.pending[0] as { at: number }).at;
    if (this.pending.length >= this.deps.markBatch || at - oldest >= MARK_DELAY_MS) {
      void this.flush().catch(() => {});
    }
  }

  /** Writes what is queued; throws the first failed write (the rows stay leased then). */
  flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (rows.length > 0) this.writing = this.writing.then(() => this.write(rows));
    return this.writing.then(() => {
      if (this.failure) throw this.failure;
    });
  }

  private async write(rows: { id: number; key: string; at: number }[]): Promise<void> {
    const { store, workerId, log } = this.deps;
    const at = new Date(Math.max(...rows.map((row) => row.at)));
    try {
      const marked = new Set(
        await store.notifications.markSent(
          rows.map((row) => row.id),
          workerId,
          at,
        ),
      );
      for (const row of rows) {
        if (!marked.has(row.id)) {
          log.warn({ key: row.key, workerId }, 'notification sent after its lease was taken over');
        }
      }
    } catch (error) {
      this.failure ??= error;
    }
  }
}
