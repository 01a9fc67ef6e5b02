import cron, { type ScheduledTask } from 'node-cron';
import type { ErrorLog } from '../core/deps.ts';

export interface SchedulerOptions {
  /** node-cron expression (5 or 6 fields), e.g. `SCHEDULER_CRON`. */
  expression: string;
  /** The work of one tick; `signal` aborts when the scheduler stops. */
  tick: (signal: AbortSignal) => Promise<void>;
  log: ErrorLog;
}

/**
 * Runs a tick on a cron schedule. A tick still running when the next one fires is not started
 * again: that firing is dropped. `stop()` ends the schedule, asks the tick in flight to finish
 * early and waits for it.
 */
export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    if (this.task || this.stopping.signal.aborted) return;
    this.task = cron.schedule(this.options.expression, () => this.trigger());
    // node-cron prints missed firings on the terminal, where the console chat is; a missed firing
    // is harmless here (the next tick delivers what fell due).
    this.task.on('execution:missed', () => undefined);
  }

  /**
   * Runs a tick now unless one is in flight (then it resolves when that one ends). The cron
   * schedule calls it; tools and tests may too.
   */
  trigger(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.task?.stop();
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      await this.options.tick(this.stopping.signal);
    } catch (error) {
      this.options.log.error({ err: error }, 'scheduled tick failed');
    }
  }
}
