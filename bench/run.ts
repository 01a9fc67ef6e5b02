/**
 * `npm run bench [-- dispatch|telegram|footprint ...]`: runs the delivery and footprint
 * benchmarks (all by default) and prints their figures against the targets. Only 127.0.0.1 is contacted: the SQLite files are
 * temporary, the PostgreSQL database is created and dropped on BENCH_POSTGRES_URL (or
 * TEST_POSTGRES_URL, or the local server), the Bot API is the test fake.
 */
import { canConnect } from '../prisma/engine/database-admin.ts';
import { parseDatasource } from '../prisma/engine/datasource.ts';
import type { DatabaseKind } from '../src/config.ts';
import { benchDispatch } from './dispatch.bench.ts';
import { benchIdleMemory, libraryCosts } from './footprint.bench.ts';
import { BENCH_POSTGRES_URL } from './support/bench-database.ts';
import { benchTelegram } from './telegram.bench.ts';

const DISPATCH_TARGET_PER_SECOND = 1_000;
const TELEGRAM_TARGET_RATIO = 1.15;
const IDLE_RSS_TARGET_MB = 150;

const selected = process.argv.slice(2);
const runs = (name: string) => selected.length === 0 || selected.includes(name);
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

if (runs('dispatch')) {
  const setups: [DatabaseKind, number][] = [['sqlite', 1]];
  const postgres = await postgresUnavailable();
  if (postgres) console.log(`(a) postgresql skipped: ${postgres}`);
  else setups.push(['postgresql', 2]);
  for (const [kind, processes] of setups) {
    // The real renderer first (what production does), then fixed text: the dispatcher alone.
    for (const content of ['core', 'static'] as const) {
      const result = await benchDispatch(kind, processes, content);
      console.log(JSON.stringify(result));
      console.log(
        `(a) ${kind}, ${processes} process(es), ${content} content: ${result.perSecond}/s ` +
          `(${result.count} in ${result.elapsedS} s), peak RSS ${result.peakRss.join(' + ')} MB, ` +
          `exactly once: ${result.exactlyOnce}; ${verdict(result.perSecond >= DISPATCH_TARGET_PER_SECOND)}`,
      );
    }
  }
}

if (runs('telegram')) {
  const result = await benchTelegram();
  console.log(JSON.stringify(result));
  console.log(
    `(b) telegram: ${result.count} in ${result.elapsedS} s (ideal ${result.idealS} s, ` +
      `x${result.ratio}), 429s: ${result.tooManyRequests}, exactly once: ${result.exactlyOnce}; ` +
      verdict(result.ratio <= TELEGRAM_TARGET_RATIO && result.exactlyOnce),
  );
}

if (runs('footprint')) {
  const idle = await benchIdleMemory();
  console.log(JSON.stringify(idle));
  for (const [when, memory] of Object.entries(idle)) {
    console.log(
      `(f) idle ${memory.idleS} s, both bots, SQLite, ${when}: RSS ${memory.rss} MB (anonymous ` +
        `${memory.rssAnon}, files ${memory.rssFile}), V8 heap ${memory.heapUsed} used of ` +
        `${memory.heapTotal} MB, external ${memory.external} MB; ` +
        verdict(memory.rss <= IDLE_RSS_TARGET_MB),
    );
  }
  for (const cost of await libraryCosts()) {
    console.log(`(f) ${cost.library}: +${cost.rss} MB RSS, +${cost.heapUsed} MB heap`);
  }
}

/** Why the PostgreSQL server cannot be used, or undefined when it can. */
async function postgresUnavailable(): Promise<string | undefined> {
  try {
    await canConnect(parseDatasource(BENCH_POSTGRES_URL));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
