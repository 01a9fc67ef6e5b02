/**
 * `npm run stats:example`: draws the README's example of the `/stats` picture
 * (docs/stats-example.png, and docs/stats-example-fr.png in French) from a seeded campaign in a
 * temporary SQLite file, with a fixed clock so the picture only changes when the code does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EChartsChartRenderer } from '../src/charts/echarts-chart-renderer.ts';
import type { Campaign } from '../src/core/campaigns/campaign.types.ts';
import type { Store } from '../src/core/ports.ts';
import { chartFigures, statsChart } from '../src/core/reports/stats-chart.ts';
import { openDatabase } from '../src/store/database.ts';

const NOW = new Date('2026-11-30T09:00:00Z');
const DAY_MS = 86_400_000;

/** The same numbers on every run: a small linear congruential generator. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A campaign that grows over 12 weeks, does tasks, holds events and has some coming up. */
async function seedCampaign(store: Store): Promise<Campaign> {
  const random = seeded(7);
  const campaign = await store.campaigns.create({
    name: 'Riverside tenants',
    timezone: 'Europe/Paris',
    locale: 'en',
    inviteCode: 'EXAMPLE1',
  });
  const people = [];
  for (let i = 0; i < 180; i++) {
    // More people join as the weeks go by.
    const daysAgo = Math.floor(84 * (1 - Math.sqrt(random())));
    const joined = new Date(NOW.getTime() - daysAgo * DAY_MS - 3_600_000);
    const created = await store.supporters.createWithIdentity(campaign.id, {
      platform: 'telegram',
      externalId: String(1000 + i),
    });
    people.push(
      await store.supporters.update(campaign.id, created.id, {
        displayName: `Supporter ${i + 1}`,
        consentAt: joined,
        lastActiveAt: new Date(joined.getTime() + random() * (NOW.getTime() - joined.getTime())),
      }),
    );
  }
  for (let week = 11; week >= 0; week--) {
    const task = await store.tasks.create(campaign.id, {
      title: `Flyers, week ${12 - week}`,
      slots: 40,
    });
    const done = 3 + Math.floor(random() * 12) + (11 - week);
    for (const person of people.slice(0, done)) {
      const at = new Date(NOW.getTime() - week * 7 * DAY_MS - random() * 6 * DAY_MS);
      await store.tasks.claim(campaign.id, task.id, person.id, at);
      await store.tasks.finish(campaign.id, task.id, person.id, at);
    }
    if (week > 7) continue;
    const startsAt = new Date(NOW.getTime() - week * 7 * DAY_MS - 2 * DAY_MS);
    const event = await store.events.create(campaign.id, {
      title: `Door knocking, week ${12 - week}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      timezone: 'Europe/Paris',
      capacity: 30,
    });
    for (const person of people.slice(20, 30 + Math.floor(random() * 15))) {
      await store.events.answer(campaign.id, event.id, person.id, 'yes', startsAt);
      const came = random() < 0.6 + week / 40;
      await store.events.setAttendance(
        campaign.id,
        event.id,
        person.id,
        came ? 'attended' : 'no_show',
        startsAt,
      );
    }
  }
  const coming = [
    ['Canvass the market', 3, 30],
    ['Tenants’ assembly', 6, 80],
    ['Phone bank', 9, 15],
    ['Banner painting', 12, null],
  ] as const;
  for (const [title, inDays, capacity] of coming) {
    const startsAt = new Date(NOW.getTime() + inDays * DAY_MS);
    const event = await store.events.create(campaign.id, {
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      timezone: 'Europe/Paris',
      capacity,
    });
    const answers = Math.floor((capacity ?? 25) * (0.4 + random() * 0.8));
    for (const [i, person] of people.slice(40, 40 + answers).entries()) {
      await store.events.answer(
        campaign.id,
        event.id,
        person.id,
        i % 4 === 3 ? 'maybe' : 'yes',
        NOW,
      );
    }
  }
  return campaign;
}

const dir = mkdtempSync(join(tmpdir(), 'organizer-example-'));
try {
  const db = await openDatabase(`file:${join(dir, 'example.db')}`);
  const campaign = await seedCampaign(db.store);
  const renderer = new EChartsChartRenderer();
  for (const [locale, file] of [
    ['en', 'docs/stats-example.png'],
    ['fr', 'docs/stats-example-fr.png'],
  ] as const) {
    const figures = await chartFigures(db.store, campaign, '12w', NOW, locale);
    const png = await renderer.png(statsChart(figures, { ...campaign, locale }, '12w', locale));
    writeFileSync(file, png);
    console.log(`Wrote ${file}`);
  }
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
