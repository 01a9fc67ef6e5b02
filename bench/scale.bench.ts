/**
 * `scale`: a large campaign seeded by SQL (supporters with tags, tasks, events, RSVPs), then every
 * command of the catalogue timed through the real command path (p50/p99 of `reps` runs), RSS
 * before and after, one broadcast to everyone (reply time, fan-out rows/s, RSS peak) and the
 * plans of the hot-path queries. Fails nothing: prints figures against the goals.
 */

import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { saveFile } from '../src/bots/console/console-render.ts';
import { EChartsChartRenderer } from '../src/charts/echarts-chart-renderer.ts';
import type { DatabaseKind } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { createCore } from '../src/core/core.ts';
import type { Actor } from '../src/core/interaction/request.ts';
import { Prisma } from '../src/generated/sqlite/client.ts';
import { nodeCronRules } from '../src/scheduler/cron-rules.ts';
import { openDatabase } from '../src/store/database.ts';
import { Housekeeping } from '../src/store/housekeeping.ts';
import { availableTasksSql } from '../src/store/prisma-available-tasks.ts';
import { PLATFORM_NAMES, wordsOf } from '../test/support/platform-words.ts';
import { seedSupporters } from '../test/support/seed-supporters.ts';
import { createBenchDatabase } from './support/bench-database.ts';
import { seedCampaignWork } from './support/seed-scale.ts';

export interface ScaleOptions {
  supporters: number;
  reps: number;
}

/** One command's timings in milliseconds. */
export interface CommandTiming {
  line: string;
  /** The first run, untimed among the others: the query shapes compiled, the caches cold. */
  cold: number;
  p50: number;
  p99: number;
  goal: number | null;
}

export interface ScaleResult {
  kind: DatabaseKind;
  supporters: number;
  seedS: number;
  timings: CommandTiming[];
  rssBeforeMb: number;
  rssAfterMb: number;
  /** `/export supporters` written to a file as the console does. */
  exported: {
    rows: number;
    seconds: number;
    rowsPerS: number;
    rssBeforeMb: number;
    rssPeakMb: number;
  };
  broadcast: {
    recipients: number;
    replyMs: number;
    rowsPerS: number;
    rssPeakMb: number;
    rssAfterMb: number;
  };
  plans: Record<string, string>;
}

const MB = 1024 * 1024;
const DAY_MS = 86_400_000;
const ORGANIZER: Actor = { platform: 'telegram', userId: '900', chatId: '900', username: 'org' };
/** Goals of the issue, p99 in ms. */
const GOALS: Record<string, number> = {
  '/supporters search:someone': 50,
  '/forgetme confirm:on': 100,
  '/tasks': 20,
  '/stats chart:off': 20,
  '/leaderboard': 20,
  '/event rsvp': 20,
};

