/**
 * (c) `/stats` at scale: 100,000 registered supporters on SQLite, seeded by SQL, with 30,000
 * tasks done, 40 events held with 24,000 yes answers and 10 events coming. Times each aggregate
 * query behind `/stats` and the weekly report (median of repeated runs), the whole set of figures
 * of each window, and the drawing (SVG and PNG); then draws 200 more pictures and reports how
 * the process's memory moved.
 */
import Database from 'better-sqlite3';
import { EChartsChartRenderer } from '../src/charts/echarts-chart-renderer.ts';
import type { Campaign } from '../src/core/campaigns/campaign.types.ts';
import type { Store } from '../src/core/ports.ts';
import { periodBuckets } from '../src/core/reports/periods.ts';
import { chartFigures, statsChart } from '../src/core/reports/stats-chart.ts';
import { createBenchDatabase, usingDatabase } from './support/bench-database.ts';

const SUPPORTERS = 100_000;
const DONE = 30_000;
const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-30T09:00:00Z');
const RUNS = 15;
const DRAWINGS = 600;
const DRAWING_BLOCK = 100;

/** Prisma's SQLite text form of an instant. */
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

/** Deterministic spread over the last year, denser lately. */
const ago = (i: number, n: number) => Math.floor(365 * DAY_MS * (1 - Math.sqrt((i + 0.5) / n)));

