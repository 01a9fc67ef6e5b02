/**
 * One dispatcher process of a benchmark (run with `node --import tsx`, forked by workers.ts):
 * opens the database, says `ready`, waits for `go`, then ticks until no row is pending, and
 * reports what it delivered.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Api } from 'grammy';
import { rejectLongDirectMessageWaits } from '../../src/bots/discord/discord-errors.ts';
import { DiscordNotifier, pacedRest } from '../../src/bots/discord/discord-notifier.ts';
import { TelegramNotifier } from '../../src/bots/telegram/telegram-notifier.ts';
import { EChartsChartRenderer } from '../../src/charts/echarts-chart-renderer.ts';
import type { Platform } from '../../src/core/campaigns/campaign.types.ts';
import { systemClock } from '../../src/core/clock.ts';
import { CoreNotificationContent } from '../../src/core/notifications/content.ts';
import { FanOuts } from '../../src/core/notifications/fan-out.ts';
import type { NotificationContent } from '../../src/core/notifications/notification-content.ts';
import type { Notifier } from '../../src/core/notifications/notifier.ts';
import { PaceGate } from '../../src/core/notifications/pace-gate.ts';
import { nodeCronRules } from '../../src/scheduler/cron-rules.ts';
import { Dispatcher, type TickSummary } from '../../src/scheduler/dispatcher.ts';
import type { PlatformLimits } from '../../src/scheduler/throttle.ts';
import { openDatabase } from '../../src/store/database.ts';
import { PrismaSendBudget } from '../../src/store/prisma-delivery-budget.ts';

export interface WorkerConfig {
  databaseUrl: string;
  workerId: string;
  /** A notifier that accepts at once, or the real Telegram or Discord notifier against a fake. */
  notifier:
    | { kind: 'instant'; platform: Platform }
    | { kind: 'telegram'; apiRoot: string; token: string }
    | { kind: 'discord'; apiBase: string; token: string };
  /** Paces through the database's shared send budget (else each process paces alone). */
  sharedBudget?: boolean;
  /** `core`: the real renderer (reads the campaign and the broadcast); `static`: fixed text. */
  content: 'core' | 'static';
  limits?: PlatformLimits;
  /** Rows leased per claim (the dispatcher's default when absent). */
  batchSize?: number;
  /** Gives up after this long, so a stuck run still ends. */
  deadlineMs: number;
}

export interface WorkerReport {
  workerId: string;
  /** Keys of the notifications this process got accepted, in order. */
  sentKeys: string[];
  totals: TickSummary;
  ticks: number;
  elapsedMs: number;
  /** Peak resident memory before dispatching (runtime, Prisma, migrations check) and overall. */
  readyMaxRssMb: number;
  maxRssMb: number;
  errors: string[];
}

const IDLE_PAUSE_MS = 5;
const staticContent: NotificationContent = {
  render: async () => ({ blocks: ['Canvassing tomorrow at 10:00.'], locale: 'en' }),
};

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
const db = await openDatabase(config.databaseUrl);
const errors: string[] = [];
const log = {
  info: () => {},
  warn: (details: Record<string, unknown>, message: string) =>
    errors.push(`${message} ${describe(details)}`),
  error: (details: Record<string, unknown>, message: string) =>
    errors.push(`${message} ${describe(details)}`),
};
const sentKeys: string[] = [];
const inner = innerNotifier(config.notifier);
const notifier: Notifier = {
  platform: inner.platform,
  ...(inner.requestsFor && { requestsFor: inner.requestsFor.bind(inner) }),
  ...(inner.gate && { gate: inner.gate }),
  send: async (message, signal) => {
    const receipt = await inner.send(message, signal);
    sentKeys.push(message.key);
    return receipt;
  },
};
const dispatcher = new Dispatcher({
  store: db.store,
  notifiers: [notifier],
  content:
    config.content === 'core'
      ? new CoreNotificationContent({
          store: db.store,
          clock: systemClock,
          settings: {
            defaults: { name: 'Bench', timezone: 'Europe/Paris', locale: 'en' },
            admins: [],
            commandsPerMinute: 60,
            policyVersion: 'bench',
            platformNames: {},
          },
          cron: nodeCronRules,
          charts: new EChartsChartRenderer(),
          fanOuts: new FanOuts({
            store: db.store,
            clock: systemClock,
            log: { error: () => undefined },
            workerId: 'bench',
          }),
        })
      : staticContent,
  clock: systemClock,
  log,
  workerId: config.workerId,
  ...(config.limits && { limits: config.limits }),
  ...(config.batchSize && { batchSize: config.batchSize }),
  ...(config.sharedBudget && { budget: new PrismaSendBudget(db.client) }),
});

const readyMaxRssMb = maxRssMb();
process.send?.({ type: 'ready' });
await new Promise<void>((resolve) => process.once('message', () => resolve()));

const totals: TickSummary = { sent: 0, failed: 0, skipped: 0, retried: 0, deferred: 0 };
const started = performance.now();
let ticks = 0;
while (performance.now() - started < config.deadlineMs) {
  const summary = await dispatcher.tick();
  ticks++;
  for (const outcome of Object.keys(totals) as (keyof TickSummary)[])
    totals[outcome] += summary[outcome];
  if (Object.values(summary).some((count) => count > 0)) continue;
  // Nothing due for this process: done once nothing is pending at all (rows another process
  // holds, or retries due later, keep it going).
  if ((await db.client.notification.count({ where: { status: 'pending' } })) === 0) break;
  await delay(IDLE_PAUSE_MS);
}
const elapsedMs = performance.now() - started;
await db.close();
const report: WorkerReport = {
  workerId: config.workerId,
  sentKeys,
  totals,
  ticks,
  elapsedMs,
  readyMaxRssMb,
  maxRssMb: maxRssMb(),
  errors,
};
process.send?.({ type: 'done', report }, () => process.exit(0));

function innerNotifier(choice: WorkerConfig['notifier']): Notifier {
  if (choice.kind === 'telegram') {
    // As the Telegram adapter builds it: its own client, paced at the wire.
    const api = new Api(choice.token, { apiRoot: choice.apiRoot });
    return new TelegramNotifier(api, new PaceGate());
  }
  if (choice.kind === 'discord') {
    const gate = new PaceGate();
    const options = { api: choice.apiBase, rejectOnRateLimit: rejectLongDirectMessageWaits };
    return new DiscordNotifier(pacedRest(options, gate).setToken(choice.token), gate);
  }
  return { platform: choice.platform, send: async () => {} };
}

function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function describe(details: Record<string, unknown>): string {
  const error = details.err instanceof Error ? details.err.message : undefined;
  return error ?? JSON.stringify(details);
}