export async function benchScale(kind: DatabaseKind, options: ScaleOptions): Promise<ScaleResult> {
  const bench = await createBenchDatabase(kind);
  const db = await openDatabase(bench.url);
  try {
    const core = createCore(
      {
        store: db.store,
        clock: systemClock,
        settings: {
          defaults: { name: 'Scale', timezone: 'Europe/Paris', locale: 'en' },
          admins: [{ platform: 'telegram', userId: '900' }],
          commandsPerMinute: 1_000_000,
          policyVersion: 'bench',
          platformNames: PLATFORM_NAMES,
        },
        cron: nodeCronRules,
        charts: new EChartsChartRenderer(),
        workerId: 'bench',
      },
      { error: (details) => console.error('command failed', details) },
    );
    const campaign = await core.services.campaigns.ensureDefault();
    const say = async (actor: Actor, line: string) => {
      const reply = await core.text.handle(line, { actor, words: wordsOf(actor.platform) });
      const text = reply?.blocks.join('\n') ?? '';
      if (/something went wrong/i.test(text)) throw new Error(`${line}: ${text}`);
      return text;
    };
    await say(ORGANIZER, '/start');
    await say(ORGANIZER, '/join agree:on');
    await say(ORGANIZER, '/setup leaderboard:on');

    const seedStart = performance.now();
    const now = new Date();
    const tags = [
      'north',
      'south',
      'east',
      'west',
      'canvass',
      'phone',
      'drivers',
      'food',
      'web',
      'art',
    ];
    await seedSupporters(db, { campaignId: campaign.id, count: options.supporters, now, tags });
    await seedCampaignWork(db, {
      campaignId: campaign.id,
      tasks: 2_000,
      events: 500,
      rsvps: 100_000,
      now,
    });
    // What autovacuum does in production: statistics, and the visibility map index-only scans need.
    if (kind === 'postgresql') await db.client.$executeRawUnsafe('VACUUM ANALYZE');
    else await new Housekeeping(db, { retentionMs: 30 * 86_400_000 }).runIfDue(now);
    const seedS = (performance.now() - seedStart) / 1000;

    const [firstEvent] = await db.client.event.findMany({ orderBy: { id: 'asc' }, take: 1 });
    const [firstTask] = await db.client.task.findMany({ orderBy: { id: 'asc' }, take: 1 });
    const [someone] = await db.client.supporter.findMany({
      where: {
        campaignId: campaign.id,
        identities: { some: { platform: 'telegram', NOT: { externalId: '900' } } },
      },
      orderBy: { id: 'asc' },
      skip: 5,
      take: 1,
    });
    const identity = await db.client.identity.findFirstOrThrow({
      where: { supporterId: someone!.id },
    });
    const volunteer: Actor = {
      platform: 'telegram',
      userId: identity.externalId,
      chatId: identity.externalId,
    };
    const e = firstEvent!.id;
    const t = firstTask!.id;

    global.gc?.();
    const rssBeforeMb = process.memoryUsage().rss / MB;
    const timings: CommandTiming[] = [];
    const time = async (
      line: string,
      run: (i: number) => Promise<unknown>,
      reps = options.reps,
    ) => {
      // A running server has already compiled its query shapes: the first run is shown apart.
      const coldStart = performance.now();
      await run(reps);
      const cold = performance.now() - coldStart;
      const samples: number[] = [];
      for (let i = 0; i < reps; i++) {
        const start = performance.now();
        await run(i);
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      const pick = (q: number) =>
        samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
      const timing = {
        line,
        cold: round(cold),
        p50: round(pick(0.5)),
        p99: round(pick(0.99)),
        goal: GOALS[line] ?? null,
      };
      timings.push(timing);
      console.log(
        `  ${kind} ${line}: cold ${timing.cold} ms, p50 ${timing.p50} ms, p99 ${timing.p99} ms${timing.goal ? ` (goal p99 <= ${timing.goal} ms)` : ''}`,
      );
    };
    const volunteerLines = [
      '/help',
      '/profile',
      '/tasks',
      '/task next',
      '/mytasks',
      '/events',
      '/myevents',
      `/event ics ${e}`,
      '/leaderboard',
      '/mydata',
    ];
    for (const line of volunteerLines) await time(line, () => say(volunteer, line));
    await time('/event rsvp', (i) =>
      say(volunteer, `/event rsvp ${e + 1} ${i % 2 ? 'no' : 'yes'}`),
    );
    await time('/task claim + /task drop', async () => {
      await say(volunteer, `/task claim ${t}`);
      await say(volunteer, `/task drop ${t}`);
    });
    const organizerLines = [
      '/stats chart:off',
      '/stats',
      '/supporters',
      '/supporters north',
      '/supporters search:someone',
      '/supporters search:user4242',
      '/task list',
      `/event attendees ${e}`,
      '/export events',
    ];
    for (const line of organizerLines) await time(line, () => say(ORGANIZER, line));
    await time('/tag add', (i) => say(ORGANIZER, `/tag add @user${100 + i} bench`));
    const exported = await exportToFile(core);
    await time('/forgetme confirm:on', (i) =>
      say(
        { platform: 'telegram', userId: String(800_000_000 + someone!.id + 10 + i) },
        '/forgetme confirm:on',
      ),
    );
    global.gc?.();
    const rssAfterMb = process.memoryUsage().rss / MB;

    const broadcast = await broadcastToAll(core, say);
    const plans = await explainHotPaths(db, campaign.id, kind);
    return {
      kind,
      supporters: options.supporters,
      seedS: round(seedS),
      timings,
      rssBeforeMb: round(rssBeforeMb),
      rssAfterMb: round(rssAfterMb),
      exported,
      broadcast,
      plans,
    };
  } finally {
    await db.close();
    await bench.remove();
  }
}

/** `/export supporters` through the command path, written to a file: rows/s and the RSS peak. */
async function exportToFile(core: ReturnType<typeof createCore>) {
  const dir = await mkdtemp(join(tmpdir(), 'scale-export-'));
  try {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    const reply = await core.text.handle('/export supporters', {
      actor: ORGANIZER,
      words: wordsOf(ORGANIZER.platform),
    });
    const path = await saveFile(reply!.files![0]!, dir);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    let rows = -1; // the header
    for await (const _ of createInterface({ input: createReadStream(path) })) rows++;
    const exported = {
      rows,
      seconds: round(seconds),
      rowsPerS: Math.round(rows / seconds),
      rssBeforeMb: round(rssBefore / MB),
      rssPeakMb: round(peak / MB),
    };
    console.log(`  export supporters: ${JSON.stringify(exported)}`);
    return exported;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function broadcastToAll(
  core: ReturnType<typeof createCore>,
  say: (actor: Actor, line: string) => Promise<string>,
) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const reply = await say(ORGANIZER, '/broadcast message:"Canvassing tomorrow at 10:00"');
  const replyMs = performance.now() - start;
  await core.deps.fanOuts.idle();
  const fanOutS = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const recipients = Number(/(\d+) recipients/.exec(reply)?.[1] ?? 0);
  global.gc?.();
  return {
    recipients,
    replyMs: round(replyMs),
    rowsPerS: Math.round(recipients / fanOutS),
    rssPeakMb: round(peak / MB),
    rssAfterMb: round(process.memoryUsage().rss / MB),
  };
}

/** The plans of the queries behind the hot paths, as the database chooses them at this size. */
async function explainHotPaths(
  db: Awaited<ReturnType<typeof openDatabase>>,
  campaignId: number,
  kind: DatabaseKind,
) {
  const explain = kind === 'postgresql' ? Prisma.sql`EXPLAIN` : Prisma.sql`EXPLAIN QUERY PLAN`;
  const at = (value: Date) =>
    kind === 'postgresql' ? Prisma.sql`CAST(${value} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
  const since = new Date(Date.now() - 30 * DAY_MS);
  const boundary = Math.floor(since.getTime() / DAY_MS);
  const tasks = availableTasksSql(db.client, campaignId, 42, new Date(), 10);
  const queries: Record<string, Prisma.Sql> = {
    'audience count (broadcast all: kept by triggers)': Prisma.sql`SELECT "reachable" FROM "SupporterCount" WHERE "campaignId" = ${campaignId}`,
    'active in 30 days (/stats): kept days after the boundary day': Prisma.sql`SELECT SUM("supporters") FROM "SupporterActivity" WHERE "campaignId" = ${campaignId} AND "day" > ${boundary}`,
    'active in 30 days (/stats): inside the boundary day': Prisma.sql`SELECT COUNT(*) FROM "Supporter" WHERE "campaignId" = ${campaignId} AND "status" IN ('active', 'paused', 'unreachable') AND "lastActiveAt" >= ${at(since)} AND "lastActiveAt" < ${at(new Date((boundary + 1) * DAY_MS))}`,
    'registrations before a day (/stats picture): kept days': Prisma.sql`SELECT SUM("supporters") FROM "SupporterRegistration" WHERE "campaignId" = ${campaignId} AND "day" < ${boundary}`,
    'registrations (/stats picture): inside a boundary day': Prisma.sql`SELECT COUNT(*) FROM "Supporter" WHERE "campaignId" = ${campaignId} AND "consentAt" >= ${at(new Date(boundary * DAY_MS))} AND "consentAt" < ${at(since)}`,
    'registered (/stats, /supporters, /export)': Prisma.sql`SELECT "registered" FROM "SupporterCount" WHERE "campaignId" = ${campaignId}`,
    'fan-out chunk bound (broadcast tag)': Prisma.sql`SELECT MAX(sid) FROM (SELECT st."supporterId" AS sid FROM "SupporterTag" st JOIN "Supporter" s ON s."id" = st."supporterId" WHERE s."campaignId" = ${campaignId} AND st."tagId" = 3 AND st."supporterId" > 5000 ORDER BY st."supporterId" LIMIT 2000) AS chunk`,
    'supporters page (/supporters)': Prisma.sql`SELECT s."id" FROM "Supporter" s WHERE s."campaignId" = ${campaignId} AND s."status" IN ('active', 'paused', 'unreachable') AND s."consentAt" IS NOT NULL AND s."id" > 0 ORDER BY s."id" LIMIT 25`,
    'search (/supporters search:)':
      kind === 'postgresql'
        ? Prisma.sql`SELECT s."id" FROM "Supporter" s WHERE s."campaignId" = ${campaignId} AND s."id" IN (SELECT n."id" FROM "Supporter" n WHERE n."displayName" ILIKE '%someone%' UNION SELECT i."supporterId" FROM "Identity" i WHERE i."username" ILIKE '%someone%') ORDER BY s."id" LIMIT 25`
        : Prisma.sql`SELECT s."id" FROM "Supporter" s WHERE s."campaignId" = ${campaignId} AND s."id" IN (SELECT rowid FROM "SupporterNameSearch" WHERE "displayName" LIKE '%someone%' UNION SELECT i."supporterId" FROM "Identity" i WHERE i."id" IN (SELECT rowid FROM "IdentityUsernameSearch" WHERE "username" LIKE '%someone%')) ORDER BY s."id" LIMIT 25`,
    'erasure (/forgetme: pending rows of one recipient)': Prisma.sql`UPDATE "Notification" SET "status" = 'skipped' WHERE "campaignId" = ${campaignId} AND "status" = 'pending' AND "recipientId" = 42`,
    'broadcast progress (/broadcast status)': Prisma.sql`SELECT "status", COUNT(*) FROM "Notification" WHERE "broadcastId" = 1 AND "campaignId" = ${campaignId} AND "kind" = 'broadcast' GROUP BY "status"`,
    'find by account (every command)': Prisma.sql`SELECT "supporterId" FROM "Identity" WHERE "campaignId" = ${campaignId} AND "platform" = 'telegram' AND "externalId" = '4242' LIMIT 1`,
    'find by username (/tag add @someone)': Prisma.sql`SELECT "supporterId" FROM "Identity" WHERE "campaignId" = ${campaignId} AND "platform" = 'telegram' AND "username" = 'user4242' ORDER BY "id" LIMIT 1`,
    'leaderboard (/leaderboard)': Prisma.sql`SELECT s."id" FROM "Supporter" s WHERE s."campaignId" = ${campaignId} AND s."consentAt" IS NOT NULL AND s."status" <> 'erased' AND s."points" > 0 ORDER BY s."points" DESC, s."id" LIMIT 10`,
    'tasks one can take (/tasks): the page': tasks.page,
    'tasks one can take (/tasks): how many': tasks.count,
    'answer (/event rsvp)': Prisma.sql`SELECT "id" FROM "Rsvp" WHERE "eventId" = 2 AND "supporterId" = 42`,
    'export page (/export supporters)': Prisma.sql`SELECT s."id", s."displayName", s."points", s."status", s."consentAt" FROM "Supporter" s ${kind === 'postgresql' ? Prisma.empty : Prisma.sql`NOT INDEXED`} WHERE s."campaignId" = ${campaignId} AND s."status" IN ('active', 'paused', 'unreachable') AND s."consentAt" IS NOT NULL AND s."id" > 50000 ORDER BY s."id" LIMIT 2000`,
    'export page: tags and usernames of the id range': Prisma.sql`SELECT i."supporterId", i."platform", i."username" FROM "Identity" i WHERE i."supporterId" BETWEEN 50001 AND 52000 AND i."campaignId" = ${campaignId} AND i."username" IS NOT NULL ORDER BY i."supporterId", i."id"`,
    'reminders of a moved event: skip a chunk': Prisma.sql`UPDATE "Notification" SET "status" = 'skipped' WHERE "recipientId" > 2000 AND "recipientId" <= 4000 AND "eventId" = 2 AND "kind" = 'event_reminder' AND "status" = 'pending'`,
    'dispatcher claim, one set of platforms (Telegram only: 5 such walks)': Prisma.sql`SELECT "id", "dueAt" FROM "Notification" WHERE "status" = 'pending' AND "platforms" = 'telegram' AND "dueAt" <= ${new Date()} AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${new Date()} OR "claimedBy" = 'w') ORDER BY "dueAt", "id" LIMIT 100`,
    'prune (housekeeping)': Prisma.sql`DELETE FROM "Notification" WHERE "id" IN (SELECT "id" FROM "Notification" WHERE "status" IN ('sent', 'skipped') AND "updatedAt" < '2020-01-01' LIMIT 5000)`,
  };
  const plans: Record<string, string> = {};
  for (const [name, query] of Object.entries(queries)) {
    const rows = await db.client.$queryRaw<Record<string, unknown>[]>(
      Prisma.sql`${explain} ${query}`,
    );
    plans[name] = rows
      .map((row) => String(row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)))
      .join('\n');
  }
  return plans;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
