import { CoreNotificationContent } from '../../src/core/notifications/content.ts';
import type { Notifier } from '../../src/core/notifications/notifier.ts';
import { Dispatcher } from '../../src/scheduler/dispatcher.ts';
import type { Harness } from './core-harness.ts';

/**
 * The real dispatcher over a harness's core, with its fixed clock (waits advance it) and the
 * real notification content: what delivers reminders in the platform end-to-end tests.
 */
export function testDispatcher(harness: Harness, notifiers: Notifier[]): Dispatcher {
  return new Dispatcher({
    store: harness.db.store,
    notifiers,
    content: new CoreNotificationContent(harness.core.deps),
    clock: harness.clock,
    log: { info: () => {}, warn: () => {}, error: (details) => harness.errors.push(details) },
    sleep: async (ms) => harness.clock.advance(ms),
    // One send at a time: concurrent waits would each move the one fixed clock.
    concurrency: 1,
  });
}