function seed(file: string, campaignId: number): void {
  const sql = new Database(file);
  const now = NOW.getTime();
  sql.transaction(() => {
    const supporter = sql.prepare(
      `INSERT INTO Supporter (campaignId, displayName, status, consentAt, lastActiveAt, updatedAt)
       VALUES (?, ?, 'active', ?, ?, ?)`,
    );
    for (let i = 0; i < SUPPORTERS; i++) {
      const joined = now - ago(i, SUPPORTERS);
      const seen = joined + ((i * 7919) % 97) * ((now - joined) / 97);
      supporter.run(campaignId, `Supporter ${i}`, iso(joined), iso(seen), iso(now));
    }
    const task = sql.prepare(
      `INSERT INTO Task (campaignId, title, slots, filled, status) VALUES (?, ?, 1000, 600, 'open')`,
    );
    const assignment = sql.prepare(
      `INSERT INTO Assignment (campaignId, taskId, supporterId, status, claimedAt, doneAt)
       VALUES (?, ?, ?, 'done', ?, ?)`,
    );
    for (let t = 0; t < 50; t++) {
      const taskId = Number(task.run(campaignId, `Task ${t}`).lastInsertRowid);
      for (let j = 0; j < DONE / 50; j++) {
        const at = iso(now - ago(t * 600 + j, DONE));
        assignment.run(campaignId, taskId, 1 + ((t * 600 + j) % SUPPORTERS), at, at);
      }
    }
    const event = sql.prepare(
      `INSERT INTO Event (campaignId, title, startsAt, endsAt, timezone, capacity, yesCount, updatedAt)
       VALUES (?, ?, ?, ?, 'Europe/Paris', 800, ?, ?)`,
    );
    const rsvp = sql.prepare(
      `INSERT INTO Rsvp (campaignId, eventId, supporterId, answer, attendance, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (let e = 0; e < 50; e++) {
      const starts = e < 40 ? now - (e + 1) * 7 * DAY_MS : now + (e - 39) * DAY_MS;
      const eventId = Number(
        event.run(campaignId, `Event ${e}`, iso(starts), iso(starts + 7_200_000), 600, iso(now))
          .lastInsertRowid,
      );
      for (let k = 0; k < 600; k++) {
        const attendance = e < 40 ? (k % 5 === 0 ? 'no_show' : 'attended') : null;
        rsvp.run(
          campaignId,
          eventId,
          1 + ((e * 600 + k) % SUPPORTERS),
          'yes',
          attendance,
          iso(now),
        );
      }
    }
  })();
  sql.pragma('optimize');
  sql.close();
}

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

async function queries(store: Store, campaign: Campaign): Promise<Record<string, number>> {
  const id = campaign.id;
  const weeks = periodBuckets('12w', 'growth', NOW, campaign.timezone, 'en');
  const days = periodBuckets('30d', 'growth', NOW, campaign.timezone, 'en');
  const month = new Date(NOW.getTime() - 30 * DAY_MS);
  const events = (await store.events.listUpcoming(id, NOW)).map((e) => e.id);
  return {
    counts: await median(() => store.stats.counts(id, month)),
    registeredBefore: await median(() => store.stats.registeredBefore(id, weeks[0]!.start)),
    registrations12w: await median(() => store.stats.registrations(id, weeks)),
    registrations30d: await median(() => store.stats.registrations(id, days)),
    tasksDone12w: await median(() => store.stats.tasksDone(id, weeks)),
    attendance8w: await median(() => store.stats.attendance(id, weeks.slice(4))),
    eventsHeldWeek: await median(() => store.stats.eventsHeld(id, weeks.at(-2)!)),
    eventAnswers: await median(() => store.stats.eventAnswers(id, events)),
    silentCount: await median(() => store.stats.silent(id, month, 0)),
    silentList25: await median(() => store.stats.silent(id, month, 25)),
  };
}

/** Runs the benchmark and returns its figures. */
export async function benchStats() {
  const database = await createBenchDatabase('sqlite');
  try {
    const campaign = await usingDatabase(database.url, (db) =>
      db.store.campaigns.create({
        name: 'Scale',
        timezone: 'Europe/Paris',
        locale: 'fr',
        inviteCode: 'SCALE100K',
      }),
    );
    const seedStart = performance.now();
    seed(database.url.slice('file:'.length), campaign.id);
    const seededS = Math.round(performance.now() - seedStart) / 1000;
    return await usingDatabase(database.url, async (db) => {
      const perQuery = await queries(db.store, campaign);
      const figures: Record<string, number> = {};
      for (const period of ['30d', '12w', '1y'] as const) {
        figures[period] = await median(() => chartFigures(db.store, campaign, period, NOW, 'fr'));
      }
      const chart = statsChart(
        await chartFigures(db.store, campaign, '12w', NOW, 'fr'),
        campaign,
        '12w',
        'fr',
      );
      const renderer = new EChartsChartRenderer();
      for (let i = 0; i < 5; i++) await renderer.png(chart);
      const svgMs = await median(async () => renderer.svg(chart));
      const pngMs = await median(() => renderer.png(chart));
      const mb = (bytes: number) => Math.round(bytes / 1_048_576);
      // With `--expose-gc` (as `npm run bench` runs), each reading follows a full collection, so
      // it shows what is retained rather than garbage not yet collected.
      const settled = () => {
        (globalThis as { gc?: () => void }).gc?.();
        return process.memoryUsage();
      };
      const before = settled();
      // RSS after each block of drawings: it may rise to a plateau (the allocator keeps pages it
      // reuses), but it must not keep growing with every drawing.
      const rssSteps: number[] = [];
      for (let i = 1; i <= DRAWINGS; i++) {
        await renderer.png(chart);
        if (i % DRAWING_BLOCK === 0) rssSteps.push(mb(settled().rss));
      }
      const after = settled();
      return {
        supporters: SUPPORTERS,
        seededS,
        queryMs: perQuery,
        slowestQueryMs: Math.max(...Object.values(perQuery)),
        figuresMs: figures,
        drawMs: { svg: svgMs, svgAndPng: pngMs },
        memoryMb: {
          drawings: DRAWINGS,
          rssBefore: mb(before.rss),
          rssAfter: mb(after.rss),
          rssSteps,
          heapBefore: mb(before.heapUsed),
          heapAfter: mb(after.heapUsed),
        },
      };
    });
  } finally {
    await database.remove();
  }
}
