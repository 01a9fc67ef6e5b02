// The tasks /tasks offers, on both databases: soonest due first (then oldest), then those without
// a due date, never one past due, full, held by the asker or needing a tag they lack, and how many
// there are beyond the page.
import { describe, expect, it } from 'vitest';
import { NOW, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';

const DAY_MS = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

for (const database of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(database === 'postgresql' && !TEST_POSTGRES_URL)(
    `tasks one can take on ${database}`,
    () => {
      const h = useCore({}, database);

      it('come soonest due first, then undated, and leave out what one cannot take', async () => {
        const { store, client } = h.db;
        const campaign = await h.core.services.campaigns.ensureDefault();
        const me = await store.supporters.createWithIdentity(campaign.id, {
          platform: 'telegram',
          externalId: '1',
        });
        const tag = await client.tag.create({ data: { campaignId: campaign.id, name: 'drivers' } });
        const task = (title: string, data: Record<string, unknown> = {}) =>
          client.task.create({
            data: { campaignId: campaign.id, title, slots: 2, status: 'open', ...data },
          });
        await task('undated b');
        await task('in 3 days, first', { dueAt: at(3) });
        await task('undated c');
        await task('tomorrow', { dueAt: at(1) });
        await task('in 3 days, second', { dueAt: at(3) });
        await task('yesterday', { dueAt: at(-1) });
        await task('full', { dueAt: at(1), filled: 2 });
        await task('closed', { dueAt: at(1), status: 'closed' });
        await task('drivers only', { dueAt: at(2), requiredTagId: tag.id });
        const held = await task('held', { dueAt: at(1) });
        await client.assignment.create({
          data: { campaignId: campaign.id, taskId: held.id, supporterId: me.id },
        });
        const dropped = await task('dropped earlier', { dueAt: at(4) });
        await client.assignment.create({
          data: {
            campaignId: campaign.id,
            taskId: dropped.id,
            supporterId: me.id,
            status: 'dropped',
          },
        });

        const titles = async (limit: number) => {
          const { tasks, total } = await store.tasks.available(campaign.id, me.id, NOW, limit);
          return { titles: tasks.map((t) => t.title), total };
        };
        const all = [
          'tomorrow',
          'in 3 days, first',
          'in 3 days, second',
          'dropped earlier',
          'undated b',
          'undated c',
        ];
        expect(await titles(10)).toEqual({ titles: all, total: 6 });
        expect(await titles(3)).toEqual({ titles: all.slice(0, 3), total: 6 });
        expect(await titles(5)).toEqual({ titles: all.slice(0, 5), total: 6 });

        await client.supporterTag.create({
          data: { campaignId: campaign.id, supporterId: me.id, tagId: tag.id, granted: true },
        });
        expect(await titles(2)).toEqual({ titles: ['tomorrow', 'drivers only'], total: 7 });
      });
    },
  );
}

reportPostgresSkip('PostgreSQL tasks one can take');
