// Moving an event that 20,000 supporters answered rewrites their reminders on both databases:
// everyone's reminders follow the new time, a reminder already sent stays sent, and someone who
// no longer comes keeps no pending reminder.
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/sqlite/client.ts';
import { consoleAdmin, NOW, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';
import { seedSupporters } from '../support/seed-supporters.ts';

const COUNT = 20_000;
const MOVED = new Date('2026-12-06T09:00:00Z');
const HOUR = 3_600_000;

for (const database of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(database === 'postgresql' && !TEST_POSTGRES_URL)(
    `moving an event ${COUNT} supporters answered, on ${database}`,
    () => {
      const h = useCore({}, database);

      it('moves every reminder, keeps the sent ones and skips those of people who left', async () => {
        await seedSupporters(h.db, { campaignId: 1, count: COUNT, now: NOW });
        const created = h.text(
          await h.say(
            consoleAdmin,
            '/event create title:"Rally" start:"2026-12-05 18:00" reminders:1d,1h',
          ),
        );
        const eventId = Number(/#(\d+)/.exec(created)?.[1]);
        // Everyone answered yes, every tenth maybe.
        const now =
          database === 'postgresql' ? Prisma.sql`CAST(${NOW} AS TIMESTAMP(3))` : Prisma.sql`${NOW}`;
        await h.db.client.$executeRaw(Prisma.sql`
          INSERT INTO "Rsvp" ("campaignId", "eventId", "supporterId", "answer", "answeredAt", "updatedAt")
          SELECT 1, ${eventId}, s."id", CASE WHEN s."id" % 10 = 0 THEN 'maybe' ELSE 'yes' END, ${now}, ${now}
          FROM "Supporter" s WHERE s."campaignId" = 1`);
        const rows = () =>
          h.db.client.notification.findMany({
            where: { eventId, kind: 'event_reminder' },
            select: { recipientId: true, status: true, dueAt: true, key: true },
          });

        const edited = h.text(
          await h.say(consoleAdmin, `/event edit ${eventId} start:"2026-12-06 11:00"`),
        );
        expect(h.errors).toEqual([]);
        expect(edited).toContain(`Everyone who answered (${COUNT})`);
        const first = await rows();
        const answered = await h.db.client.rsvp.count({ where: { eventId } });
        expect(first.filter((row) => row.status === 'pending')).toHaveLength(2 * answered);

        // One reminder went out; one supporter now says no (their rows still pending).
        const [sent, leaving] = [first[0]!, first.find((row) => row.recipientId > 1_000)!];
        await h.db.client.notification.updateMany({
          where: { key: sent.key },
          data: { status: 'sent' },
        });
        await h.db.client.rsvp.updateMany({
          where: { eventId, supporterId: leaving.recipientId },
          data: { answer: 'no' },
        });

        await h.say(consoleAdmin, `/event edit ${eventId} start:"2026-12-06 10:00"`);
        const after = await rows();
        expect(after).toHaveLength(first.length);
        const byKey = new Map(after.map((row) => [row.key, row]));
        expect(byKey.get(sent.key)).toMatchObject({ status: 'sent', dueAt: sent.dueAt });
        const left = after.filter((row) => row.recipientId === leaving.recipientId);
        expect(left.map((row) => row.status)).toEqual(['skipped', 'skipped']);
        const pending = after.filter((row) => row.status === 'pending');
        expect(pending).toHaveLength(2 * answered - 3);
        const due = new Set(pending.map((row) => row.dueAt.getTime()));
        expect([...due].sort()).toEqual([MOVED.getTime() - 24 * HOUR, MOVED.getTime() - HOUR]);
      }, 120_000);
    },
  );
}

reportPostgresSkip('PostgreSQL reminders at scale');
