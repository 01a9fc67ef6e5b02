/**
 * Benchmark `delivery`: two dispatcher processes on one PostgreSQL database send a broadcast
 * through the real notifiers to fakes that enforce the platforms' limits: a Bot API allowing 30
 * messages per sliding second bot-wide and 1 per second per chat, and a Discord allowing 50
 * requests per sliding second. Reports the bot-wide rate from the fakes' request times, its ratio
 * to the limit, the busiest second, 429 answers and duplicates; once more with one request that
 * hangs for 90 s.
 */
import { FakeDiscord } from '../test/fakes/fake-discord.ts';
import { FakeTelegram } from '../test/fakes/fake-telegram.ts';
import { busiestSecond } from '../test/scheduler/fixtures/telegram-delivery.ts';
import { createBenchDatabase, usingDatabase } from './support/bench-database.ts';
import { round } from './support/check.ts';
import type { WorkerConfig, WorkerReport } from './support/dispatch-worker.ts';
import { FIRST_CHAT_ID, seedDueBroadcast, seedSecondWave } from './support/seed.ts';
import { runDispatchers } from './support/workers.ts';

const TELEGRAM_COUNT = 450;
const DISCORD_COUNT = 500;
const HANG_MS = 90_000;
const DEADLINE_MS = 180_000;

export interface DeliveryRun {
  name: string;
  /** The platform's limit: messages (Telegram) or requests (Discord) per second. */
  limit: number;
  messages: number;
  requests: number;
  elapsedS: number;
  perSecond: number;
  ratio: number;
  busiestSecond: number;
  tooManyRequests: number;
  duplicates: number;
  notSent: number;
  shares: number[];
  errors: string[];
}

/** Runs the Telegram, Discord (two waves) and hung-request runs, one after the other. */
export async function benchDelivery(): Promise<DeliveryRun[]> {
  return [
    await telegramRun('telegram, 2 processes', false),
    ...(await discordRuns()),
    await telegramRun(`telegram, one request hangs ${HANG_MS / 1000} s`, true),
  ];
}

async function telegramRun(name: string, hang: boolean): Promise<DeliveryRun> {
  const fake = await FakeTelegram.start({ messagesPerSecond: 30, perChatIntervalMs: 1_000 });
  const database = await createBenchDatabase('postgresql');
  try {
    await usingDatabase(database.url, (db) =>
      seedDueBroadcast(db, { count: TELEGRAM_COUNT, platform: 'telegram', now: new Date() }),
    );
    if (hang) fake.hang({ chatId: FIRST_CHAT_ID }, HANG_MS);
    const notifier = { kind: 'telegram', apiRoot: fake.apiRoot, token: fake.token } as const;
    const { reports } = await runDispatchers(workers(database.url, 'telegram', notifier));
    const perChat = new Map<string, number>();
    for (const message of fake.messages()) {
      const chat = String(message.chat.id);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    }
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
    const times = fake.sendRequests.map((request) => request.at);
    return measure(name, 30, times, fake.messages().length, {
      tooManyRequests: fake.tooManyRequests,
      duplicates,
      notSent: await notSent(database.url),
      reports,
    });
  } finally {
    await database.remove();
    await fake.close();
  }
}

async function discordRuns(): Promise<DeliveryRun[]> {
  const fake = await FakeDiscord.start({ requestsPerSecond: 50 });
  const database = await createBenchDatabase('postgresql');
  try {
    const users = Array.from({ length: DISCORD_COUNT }, (_, i) => fake.addUser(`member${i}`));
    const externalIds = users.map((user) => user.id);
    const { broadcastId } = await usingDatabase(database.url, (db) =>
      seedDueBroadcast(db, {
        count: DISCORD_COUNT,
        platform: 'discord',
        now: new Date(),
        externalIds,
        chatKnown: false,
      }),
    );
    const notifier = { kind: 'discord', apiBase: fake.apiBase, token: fake.token } as const;
    const runs: DeliveryRun[] = [];
    for (const wave of ['first wave (opens DM channels)', 'second wave (channels kept)']) {
      if (runs.length > 0) {
        await usingDatabase(database.url, (db) => seedSecondWave(db, broadcastId, new Date()));
      }
      const fromCall = fake.calls.length;
      const fromRequest = fake.requestTimes.length;
      const refusedBefore = fake.tooManyRequests;
      const { reports } = await runDispatchers(workers(database.url, 'discord', notifier));
      const posts = fake.calls
        .slice(fromCall)
        .filter((call) => call.status === 200 && /^\/channels\/\d+\/messages$/.test(call.path));
      const perChannel = new Map<string, number>();
      for (const call of posts) perChannel.set(call.path, (perChannel.get(call.path) ?? 0) + 1);
      const duplicates = [...perChannel.values()].reduce((sum, n) => sum + n - 1, 0);
      runs.push(
        measure(
          `discord, 2 processes, ${wave}`,
          50,
          fake.requestTimes.slice(fromRequest),
          posts.length,
          {
            tooManyRequests: fake.tooManyRequests - refusedBefore,
            duplicates,
            notSent: await notSent(database.url),
            reports,
          },
        ),
      );
    }
    return runs;
  } finally {
    await database.remove();
    await fake.close();
  }
}

function workers(
  databaseUrl: string,
  name: string,
  notifier: WorkerConfig['notifier'],
): WorkerConfig[] {
  return [1, 2].map((n) => ({
    databaseUrl,
    workerId: `bench-${name}-${n}`,
    notifier,
    content: 'core',
    sharedBudget: true,
    // Smaller claims than the default 500, so that both processes get rows of a 450-row run.
    batchSize: 100,
    deadlineMs: DEADLINE_MS,
  }));
}

function measure(
  name: string,
  limit: number,
  times: number[],
  messages: number,
  found: { tooManyRequests: number; duplicates: number; notSent: number; reports: WorkerReport[] },
): DeliveryRun {
  const sorted = [...times].sort((a, b) => a - b);
  const spanMs = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  const perSecond = spanMs > 0 ? ((sorted.length - 1) * 1000) / spanMs : 0;
  return {
    name,
    limit,
    messages,
    requests: sorted.length,
    elapsedS: round(spanMs / 1000, 2),
    perSecond: round(perSecond, 1),
    ratio: round(perSecond / limit, 3),
    busiestSecond: busiestSecond(sorted),
    tooManyRequests: found.tooManyRequests,
    duplicates: found.duplicates,
    notSent: found.notSent,
    shares: found.reports.map((report) => report.sentKeys.length),
    errors: found.reports.flatMap((report) => report.errors).slice(0, 3),
  };
}

async function notSent(url: string): Promise<number> {
  return usingDatabase(url, (db) =>
    db.client.notification.count({ where: { status: { not: 'sent' } } }),
  );
}
