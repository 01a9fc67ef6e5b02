import { afterAll, describe, expect, it } from 'vitest';
import { notificationKey } from '../../src/core/notifications/notification-keys.ts';
import { useCore } from '../support/core-harness.ts';

const h = useCore();
afterAll(() => expect(h.errors).toEqual([]));

describe('a person who blocks the bot', () => {
  it('stays reachable through another platform: only that identity is skipped', async () => {
    const tina = await h.volunteer('7001', 'tina');
    const { store } = h.core.deps;
    const campaign = await h.core.services.campaigns.ensureDefault();
    const supporter = (await store.supporters.findByIdentity(
      campaign.id,
      'telegram',
      tina.userId,
    ))!;
    await store.supporters.addIdentity(campaign.id, supporter.id, {
      platform: 'discord',
      externalId: '9001',
    });
    await h.core.services.supporters.setReachable('telegram', tina.userId, false);
    expect((await store.supporters.findById(campaign.id, supporter.id))?.status).toBe('active');
    const identities = await store.supporters.identities(campaign.id, supporter.id);
    expect(identities.map((i) => [i.platform, i.unreachable])).toEqual(
      expect.arrayContaining([
        ['telegram', true],
        ['discord', false],
      ]),
    );
  });

  it('with no other way to reach them is unreachable, their waiting messages skipped, until they unblock', async () => {
    const uma = await h.volunteer('7002', 'uma');
    const { store } = h.core.deps;
    const campaign = await h.core.services.campaigns.ensureDefault();
    const supporter = (await store.supporters.findByIdentity(campaign.id, 'telegram', uma.userId))!;
    await store.notifications.enqueue(campaign.id, [
      {
        kind: 'broadcast',
        key: notificationKey('broadcast', 1, supporter.id),
        recipientId: supporter.id,
        dueAt: new Date('2026-12-01T10:00:00Z'),
      },
    ]);
    await h.core.services.supporters.setReachable('telegram', uma.userId, false);
    expect((await store.supporters.findById(campaign.id, supporter.id))?.status).toBe(
      'unreachable',
    );
    const rows = await store.notifications.list(campaign.id, { recipientId: supporter.id });
    expect(rows.map((row) => row.status)).toEqual(['skipped']);

    await h.core.services.supporters.setReachable('telegram', uma.userId, true);
    expect((await store.supporters.findById(campaign.id, supporter.id))?.status).toBe('active');
  });
});
