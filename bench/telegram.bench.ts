/**
 * Benchmark (b): 3,000 notifications to distinct chats through the real Dispatcher and
 * TelegramNotifier (one process, SQLite), against the fake Bot API on 127.0.0.1 allowing 300
 * messages per sliding second and answering 429 beyond. The dispatcher's Telegram limit is set to
 * the same 300/s, so the ideal run takes 10 s.
 */
import { FakeTelegram } from '../test/fakes/fake-telegram.ts';
import { createBenchDatabase, usingDatabase } from './support/bench-database.ts';
import { checkDeliveries, round } from './support/check.ts';
import { seedDueBroadcast } from './support/seed.ts';
import { runDispatchers } from './support/workers.ts';

const COUNT = 3_000;
const PER_SECOND = 300;
const IDEAL_S = COUNT / PER_SECOND;
const DEADLINE_MS = 120_000;

export interface TelegramBenchResult {
  count: number;
  elapsedS: number;
  idealS: number;
  ratio: number;
  tooManyRequests: number;
  /** Chats the fake accepted a message for, and how many of them got more than one. */
  chatsReached: number;
  chatsTwice: number;
  peakRss: number;
  exactlyOnce: boolean;
  errors: string[];
}

export async function benchTelegram(): Promise<TelegramBenchResult> {
  const fake = await FakeTelegram.start({ messagesPerSecond: PER_SECOND });
  const database = await createBenchDatabase('sqlite');
  try {
    await usingDatabase(database.url, (db) =>
      seedDueBroadcast(db, { count: COUNT, platform: 'telegram', now: new Date() }),
    );
    const { reports } = await runDispatchers([
      {
        databaseUrl: database.url,
        workerId: 'bench-telegram',
        notifier: { kind: 'telegram', apiRoot: fake.apiRoot, token: fake.token },
        content: 'core',
        limits: { telegram: { perSecond: PER_SECOND, perChatIntervalMs: 1_000 } },
        deadlineMs: DEADLINE_MS,
      },
    ]);
    const [report] = reports;
    const accepted = new Map<string, number>();
    for (const call of fake.callsTo('sendMessage')) {
      if (call.status !== 200) continue;
      const chat = String(call.params.chat_id);
      accepted.set(chat, (accepted.get(chat) ?? 0) + 1);
    }
    const check = await usingDatabase(database.url, (db) => checkDeliveries(db, reports, COUNT));
    const chatsTwice = [...accepted.values()].filter((times) => times > 1).length;
    const elapsedS = report!.elapsedMs / 1000;
    return {
      count: COUNT,
      elapsedS: round(elapsedS, 2),
      idealS: IDEAL_S,
      ratio: round(elapsedS / IDEAL_S, 3),
      tooManyRequests: fake.tooManyRequests,
      chatsReached: accepted.size,
      chatsTwice,
      peakRss: round(report!.maxRssMb),
      exactlyOnce: check.exactlyOnce && accepted.size === COUNT && chatsTwice === 0,
      errors: report!.errors.slice(0, 5),
    };
  } finally {
    await database.remove();
    await fake.close();
  }
}
