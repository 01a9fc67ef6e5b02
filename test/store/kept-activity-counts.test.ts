// The supporters /stats shows as active in the last 30 days, the registrations its picture shows
// per period, and the audience of a broadcast to everyone, are kept by the database as supporters
// join, come back on other days, pause, turn reminders off, are erased, removed or added in bulk,
// on both databases, and always equal a count of the rows.
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/sqlite/client.ts';
import { NOW, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';
import { seedSupporters } from '../support/seed-supporters.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

for (const database of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(database === 'postgresql' && !TEST_POSTGRES_URL)(
    `active supporters and the whole audience kept by the database on ${database}`,
    () => {
      const h = useCore({}, database);

      it('follow activity on other days, pauses, erasures, removals and bulk writes', async () => {
        const { store, client } = h.db;
        const campaign = await h.core.services.campaigns.ensureDefault();
        const other = await store.campaigns.create({
          name: 'Other',
          timezone: 'UTC',
          locale: 'en',
          inviteCode: 'other-campaign',
        } as Parameters<typeof store.campaigns.create>[0]);
        // Boundaries on a midnight, inside a day, and 30 days back as /stats asks.
        const sinces = [
          at(-30 * DAY_MS),
          at(-2 * DAY_MS),
          new Date(Math.floor(NOW.getTime() / DAY_MS) * DAY_MS),
          at(-HOUR_MS),
          at(0),
        ];
        const midnight = new Date(Math.floor(NOW.getTime() / DAY_MS) * DAY_MS);
        const periods = [
          { start: at(-40 * DAY_MS), end: at(-10 * DAY_MS - HOUR_MS) },
          { start: at(-10 * DAY_MS - HOUR_MS), end: midnight },
          { start: midnight, end: at(HOUR_MS) },
          { start: at(-7 * DAY_MS), end: at(0) },
        ];
        const registrations = async (campaignId: number) => {
          const rows: number[] = [];
          for (const { start, end } of periods) {
            rows.push(
              await client.supporter.count({
                where: { campaignId, consentAt: { gte: start, lt: end } },
              }),
            );
          }
          const before = async (when: Date) => ({
            kept: await store.stats.registeredBefore(campaignId, when),
            rows: await client.supporter.count({ where: { campaignId, consentAt: { lt: when } } }),
          });
          return {
            kept: await store.stats.registrations(campaignId, periods),
            rows,
            before: [await before(at(-3 * DAY_MS)), await before(midnight), await before(NOW)],
          };
        };
        const counted = async (campaignId: number) => {
          const kept: number[] = [];
          const rows: number[] = [];
          for (const since of sinces) {
            kept.push((await store.stats.counts(campaignId, since)).activeSince);
            rows.push(
              await client.supporter.count({
                where: {
                  campaignId,
                  status: { not: 'erased' },
                  lastActiveAt: { gte: since },
                },
              }),
            );
          }
          return {
            active: kept,
            activeRows: rows,
            audience: await store.fanOuts.count(campaignId, { reachable: true }),
            audienceRows: await client.supporter.count({
              where: {
                campaignId,
                status: 'active',
                remindersEnabled: true,
                consentAt: { not: null },
              },
            }),
          };
        };
        const expectExact = async (campaignId: number, active: number[], audience: number) => {
          expect(await counted(campaignId)).toEqual({
            active,
            activeRows: active,
            audience,
            audienceRows: audience,
          });
          const registered = await registrations(campaignId);
          expect(registered.kept).toEqual(registered.rows);
          for (const { kept, rows } of registered.before) expect(kept).toBe(rows);
        };
        const join = async (campaignId: number, externalId: string, lastActiveAt: Date) => {
          const s = await store.supporters.createWithIdentity(campaignId, {
            platform: 'telegram',
            externalId,
          });
          return store.supporters.update(campaignId, s.id, { consentAt: NOW, lastActiveAt });
        };

        const a = await join(campaign.id, '1', at(-10 * DAY_MS));
        const b = await join(campaign.id, '2', at(-90 * 60_000));
        const c = await join(campaign.id, '3', NOW);
        await join(other.id, '4', NOW);
        // Without consent: active, but not in a broadcast's audience.
        const d = await store.supporters.createWithIdentity(campaign.id, {
          platform: 'telegram',
          externalId: '5',
        });
        await store.supporters.update(campaign.id, d.id, { lastActiveAt: at(-3 * DAY_MS) });
        await expectExact(campaign.id, [4, 2, 2, 1, 1], 3);
        await expectExact(other.id, [1, 1, 1, 1, 1], 1);

        // Registered on another day.
        await store.supporters.update(campaign.id, a.id, { consentAt: at(-10 * DAY_MS) });
        await expectExact(campaign.id, [4, 2, 2, 1, 1], 3);
        expect((await registrations(campaign.id)).kept).toEqual([0, 1, 2, 0]);

        // Coming back on another day, later the same day, then nothing for weeks.
        await store.supporters.update(campaign.id, a.id, { lastActiveAt: at(-DAY_MS) });
        await expectExact(campaign.id, [4, 3, 2, 1, 1], 3);
        await store.supporters.update(campaign.id, a.id, { lastActiveAt: at(-DAY_MS + HOUR_MS) });
        await expectExact(campaign.id, [4, 3, 2, 1, 1], 3);
        await store.supporters.update(campaign.id, c.id, { lastActiveAt: at(-40 * DAY_MS) });
        await expectExact(campaign.id, [3, 2, 1, 0, 0], 3);

        // A pause keeps them active but out of the audience, as reminders off does.
        await store.supporters.update(campaign.id, b.id, { status: 'paused' });
        await expectExact(campaign.id, [3, 2, 1, 0, 0], 2);
        await store.supporters.update(campaign.id, c.id, { remindersEnabled: false });
        await expectExact(campaign.id, [3, 2, 1, 0, 0], 1);
        await store.supporters.update(campaign.id, b.id, { status: 'active' });
        await expectExact(campaign.id, [3, 2, 1, 0, 0], 2);

        // The one who wrote a broadcast is left out of its audience.
        expect(await store.fanOuts.count(campaign.id, { reachable: true, excludeId: a.id })).toBe(
          1,
        );
        expect(await store.fanOuts.count(campaign.id, { reachable: true, excludeId: c.id })).toBe(
          2,
        );

        await store.privacy.erase(campaign.id, a.id, NOW);
        await expectExact(campaign.id, [2, 1, 1, 0, 0], 1);
        await client.supporter.delete({ where: { id: b.id } });
        await expectExact(campaign.id, [1, 0, 0, 0, 0], 0);

        // A bulk insert, then one statement moving them to three different days.
        await seedSupporters(h.db, { campaignId: campaign.id, count: 300, now: NOW });
        await expectExact(campaign.id, [301, 300, 300, 300, 300], 300);
        const dayOf = h.db.kind === 'postgresql' ? Prisma.sql`::timestamp(3)` : Prisma.empty;
        await client.$executeRaw(Prisma.sql`UPDATE "Supporter"
          SET "lastActiveAt" = CASE "id" % 3
            WHEN 0 THEN ${at(-5 * DAY_MS)}${dayOf}
            WHEN 1 THEN ${at(-45 * DAY_MS)}${dayOf}
            ELSE "lastActiveAt" END,
            "consentAt" = CASE "id" % 3 WHEN 0 THEN ${at(-5 * DAY_MS)}${dayOf} ELSE "consentAt" END
          WHERE "campaignId" = ${campaign.id} AND "displayName" LIKE 'Supporter %'`);
        await expectExact(campaign.id, [201, 100, 100, 100, 100], 300);
        expect((await registrations(campaign.id)).kept).toEqual([0, 100, 201, 100]);
        await client.$executeRaw(Prisma.sql`DELETE FROM "Supporter"
          WHERE "campaignId" = ${campaign.id} AND "displayName" LIKE 'Supporter %' AND "id" % 2 = 0`);
        await expectExact(campaign.id, [101, 50, 50, 50, 50], 150);
        await expectExact(other.id, [1, 1, 1, 1, 1], 1);
      });
    },
  );
}

reportPostgresSkip('PostgreSQL kept activity counts');
