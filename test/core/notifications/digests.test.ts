import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EChartsChartRenderer } from '../../../src/charts/echarts-chart-renderer.ts';
import type { Campaign } from '../../../src/core/campaigns/campaign.types.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import type { CoreDeps } from '../../../src/core/deps.ts';
import { digestSchedule } from '../../../src/core/notifications/digests.ts';
import { FanOuts } from '../../../src/core/notifications/fan-out.ts';
import { ScheduledMessagePlanner } from '../../../src/core/notifications/scheduled-messages.ts';
import type { Supporter } from '../../../src/core/supporters/supporter.types.ts';
import { nodeCronRules } from '../../../src/scheduler/cron-rules.ts';
import { type Database, openDatabase } from '../../../src/store/database.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
  tempSqliteUrl,
} from '../../support/databases.ts';

const MINUTE = 60_000;
const CONSENT = new Date('2026-01-01T00:00:00Z');
let counter = 0;

/** Digest planning against one real database, with a fixed clock and calls stepping through time. */
function plannerSuite(open: () => Promise<{ db: Database; cleanup(): Promise<void> }>) {
  let db: Database;
  let cleanup: () => Promise<void>;
  let deps: CoreDeps;

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    const clock = fixedClock(CONSENT);
    deps = {
      store: db.store,
      clock,
      settings: {
        defaults: { name: 'Digests', timezone: 'UTC', locale: 'en' },
        admins: [],
        commandsPerMinute: 1_000,
        policyVersion: '1',
        platformNames: {},
      },
      cron: nodeCronRules,
      charts: new EChartsChartRenderer(),
      fanOuts: new FanOuts({
        store: db.store,
        clock,
        log: { error: () => undefined },
        workerId: 'test',
      }),
    };
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  /**
   * A campaign with a digest and one supporter who will get it. Earlier tests' campaigns lose
   * their digest, so each planner only checks the campaign under test.
   */
  async function campaignWithDigest(timezone: string, digestCron: string) {
    for (const earlier of await db.store.campaigns.listWithDigest()) {
      await db.store.campaigns.update(earlier.id, { digestCron: null });
    }
    counter += 1;
    const campaign = await db.store.campaigns.create({
      name: `Digest ${counter}`,
      timezone,
      locale: 'en',
      inviteCode: `DIGEST${counter}`,
    });
    await db.store.campaigns.update(campaign.id, { digestCron });
    const reader = await person(campaign, {});
    return { campaign, reader };
  }

  async function person(campaign: Campaign, patch: Partial<Supporter>): Promise<Supporter> {
    counter += 1;
    const created = await db.store.supporters.createWithIdentity(campaign.id, {
      platform: 'telegram',
      externalId: String(counter),
    });
    return db.store.supporters.update(campaign.id, created.id, { consentAt: CONSENT, ...patch });
  }

  /** Calls the planner every `step` minutes from `from` to `to` (both included). */
  async function walk(planner: ScheduledMessagePlanner, from: string, to: string, step = 60) {
    for (let at = Date.parse(from); at <= Date.parse(to); at += step * MINUTE) {
      await planner.enqueueDue(new Date(at));
    }
  }

  /** The instants digests of the campaign were queued for, in order. */
  async function queuedAt(campaign: Campaign): Promise<string[]> {
    const rows = await db.store.notifications.list(campaign.id, {});
    const digests = rows.filter((row) => row.kind === 'digest');
    return [...new Set(digests.map((row) => row.dueAt.toISOString()))];
  }

  it.each([
    {
      rule: 'a weekly Monday 09:00 digest in Paris across the spring change',
      zone: 'Europe/Paris',
      cron: '0 9 * * 1',
      from: '2026-03-22T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
      expected: ['2026-03-23T08:00', '2026-03-30T07:00'],
    },
    {
      rule: 'a weekly Monday 09:00 digest in Paris across the autumn change',
      zone: 'Europe/Paris',
      cron: '0 9 * * 1',
      from: '2026-10-18T00:00:00Z',
      to: '2026-10-28T00:00:00Z',
      expected: ['2026-10-19T07:00', '2026-10-26T08:00'],
    },
    {
      rule: 'a daily 08:30 digest in Paris across the spring change',
      zone: 'Europe/Paris',
      cron: '30 8 * * *',
      from: '2026-03-27T00:00:00Z',
      to: '2026-03-31T00:00:00Z',
      expected: ['2026-03-27T07:30', '2026-03-28T07:30', '2026-03-29T06:30', '2026-03-30T06:30'],
    },
    {
      rule: 'a daily 08:30 digest in Paris across the autumn change',
      zone: 'Europe/Paris',
      cron: '30 8 * * *',
      from: '2026-10-23T00:00:00Z',
      to: '2026-10-27T00:00:00Z',
      expected: ['2026-10-23T06:30', '2026-10-24T06:30', '2026-10-25T07:30', '2026-10-26T07:30'],
    },
    {
      rule: 'a daily 08:30 digest in Sydney when its summer time ends (5 April)',
      zone: 'Australia/Sydney',
      cron: '30 8 * * *',
      from: '2026-04-02T00:00:00Z',
      to: '2026-04-06T00:00:00Z',
      expected: ['2026-04-02T21:30', '2026-04-03T21:30', '2026-04-04T22:30', '2026-04-05T22:30'],
    },
    {
      rule: 'a daily 08:30 digest in Sydney when its summer time starts (4 October)',
      zone: 'Australia/Sydney',
      cron: '30 8 * * *',
      from: '2026-10-01T12:00:00Z',
      to: '2026-10-05T12:00:00Z',
      expected: ['2026-10-01T22:30', '2026-10-02T22:30', '2026-10-03T21:30', '2026-10-04T21:30'],
    },
    {
      // 02:30 does not exist in Paris on 29 March (02:00 jumps to 03:00): no digest that day.
      rule: 'a daily 02:30 digest in Paris, skipped on the day that time does not exist',
      zone: 'Europe/Paris',
      cron: '30 2 * * *',
      from: '2026-03-28T00:00:00Z',
      to: '2026-03-31T00:00:00Z',
      expected: ['2026-03-28T01:30', '2026-03-30T00:30'],
    },
    {
      // 02:30 happens twice in Paris on 25 October: the local-time key keeps the first only.
      rule: 'a daily 02:30 digest in Paris, sent once on the day that time happens twice',
      zone: 'Europe/Paris',
      cron: '30 2 * * *',
      from: '2026-10-24T00:00:00Z',
      to: '2026-10-27T00:00:00Z',
      expected: ['2026-10-24T00:30', '2026-10-25T00:30', '2026-10-26T01:30'],
    },
  ])('keeps $rule on local wall-clock time', async ({ zone, cron, from, to, expected }) => {
    const { campaign } = await campaignWithDigest(zone, cron);
    await walk(new ScheduledMessagePlanner(deps, [digestSchedule]), from, to);
    expect(await queuedAt(campaign)).toEqual(expected.map((at) => `${at}:00.000Z`));
  });

  it('finds the same occurrences whatever the spacing of the calls', async () => {
    const { campaign } = await campaignWithDigest('Australia/Sydney', '30 8 * * *');
    await walk(
      new ScheduledMessagePlanner(deps, [digestSchedule]),
      '2026-04-03T20:00:00Z',
      '2026-04-05T00:00:00Z',
      7,
    );
    expect(await queuedAt(campaign)).toEqual([
      '2026-04-03T21:30:00.000Z',
      '2026-04-04T22:30:00.000Z',
    ]);
  });

  it('queues one digest per active, consented supporter with reminders on, keyed by local time', async () => {
    const { campaign, reader } = await campaignWithDigest('Europe/Paris', '0 9 * * 1');
    await person(campaign, { remindersEnabled: false });
    await person(campaign, { consentAt: null });
    await person(campaign, { status: 'paused' });
    await person(campaign, { status: 'erased' });
    const queued = await new ScheduledMessagePlanner(deps, [digestSchedule]).enqueueDue(
      new Date('2026-03-30T07:00:20Z'),
    );
    expect(queued).toBe(1);
    const rows = await db.store.notifications.list(campaign.id, {});
    expect(rows.map((row) => [row.kind, row.key, row.recipientId])).toEqual([
      ['digest', `digest:${campaign.id}:${reader.id}:2026-03-30T09:00`, reader.id],
    ]);
  });

  it('checks only the current minute on its first call, and each minute once', async () => {
    const { campaign } = await campaignWithDigest('UTC', '0 9 * * *');
    const planner = new ScheduledMessagePlanner(deps, [digestSchedule]);
    expect(await planner.enqueueDue(new Date('2026-05-04T09:05:00Z'))).toBe(0);
    expect(await planner.enqueueDue(new Date('2026-05-04T09:06:00Z'))).toBe(0);
    const fresh = new ScheduledMessagePlanner(deps, [digestSchedule]);
    expect(await fresh.enqueueDue(new Date('2026-05-05T09:00:10Z'))).toBeGreaterThan(0);
    expect(await fresh.enqueueDue(new Date('2026-05-05T09:00:50Z'))).toBe(0);
    expect(await queuedAt(campaign)).toEqual(['2026-05-05T09:00:00.000Z']);
  });

  it('catches up at most an hour after a pause', async () => {
    const { campaign } = await campaignWithDigest('UTC', '0 9,10 * * *');
    const planner = new ScheduledMessagePlanner(deps, [digestSchedule]);
    await planner.enqueueDue(new Date('2026-05-06T08:00:00Z'));
    await planner.enqueueDue(new Date('2026-05-06T10:30:00Z'));
    expect(await queuedAt(campaign)).toEqual(['2026-05-06T10:00:00.000Z']);
  });

  it('queues each occurrence once when two processes plan at the same time', async () => {
    const { campaign } = await campaignWithDigest('Europe/Paris', '*/30 * * * *');
    await person(campaign, {});
    const planners = [
      new ScheduledMessagePlanner(deps, [digestSchedule]),
      new ScheduledMessagePlanner(deps, [digestSchedule]),
    ];
    let queued = 0;
    const end = Date.parse('2026-05-07T12:00:00Z');
    for (let at = Date.parse('2026-05-07T10:15:00Z'); at <= end; at += 15 * MINUTE) {
      const counts = await Promise.all(planners.map((p) => p.enqueueDue(new Date(at))));
      queued += counts.reduce((a, b) => a + b, 0);
    }
    const rows = (await db.store.notifications.list(campaign.id, {})).filter(
      (row) => row.kind === 'digest',
    );
    expect(await queuedAt(campaign)).toHaveLength(4);
    expect(rows).toHaveLength(8);
    expect(queued).toBe(8);
    expect(new Set(rows.map((row) => row.key)).size).toBe(8);
  });
}

describe('digest planning on SQLite', () => {
  plannerSuite(async () => {
    const file = tempSqliteUrl();
    return { db: await openDatabase(file.url), cleanup: async () => file.cleanup() };
  });
});

reportPostgresSkip('digest planning on PostgreSQL');

describe.skipIf(!TEST_POSTGRES_URL)('digest planning on PostgreSQL', () => {
  plannerSuite(async () => {
    const database = await createPostgresDatabase('organizer_digests');
    return { db: await openDatabase(database.url), cleanup: database.drop };
  });
});
