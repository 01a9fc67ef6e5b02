// With 20,000 supporters (past SQLite's bound-parameter limit and a former failure point), the
// supporter list, a tag's list, a search and the CSV export work on both databases, and a
// broadcast to 100,000 works on PostgreSQL.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFile } from '../../src/bots/console/console-render.ts';
import { consoleAdmin, NOW, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';
import { filePages } from '../support/reply-files.ts';
import { seedSupporters } from '../support/seed-supporters.ts';

const COUNT = 20_000;

for (const database of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(database === 'postgresql' && !TEST_POSTGRES_URL)(
    `supporter commands with ${COUNT} supporters on ${database}`,
    () => {
      const h = useCore({}, database);

      it('lists the supporters with their count and the first page', async () => {
        await seedSupporters(h.db, {
          campaignId: 1,
          count: COUNT,
          now: NOW,
          tags: ['north', 'south'],
        });
        const text = h.text(await h.say(consoleAdmin, '/supporters'));
        expect(text).toContain(`${COUNT}`);
        expect(text).toContain('Supporter 1 (@user1)');
        expect(text).not.toContain('Sorry');
      });

      it('lists the holders of a tag', async () => {
        const text = h.text(await h.say(consoleAdmin, '/supporters north'));
        expect(text).toContain(`${COUNT / 2}`);
        expect(text).toContain('north');
        expect(text).not.toContain('south');
      });

      it('finds people by a part of their name or username', async () => {
        const byName = h.text(await h.say(consoleAdmin, '/supporters search:"Supporter 12345"'));
        expect(byName).toContain('Supporter 12345 (@user12345)');
        const byUsername = h.text(await h.say(consoleAdmin, '/supporters search:USER1999'));
        expect(byUsername).toContain('@user19990');
        expect(byUsername).toContain('@user1999)');
        expect(byUsername).not.toContain('@user2000');
      });

      it('exports every supporter as CSV, read and written a page at a time', async () => {
        const reply = await h.say(consoleAdmin, '/export supporters');
        expect(h.text(reply)).toContain(`${COUNT}`);
        const file = reply.files?.[0];
        // The reply holds no row yet: the file is read while it is written out, page by page,
        // so memory holds one page, never the whole list.
        const pages = await filePages(file);
        expect(pages.length).toBeGreaterThan(5);
        for (const page of pages) expect(page.split('\r\n').length).toBeLessThan(COUNT / 5);
        const lines = pages.join('').trimEnd().split('\r\n');
        expect(lines).toHaveLength(COUNT + 1);
        expect(lines[1]).toMatch(
          /^\d+,Supporter 1,telegram:@user1,south,1,active,2026-11-30T09:00:00.000Z$/,
        );
        expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(COUNT + 1);
        expect(lines.at(-1)).toContain(`Supporter ${COUNT},telegram:@user${COUNT},`);

        // The console writes it to its file the same way, and leaves nothing else beside it.
        const dir = await mkdtemp(join(tmpdir(), 'export-'));
        try {
          const path = await saveFile(file!, dir);
          expect((await readFile(path, 'utf8')).trimEnd().split('\r\n')).toEqual(lines);
          expect(await readdir(dir)).toEqual([basename(path)]);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });

      it('exports each supporter with every account and the tags organizers gave, in order', async () => {
        const client = h.db.client;
        const supporter = await client.supporter.create({
          data: {
            campaignId: 1,
            displayName: 'Zoé "Z", Martin',
            status: 'active',
            consentAt: NOW,
            points: 7,
          },
        });
        for (const [platform, externalId, username] of [
          ['telegram', '7001', 'zoe_tg'],
          ['discord', '7002', 'zoe.dc'],
          ['console', '7003', null],
        ] as const) {
          await client.identity.create({
            data: { campaignId: 1, supporterId: supporter.id, platform, externalId, username },
          });
        }
        for (const [name, granted] of [
          ['west', true],
          ['drivers', true],
          ['knitting', false],
        ] as const) {
          const { id: tagId } = await client.tag.upsert({
            where: { campaignId_name: { campaignId: 1, name } },
            create: { campaignId: 1, name },
            update: {},
          });
          await client.supporterTag.create({
            data: { campaignId: 1, supporterId: supporter.id, tagId, granted },
          });
        }
        const reply = await h.say(consoleAdmin, '/export supporters');
        const lines = (await filePages(reply.files?.[0])).join('').trimEnd().split('\r\n');
        expect(lines).toHaveLength(COUNT + 2);
        expect(lines.at(-1)).toBe(
          `${supporter.id},"Zoé ""Z"", Martin",telegram:@zoe_tg; discord:@zoe.dc,drivers; west,7,active,2026-11-30T09:00:00.000Z`,
        );
      });
    },
  );
}

reportPostgresSkip('PostgreSQL scale');

describe.skipIf(!TEST_POSTGRES_URL)('a broadcast to 100,000 supporters on PostgreSQL', () => {
  const h = useCore({}, 'postgresql');

  it('answers with the audience size and queues every row', async () => {
    await seedSupporters(h.db, { campaignId: 1, count: 100_000, now: NOW });
    const reply = h.text(await h.say(consoleAdmin, '/broadcast message:"Canvass at 10"'));
    await h.core.deps.fanOuts.idle();
    expect(reply).toContain('100000 recipients');
    expect(await h.db.client.notification.count({ where: { kind: 'broadcast' } })).toBe(100_000);
    const status = h.text(await h.say(consoleAdmin, '/broadcast status 1'));
    expect(status).toContain('100000 of 100000 recipients queued (all queued)');
  }, 120_000);
});
