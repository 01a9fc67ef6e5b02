import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { recordingLog } from './fixtures/delivery-fixtures.ts';

/** A tick that runs until the test lets it finish, counting its runs. */
function heldTick() {
  const state = { runs: 0, aborted: false, finish: () => {} };
  const tick = (signal: AbortSignal) => {
    state.runs += 1;
    return new Promise<void>((resolve) => {
      state.finish = resolve;
      signal.addEventListener('abort', () => {
        state.aborted = true;
      });
    });
  };
  return { state, tick };
}

describe('scheduler', () => {
  it('does not run a tick twice when the next firing comes while it still runs', async () => {
    const { state, tick } = heldTick();
    const scheduler = new Scheduler({ expression: '* * * * *', tick, log: recordingLog() });

    const first = scheduler.trigger();
    const overlapping = scheduler.trigger();
    expect(state.runs).toBe(1);
    state.finish();
    await Promise.all([first, overlapping]);

    await Promise.all([scheduler.trigger(), Promise.resolve().then(() => state.finish())]);
    expect(state.runs).toBe(2);
  });

  it('stop() asks the tick in flight to finish early and waits for it', async () => {
    const { state, tick } = heldTick();
    const scheduler = new Scheduler({ expression: '* * * * *', tick, log: recordingLog() });
    scheduler.start();
    void scheduler.trigger();
    let stopped = false;

    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(state.aborted).toBe(true);
    expect(stopped).toBe(false);
    state.finish();
    await stopping;

    expect(stopped).toBe(true);
    await scheduler.trigger();
    expect(state.runs).toBe(1);
  });

  it('logs a failing tick and keeps the schedule', async () => {
    const log = recordingLog();
    let runs = 0;
    const tick = async () => {
      runs += 1;
      throw new Error('boom');
    };
    const scheduler = new Scheduler({ expression: '* * * * *', tick, log });

    await scheduler.trigger();
    await scheduler.trigger();

    expect(runs).toBe(2);
    expect(log.lines).toEqual([
      { level: 'error', message: 'scheduled tick failed' },
      { level: 'error', message: 'scheduled tick failed' },
    ]);
    await scheduler.stop();
  });
});
