import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/core/campaigns/campaign.types.ts';
import type { Store } from '../../src/core/ports.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
  tempSqliteUrl,
} from '../support/databases.ts';

const AT = new Date('2026-12-01T10:00:00Z');
const DEBOUNCE = 5_000;

/** Posted cards on a real database: marked by the database's triggers, edited once under a lease. */
function cardContract(open: () => Promise<{ db: Database; cleanup(): Promise<void> }>) {
  let db: Database;
  let store: Store;
  let cleanup: () => Promise<void>;
  let campaign: Campaign;
  beforeAll(async () => {
    ({ db, cleanup } = await open());
    store = db.store;
    campaign = await store.campaigns.create({
      name: 'Cards',
      timezone: 'Europe/Paris',
      locale: 'en',
      inviteCode: 'cards-code',
    });
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });
  const lease = (workerId: string, at: Date) => ({
    workerId,
    now: at,
    until: new Date(at.getTime() + 60_000),
  });

  it('marks the cards of an event when it or one of its shifts changes, and leases each once', async () => {
    const startsAt = new Date(AT.getTime() + 86_400_000);
    const event = await store.events.create(campaign.id, {
      title: 'Canvass',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      timezone: 'Europe/Paris',
    });
    const place = { campaignId: campaign.id, platform: 'discord', chatId: '55', threadId: null };
    await store.cards.record({
      ...place,
      messageId: '1',
      subject: { kind: 'event', id: event.id },
      renderedHash: 'h0',
    });
    expect(await store.cards.claimDue('discord', lease('p1', AT), DEBOUNCE, 10)).toEqual([]);

    await store.events.update(campaign.id, event.id, { title: 'Canvass the market' });
    const [first, second] = await Promise.all([
      store.cards.claimDue('discord', lease('p1', AT), DEBOUNCE, 10),
      store.cards.claimDue('discord', lease('p2', AT), DEBOUNCE, 10),
    ]);
    expect([...first!, ...second!].map((c) => c.messageId)).toEqual(['1']);
    const card = [...first!, ...second!][0]!;
    const holder = first!.length > 0 ? 'p1' : 'p2';
    await store.cards.settle(card.id, holder, AT, 'h1');

    // A change within the window waits for it to pass.
    await store.events.update(campaign.id, event.id, { location: 'Market square' });
    const soon = new Date(AT.getTime() + DEBOUNCE - 1);
    expect(await store.cards.claimDue('discord', lease('p1', soon), DEBOUNCE, 10)).toEqual([]);
    expect(await store.cards.claimDue('telegram', lease('p1', AT), DEBOUNCE, 10)).toEqual([]);
    const later = new Date(AT.getTime() + DEBOUNCE);
    const due = await store.cards.claimDue('discord', lease('p1', later), DEBOUNCE, 10);
    expect(due.map((c) => c.renderedHash)).toEqual(['h1']);
  });

  it('marks the cards of a task when it is claimed', async () => {
    const task = await store.tasks.create(campaign.id, { title: 'Leaflets', slots: 2 });
    const supporter = await store.supporters.createWithIdentity(campaign.id, {
      platform: 'telegram',
      externalId: '901',
    });
    await store.cards.record({
      campaignId: campaign.id,
      platform: 'telegram',
      chatId: '-100',
      threadId: '7',
      messageId: '12',
      subject: { kind: 'task', id: task.id },
      renderedHash: 'h0',
    });
    await store.tasks.claim(campaign.id, task.id, supporter.id, AT);
    const due = await store.cards.claimDue('telegram', lease('p1', AT), DEBOUNCE, 10);
    expect(due.map((c) => [c.messageId, c.threadId, c.subject])).toEqual([
      ['12', '7', { kind: 'task', id: task.id }],
    ]);
  });
}

describe('announcement cards on SQLite', () => {
  cardContract(async () => {
    const file = tempSqliteUrl();
    return { db: await openDatabase(file.url), cleanup: async () => file.cleanup() };
  });
});

reportPostgresSkip('announcement cards on PostgreSQL');

describe.skipIf(!TEST_POSTGRES_URL)('announcement cards on PostgreSQL', () => {
  cardContract(async () => {
    const database = await createPostgresDatabase('organizer_cards');
    return { db: await openDatabase(database.url), cleanup: database.drop };
  });
});
