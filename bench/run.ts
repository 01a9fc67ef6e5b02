/**
 * `npm run bench [-- dispatch|peers|telegram|delivery|footprint|scale|stats ...]`: runs the
 * delivery, footprint, scale and stats benchmarks (all by default) and prints their figures
 * against the targets. Only 127.0.0.1 is contacted: the SQLite files are
 * temporary, the PostgreSQL database is created and dropped on BENCH_POSTGRES_URL (or
 * TEST_POSTGRES_URL, or the local server), the Bot API is the test fake.
 */
import { canConnect } from '../prisma/engine/database-admin.ts';
import { parseDatasource } from '../prisma/engine/datasource.ts';
import type { DatabaseKind } from '../src/config.ts';
import { benchDelivery } from './delivery.bench.ts';
import { benchDispatch } from './dispatch.bench.ts';
import { benchIdleMemory, libraryCosts } from './footprint.bench.ts';
import { benchPgBoss } from './peers.bench.ts';
import { benchScale } from './scale.bench.ts';
import { benchStats } from './stats.bench.ts';
import { BENCH_POSTGRES_URL } from './support/bench-database.ts';
import { benchTelegram } from './telegram.bench.ts';

const DISPATCH_TARGET_PER_SECOND = 1_000;
const TELEGRAM_TARGET_RATIO = 1.15;
const STATS_QUERY_TARGET_MS = 100;
const STATS_DRAW_TARGET_MS = 300;
const DELIVERY_TARGET_RATIO = 0.95;
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

if (runs('peers')) {
  const postgres = await postgresUnavailable();
  if (postgres) console.log(`(a) peers skipped: ${postgres}`);
  else {
    // Side by side on the same server: the dispatcher (no-op notifier, fixed text), then pg-boss.
    const dispatcher = await benchDispatch('postgresql', 2, 'static');
    console.log(JSON.stringify(dispatcher));
    for (const batchSize of [100, 1_000]) {
      const peer = await benchPgBoss(batchSize);
      console.log(JSON.stringify(peer));
      console.log(
        `(a) peers: dispatcher ${dispatcher.perSecond}/s (2 processes) beside ${peer.peer} ` +
          `${peer.perSecond}/s (2 workers, batches of ${peer.batchSize}); ` +
          verdict(dispatcher.perSecond >= peer.perSecond),
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

if (runs('stats')) {
  const result = await benchStats();
  console.log(JSON.stringify(result));
  const { queryMs, slowestQueryMs, figuresMs, drawMs, memoryMb } = result;
  const slowest = Object.entries(queryMs).find(([, ms]) => ms === slowestQueryMs)?.[0];
  console.log(
    `(c) stats at ${result.supporters} supporters (sqlite): slowest query ${slowestQueryMs} ms ` +
      `(${slowest}), all figures 12w ${figuresMs['12w']} ms; ` +
      verdict(slowestQueryMs < STATS_QUERY_TARGET_MS),
  );
  console.log(
    `(c) drawing: ${drawMs.svgAndPng} ms (SVG alone ${drawMs.svg} ms); ` +
      `${verdict(drawMs.svgAndPng < STATS_DRAW_TARGET_MS)}; RSS ${memoryMb.rssBefore} -> ` +
      `${memoryMb.rssAfter} MB, heap ${memoryMb.heapBefore} -> ${memoryMb.heapAfter} MB ` +
      `over ${memoryMb.drawings} more drawings (RSS every 100: ${memoryMb.rssSteps.join(', ')} MB)`,
  );
}

if (runs('delivery')) {
  const postgres = await postgresUnavailable();
  if (postgres) console.log(`(c) delivery skipped: ${postgres}`);
  else {
    for (const run of await benchDelivery()) {
      console.log(JSON.stringify(run));
      console.log(
        `(c) ${run.name}: ${run.perSecond}/s bot-wide = ${run.ratio} of ${run.limit}/s ` +
          `(${run.requests} requests, ${run.messages} messages in ${run.elapsedS} s, busiest ` +
          `second ${run.busiestSecond}), 429s: ${run.tooManyRequests}, duplicates: ` +
          `${run.duplicates}, not sent: ${run.notSent}; ` +
          verdict(run.ratio >= DELIVERY_TARGET_RATIO && run.duplicates === 0),
      );
    }
  }
}

if (runs('scale')) {
  // SCALE_SQLITE / SCALE_POSTGRES / SCALE_REPS change the sizes (e.g. for a quick look).
  const reps = Number(process.env.SCALE_REPS ?? 50);
  const setups: [DatabaseKind, number][] = [
    ['sqlite', Number(process.env.SCALE_SQLITE ?? 100_000)],
  ];
  // SCALE_POSTGRES=0 runs SQLite only; SCALE_SQLITE=0 runs PostgreSQL only.
  if (setups[0]![1] === 0) setups.pop();
  const postgresSize = Number(process.env.SCALE_POSTGRES ?? 1_000_000);
  const postgres = postgresSize > 0 ? await postgresUnavailable() : 'SCALE_POSTGRES=0';
  if (postgres) console.log(`(c) postgresql skipped: ${postgres}`);
  else setups.push(['postgresql', postgresSize]);
  for (const [kind, supporters] of setups) {
    const result = await benchScale(kind, { supporters, reps });
    console.log(JSON.stringify(result));
    for (const timing of result.timings.filter((t) => t.goal !== null)) {
      console.log(
        `(c) ${kind} ${timing.line}: p99 ${timing.p99} ms; ${verdict(timing.p99 <= timing.goal!)}`,
      );
    }
    const { broadcast, exported } = result;
    console.log(
      `(c) ${kind} /export supporters: ${exported.rows} rows in ${exported.seconds} s = ` +
        `${exported.rowsPerS} rows/s (${verdict(exported.rowsPerS >= 50_000)}), RSS ` +
        `${exported.rssBeforeMb} -> peak ${exported.rssPeakMb} MB`,
    );
    console.log(
      `(c) ${kind} broadcast to ${broadcast.recipients}: reply ${broadcast.replyMs} ms ` +
        `(${verdict(broadcast.replyMs <= 1_000)}), fan-out ${broadcast.rowsPerS} rows/s ` +
        `(${verdict(broadcast.rowsPerS >= 50_000)}), RSS peak ${broadcast.rssPeakMb} MB, ` +
        `commands RSS ${result.rssBeforeMb} -> ${result.rssAfterMb} MB`,
    );
    for (const [name, plan] of Object.entries(result.plans))
      console.log(`(c) ${kind} plan, ${name}:\n${plan}`);
  }
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
