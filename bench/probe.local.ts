import { existsSync } from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { EChartsChartRenderer } from '../src/charts/echarts-chart-renderer.ts';
import { systemClock } from '../src/core/clock.ts';
import { createCore } from '../src/core/core.ts';
import type { Actor } from '../src/core/interaction/request.ts';
import { nodeCronRules } from '../src/scheduler/cron-rules.ts';
import { openDatabase } from '../src/store/database.ts';
import { Housekeeping } from '../src/store/housekeeping.ts';
import { PLATFORM_NAMES, wordsOf } from '../test/support/platform-words.ts';
import { seedSupporters } from '../test/support/seed-supporters.ts';
import { seedCampaignWork } from './support/seed-scale.ts';

const file = '/tmp/probe/s100k.db';
const fresh = !existsSync(file);
const probeAdapter = await new PrismaBetterSqlite3({ url: `file:/tmp/probe/x.db` }).connect();
const proto = Object.getPrototypeOf(Object.getPrototypeOf(probeAdapter));
const log: { sql: string; ms: number }[] = [];
for (const name of ['performIO', 'executeIO']) {
  const original = proto[name];
  proto[name] = function (this: unknown, query: { sql: string }) {
    const start = performance.now();
    const result = original.call(this, query);
    const done = () => log.push({ sql: query.sql, ms: performance.now() - start });
    if (result && typeof result.then === 'function') return result.finally(done);
    done();
    return result;
  };
}
const db = await openDatabase(`file:${file}`);
const ORGANIZER: Actor = { platform: 'telegram', userId: '900', chatId: '900', username: 'org' };
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
  return reply?.blocks.join('\n') ?? '';
};
if (fresh) {
  await say(ORGANIZER, '/start');
  await say(ORGANIZER, '/join agree:on');
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
  await seedSupporters(db, { campaignId: campaign.id, count: 100_000, now, tags });
  await seedCampaignWork(db, {
    campaignId: campaign.id,
    tasks: 2_000,
    events: 500,
    rsvps: 100_000,
    now,
  });
  await new Housekeeping(db, { retentionMs: 30 * 86_400_000 }).runIfDue(now);
}
const identity = await db.client.identity.findFirstOrThrow({
  where: { externalId: { not: '900' } },
  orderBy: { id: 'asc' },
  skip: 5,
});
const volunteer: Actor = {
  platform: 'telegram',
  userId: identity.externalId,
  chatId: identity.externalId,
};
const [firstEvent] = await db.client.event.findMany({ orderBy: { id: 'asc' }, take: 1 });
const e = firstEvent!.id;
const lines = process.argv.slice(2);
for (const raw of lines) {
  const [who, line] = raw.startsWith('v:')
    ? [volunteer, raw.slice(2)]
    : raw.startsWith('f:')
      ? [null, raw.slice(2)]
      : [ORGANIZER, raw];
  const text = line!.replace('$E', String(e + 1));
  for (let i = 0; i < 4; i++) {
    log.length = 0;
    const start = performance.now();
    const actor = who ?? {
      platform: 'telegram' as const,
      userId: String(700_000_000 + i + Math.floor(Math.random() * 1e6)),
    };
    const out = await say(actor, text.replace('$YN', i % 2 ? 'no' : 'yes'));
    const ms = performance.now() - start;
    if (i === 3) {
      console.log(
        `== ${text}: ${ms.toFixed(1)} ms, ${log.length} queries; ${out.slice(0, 80).replace(/\n/g, ' ')}`,
      );
      for (const q of [...log].sort((a, b) => b.ms - a.ms).slice(0, 6))
        console.log(`   ${q.ms.toFixed(1)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 260)}`);
    }
  }
}
await db.close();
