// A dispatcher takes only the rows it can deliver: those of recipients reachable on one of its
// platforms (or on none, to settle them). Which platforms a recipient is reachable on follows
// their accounts as they change: linking one, becoming unreachable, being removed.
import { describe, expect, it } from 'vitest';
import { NOW, useCore } from '../support/core-harness.ts';
import { reportPostgresSkip, TEST_POSTGRES_URL } from '../support/databases.ts';

const LATER = new Date(NOW.getTime() + 60_000);

for (const database of ['sqlite', 'postgresql'] as const) {
  describe.skipIf(database === 'postgresql' && !TEST_POSTGRES_URL)(
    `claiming by platform on ${database}`,
    () => {
      const h = useCore({}, database);

      it('leaves rows to the processes that can deliver them, as accounts change', async () => {
        const { store } = h.db;
        const campaign = await h.core.services.campaigns.ensureDefault();
        const onDiscord = await store.supporters.createWithIdentity(campaign.id, {
          platform: 'discord',
          externalId: 'd1',
        });
        const onBoth = await store.supporters.createWithIdentity(campaign.id, {
          platform: 'telegram',
          externalId: 't2',
        });
        await store.supporters.addIdentity(campaign.id, onBoth.id, {
          platform: 'discord',
          externalId: 'd2',
        });
        const row = (recipientId: number, n: number) => ({
          kind: 'broadcast' as const,
          key: `broadcast:test:${recipientId}:${n}`,
          recipientId,
          dueAt: new Date(NOW.getTime() - n * 1000),
        });
        await store.notifications.enqueue(campaign.id, [
          row(onDiscord.id, 1),
          row(onDiscord.id, 2),
          row(onBoth.id, 3),
        ]);
        const claim = async (platforms: string[], workerId: string) =>
          (
            await store.notifications.claimDue({
              workerId,
              now: NOW,
              until: LATER,
              limit: 10,
              platforms,
            })
          ).map((claimed) => claimed.key);

        // Telegram alone: only the row of the supporter reachable there.
        expect(await claim(['telegram'], 'telegram-1')).toEqual([`broadcast:test:${onBoth.id}:3`]);
        // Discord: its own rows, oldest due first (the one held by the other process stays there).
        expect(await claim(['discord'], 'discord-1')).toEqual([
          `broadcast:test:${onDiscord.id}:2`,
          `broadcast:test:${onDiscord.id}:1`,
        ]);

        // New rows; then the Discord-only supporter links Telegram: Telegram may take theirs.
        await store.notifications.enqueue(campaign.id, [row(onDiscord.id, 4)]);
        await store.supporters.addIdentity(campaign.id, onDiscord.id, {
          platform: 'telegram',
          externalId: 't1',
        });
        expect(await claim(['telegram'], 'telegram-2')).toEqual([
          `broadcast:test:${onDiscord.id}:4`,
        ]);

        // Unreachable on Telegram and Discord: nobody can reach them, any process settles the row.
        await store.notifications.enqueue(campaign.id, [row(onBoth.id, 5)]);
        for (const identity of await store.supporters.identities(campaign.id, onBoth.id)) {
          await store.supporters.updateIdentity(campaign.id, identity.id, { unreachable: true });
        }
        expect(await claim(['console'], 'console-1')).toEqual([`broadcast:test:${onBoth.id}:5`]);
      });
    },
  );
}

reportPostgresSkip('PostgreSQL claims by platform');
