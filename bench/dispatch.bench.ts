/**
 * Benchmark (a): 10,000 due notifications through the real Dispatcher with a notifier that
 * accepts at once, on SQLite with one process and on PostgreSQL with two processes sharing the
 * database. Measures notifications per second, peak RSS per process, and checks exactly-once.
 */
import type { DatabaseKind } from '../src/config.ts';
import { createBenchDatabase, usingDatabase } from './support/bench-database.ts';
import { checkDeliveries, round } from './support/check.ts';
import type { WorkerConfig } from './support/dispatch-worker.ts';
import { seedDueBroadcast } from './support/seed.ts';
import { runDispatchers } from './support/workers.ts';

const COUNT = 10_000;
const DEADLINE_MS = 300_000;

export interface DispatchBenchResult {
  database: DatabaseKind;
  processes: number;
  content: WorkerConfig['content'];
  count: number;
  elapsedS: number;
  perSecond: number;
  /** Per process, in MB: before dispatching, and overall. */
  readyRss: number[];
  peakRss: number[];
  /** Rows each process delivered. */
  shares: number[];
  duplicates: number;
  missing: number;
  exactlyOnce: boolean;
  errors: string[];
}

/** Seeds a fresh database, runs `processes` dispatchers on it until every row is sent. */
export async function benchDispatch(
  kind: DatabaseKind,
  processes: number,
  content: WorkerConfig['content'] = 'core',
): Promise<DispatchBenchResult> {
  const database = await createBenchDatabase(kind);
  try {
    // Each process applies migrations on opening: the seeding connection is closed before, so
    // that nothing holds the SQLite file meanwhile.
    await usingDatabase(database.url, (db) =>
      seedDueBroadcast(db, { count: COUNT, platform: 'console', now: new Date() }),
    );
    const { reports } = await runDispatchers(
      Array.from({ length: processes }, (_, i) => ({
        databaseUrl: database.url,
        workerId: `bench-${kind}-${i + 1}`,
        notifier: { kind: 'instant', platform: 'console' },
        content,
        deadlineMs: DEADLINE_MS,
      })),
    );
    const check = await usingDatabase(database.url, (db) => checkDeliveries(db, reports, COUNT));
    const elapsedMs = Math.max(...reports.map((report) => report.elapsedMs));
    return {
      database: kind,
      processes,
      content,
      count: COUNT,
      elapsedS: round(elapsedMs / 1000, 2),
      perSecond: round((COUNT * 1000) / elapsedMs),
      readyRss: reports.map((report) => round(report.readyMaxRssMb)),
      peakRss: reports.map((report) => round(report.maxRssMb)),
      shares: reports.map((report) => report.sentKeys.length),
      duplicates: check.duplicates,
      missing: check.missing,
      exactlyOnce: check.exactlyOnce,
      errors: reports.flatMap((report) => report.errors).slice(0, 5),
    };
  } finally {
    await database.remove();
  }
}
