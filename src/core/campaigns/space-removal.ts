import type { CoreDeps } from '../deps.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import type { ChatSpace, SpacePlatform } from './campaign.types.ts';
import { campaignOrganizers } from './organizers.ts';

/**
 * The bot was removed from a guild or group: the space is no longer bound to its campaign, and
 * the campaign's organizers are told privately (through the outbox, so they hear it even when
 * the removal came while nobody was writing). Nothing happens for a space that was not bound.
 */
export function forgetRemovedSpace(
  deps: CoreDeps,
  platform: SpacePlatform,
  externalId: string,
): Promise<ChatSpace | null> {
  return deps.store.transaction(async (store) => {
    const space = await store.campaigns.unbindSpace(platform, externalId);
    if (!space) return null;
    const now = deps.clock.now();
    const recipients = await campaignOrganizers({ ...deps, store }, space.campaignId);
    await store.notifications.enqueue(
      space.campaignId,
      recipients.map((recipientId) => ({
        kind: 'space_removed',
        // A space may be bound and removed again: each removal is its own occurrence.
        key: notificationKey(
          'space_removed',
          `${platform}:${externalId}`,
          recipientId,
          now.getTime(),
        ),
        recipientId,
        dueAt: now,
        payload: { platform, title: space.title ?? externalId },
      })),
    );
    return space;
  });
}
