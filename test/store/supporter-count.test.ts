// The number of registered supporters /stats shows is kept by the database as supporters join,
// are erased, merged or removed, on both databases, and always equals a count of the rows.
import { describe, expect, it } from 'vitest';
import { NOW, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';

for (const database of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(database === 'postgresql' && !TEST_POSTGRES_URL)(
    `registered supporters kept by the database on ${database}`,
    () => {
      const h = useCore({}, database);

      it('follows joins, erasures, merges and removals', async () => {
        const { store, client } = h.db;
        const campaign = await h.core.services.campaigns.ensureDefault();
        const other = await store.campaigns.create({
          name: 'Other',
          timezone: 'UTC',
          locale: 'en',
          inviteCode: 'other-campaign',
        } as Parameters<typeof store.campaigns.create>[0]);
        const counted = async (campaignId: number) => ({
          kept: (await store.stats.counts(campaignId, NOW)).supporters,
          rows: await client.supporter.count({
            where: { campaignId, consentAt: { not: null }, status: { not: 'erased' } },
          }),
        });
        const join = async (campaignId: number, externalId: string) => {
          const s = await store.supporters.createWithIdentity(campaignId, {
            platform: 'telegram',
            externalId,
          });
          return store.supporters.update(campaignId, s.id, { consentAt: NOW });
        };
        const [a, b, c] = [
          await join(campaign.id, '1'),
          await join(campaign.id, '2'),
          await join(campaign.id, '3'),
        ];
        await store.supporters.createWithIdentity(campaign.id, {
          platform: 'telegram',
          externalId: '4',
        });
        await join(other.id, '5');
        expect(await counted(campaign.id)).toEqual({ kept: 3, rows: 3 });
        expect(await counted(other.id)).toEqual({ kept: 1, rows: 1 });

        await store.privacy.erase(campaign.id, a.id, NOW);
        expect(await counted(campaign.id)).toEqual({ kept: 2, rows: 2 });
        await store.supporters.merge(campaign.id, b.id, c.id);
        expect(await counted(campaign.id)).toEqual({ kept: 1, rows: 1 });
        await store.supporters.update(campaign.id, b.id, { status: 'paused' });
        expect(await counted(campaign.id)).toEqual({ kept: 1, rows: 1 });
        await client.supporter.delete({ where: { id: b.id } });
        expect(await counted(campaign.id)).toEqual({ kept: 0, rows: 0 });
        expect(await counted(other.id)).toEqual({ kept: 1, rows: 1 });
      });
    },
  );
}

reportPostgresSkip('PostgreSQL kept counts');
