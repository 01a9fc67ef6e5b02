import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { EChartsChartRenderer } from '../../src/charts/echarts-chart-renderer.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { type Core, createCore } from '../../src/core/core.ts';
import type { Actor } from '../../src/core/interaction/request.ts';
import { nodeCronRules } from '../../src/scheduler/cron-rules.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { NOW, telegramUser } from '../support/core-harness.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
  tempSqliteUrl,
} from '../support/databases.ts';
import { PLATFORM_NAMES, wordsOf } from '../support/platform-words.ts';

reportPostgresSkip('erasure on PostgreSQL');

const zoe: Actor = { ...telegramUser('7364019285', 'zoe_forgetme'), displayName: 'Zoé Oublie' };
const xavier: Actor = { ...telegramUser('5550001', 'xavier_gone'), displayName: 'Xavier Effacé' };
const bea: Actor = { ...telegramUser('5550002', 'bea_stays'), displayName: 'Béatrice Reste' };

/** What Zoé and Xavier typed or were known by; none of it may survive their erasure. */
const ERASED = [
  'Zoé Oublie',
  'zoe_forgetme',
  '7364019285',
  'Pacific/Chatham',
  '21:17-07:43',
  'knitting-circle-7q',
  'Porch of the blue house',
  'Xavier Effacé',
  'xavier_gone',
  'origami-club-3z',
];

async function openCore(url: string): Promise<{ db: Database; core: Core }> {
  const db = await openDatabase(url);
  const core = createCore(
    {
      store: db.store,
      clock: fixedClock(NOW),
      settings: {
        defaults: { name: 'Test campaign', timezone: 'Europe/Paris', locale: 'en' },
        admins: [{ platform: 'telegram', userId: bea.userId }],
        commandsPerMinute: 1_000,
        policyVersion: '1',
        platformNames: PLATFORM_NAMES,
      },
      cron: nodeCronRules,
      charts: new EChartsChartRenderer(),
    },
    { error: () => undefined },
  );
  return { db, core };
}

/** Two people build up a history, then both erase themselves; a third stays. */
async function liveAndErase(core: Core): Promise<void> {
  const say = async (actor: Actor, line: string) => {
    const reply = await core.text.handle(line, { actor, words: wordsOf(actor.platform) });
    return reply?.blocks.join('\n') ?? '';
  };
  await core.services.campaigns.ensureDefault();
  for (const actor of [zoe, xavier, bea]) {
    await say(actor, '/start');
    await say(actor, '/join agree:on');
  }
  await say(
    zoe,
    '/profile set skills:knitting-circle-7q timezone:Pacific/Chatham quiet_hours:21:17-07:43',
  );
  await say(xavier, '/profile set skills:origami-club-3z');
  await say(bea, '/profile set skills:knitting-circle-9b');
  const created = await say(bea, '/task create title:"Flyers at the market" slots:3 notify:off');
  const task = /#(\d+)/.exec(created)?.[1];
  expect(await say(zoe, `/task claim ${task}`)).toContain('is yours');
  expect(await say(zoe, `/task done ${task} Porch of the blue house`)).toContain(`#${task}`);
  expect(await say(xavier, '/forgetme confirm:on')).toContain('has been erased');
  expect(await say(zoe, '/forgetme confirm:on')).toContain('has been erased');
}

/** The secrets found in the raw bytes of the SQLite file and whatever journal it left. */
function secretsInFile(path: string, secrets: string[]): string[] {
  const files = [path, `${path}-wal`, `${path}-journal`].filter((file) => existsSync(file));
  const bytes = Buffer.concat(files.map((file) => readFileSync(file)));
  return secrets.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8')));
}

describe('erasure on SQLite leaves nothing in the database file', () => {
  const file = tempSqliteUrl();
  afterAll(() => file.cleanup());

  it('keeps no name, zone, quiet hours, skill, note or username in any byte after a clean stop', async () => {
    const { db, core } = await openCore(file.url);
    await liveAndErase(core);
    await db.close();
    const path = file.url.replace(/^file:/, '');
    expect(secretsInFile(path, ERASED)).toEqual([]);
    // The scan does find what was not erased.
    expect(secretsInFile(path, ['Béatrice Reste', 'bea_stays', 'knitting-circle-9b'])).toEqual([
      'Béatrice Reste',
      'bea_stays',
      'knitting-circle-9b',
    ]);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('erasure on PostgreSQL', () => {
  it('vacuums the tables that held the erased rows', async () => {
    const database = await createPostgresDatabase('organizer_erasure');
    try {
      const { db, core } = await openCore(database.url);
      try {
        await liveAndErase(core);
        const vacuumed = await db.client.$queryRawUnsafe<{ relname: string }[]>(
          'SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL ORDER BY relname',
        );
        expect(vacuumed.map((row) => row.relname)).toEqual(
          expect.arrayContaining(['Assignment', 'Identity', 'Supporter', 'SupporterTag', 'Tag']),
        );
        const tags = await db.client.tag.findMany({ select: { name: true } });
        expect(tags.map((tag) => tag.name)).toEqual(['knitting-circle-9b']);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});
