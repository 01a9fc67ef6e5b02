import type { CoreDeps } from '../deps.ts';

/**
 * A person blocked (`reachable` false) or unblocked the bot on a platform, in every campaign
 * where that account is known. Blocked: the identity is skipped at once by deliveries; a
 * supporter left with no reachable identity becomes `unreachable` and their pending messages are
 * skipped, as when a delivery finds them unreachable. Unblocked: the identity is reachable again
 * and an unreachable supporter active again (writing to the bot does the same).
 */
export function setAccountReachable(
  deps: Pick<CoreDeps, 'store'>,
  platform: string,
  externalId: string,
  reachable: boolean,
): Promise<void> {
  return deps.store.transaction(async (store) => {
    const changed = await store.supporters.setAccountReachable(platform, externalId, reachable);
    for (const { campaignId, supporterId } of changed) {
      const supporter = await store.supporters.findById(campaignId, supporterId);
      if (!supporter) continue;
      if (reachable) {
        if (supporter.status === 'unreachable') {
          await store.supporters.update(campaignId, supporterId, { status: 'active' });
        }
        continue;
      }
      const identities = await store.supporters.identities(campaignId, supporterId);
      if (supporter.status !== 'active' || identities.some((identity) => !identity.unreachable)) {
        continue;
      }
      await store.supporters.update(campaignId, supporterId, { status: 'unreachable' });
      await store.notifications.skipPending(
        campaignId,
        { recipientId: supporterId },
        'recipient unreachable',
      );
    }
  });
}
