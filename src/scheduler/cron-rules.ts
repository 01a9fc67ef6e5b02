import cron, { type ScheduledTask } from 'node-cron';
import type { CronRules } from '../core/deps.ts';

const matchers = new Map<string, ScheduledTask>();

/** Cron expressions as node-cron reads them, in any IANA zone (daylight saving included). */
export const nodeCronRules: CronRules = {
  validate: (expression) => cron.validate(expression),
  matches(expression, zone, at) {
    const key = `${zone} ${expression}`;
    let matcher = matchers.get(key);
    if (!matcher) {
      // A task that is never started: node-cron's own matcher, without timers.
      matcher = cron.createTask(expression, () => {}, { timezone: zone });
      matchers.set(key, matcher);
    }
    return matcher.match(at);
  },
};
