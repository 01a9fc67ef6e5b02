/**
 * The peer beside benchmark (a) on PostgreSQL: pg-boss (10.4, the last release that runs on
 * Node 20) doing 10,000 no-op jobs with two workers (two PgBoss instances, each its own pool),
 * jobs fetched and completed in batches. Timed from the workers' start to the moment every job
 * is completed in its table.
 */
import { setTimeout as delay } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { createBenchDatabase } from './support/bench-database.ts';
import { round } from './support/check.ts';

const COUNT = 10_000;
const QUEUE = 'noop';

export interface PeerResult {
  peer: string;
  count: number;
  workers: number;
  batchSize: number;
  elapsedS: number;
  perSecond: number;
}

export async function benchPgBoss(batchSize: number): Promise<PeerResult> {
  const database = await createBenchDatabase('postgresql');
  const bosses = [0, 1].map(() => new PgBoss({ connectionString: database.url, max: 4 }));
  try {
    for (const boss of bosses) await boss.start();
    const [first] = bosses as [PgBoss, PgBoss];
    await first.createQueue(QUEUE);
    for (let start = 0; start < COUNT; start += 1_000) {
      await first.insert(Array.from({ length: 1_000 }, () => ({ name: QUEUE, data: {} })));
    }
    const started = performance.now();
    for (const boss of bosses) {
      await boss.work(QUEUE, { batchSize, pollingIntervalSeconds: 0.5 }, async () => {});
    }
    const db = first.getDb();
    for (;;) {
      const { rows } = await db.executeSql(
        `SELECT count(*)::int AS done FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
        [QUEUE],
      );
      if ((rows[0] as { done: number }).done >= COUNT) break;
      await delay(20);
    }
    const elapsedMs = performance.now() - started;
    return {
      peer: 'pg-boss 10.4.2',
      count: COUNT,
      workers: bosses.length,
      batchSize,
      elapsedS: round(elapsedMs / 1000, 2),
      perSecond: round((COUNT * 1000) / elapsedMs),
    };
  } finally {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await database.remove();
  }
}
