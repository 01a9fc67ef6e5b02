import type { CoreDeps } from '../deps.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import type { ChatSpace, SpacePlatform } from './campaign.types.ts';
import { campaignOrganizers } from './organizers.ts';

/**
 * A group became another chat (Telegram gives a group a new id when it becomes a supergroup, as
 * when topics are turned on): its binding and settings follow it, announcements back in its main
 * chat since the old topics are gone. Nothing happens for a group that was not bound.
 */
export function moveSpace(
  deps: CoreDeps,
  platform: SpacePlatform,
  from: string,
  to: string,
): Promise<ChatSpace | null> {
  return deps.store.transaction(async (store) => {
    const space = await store.campaigns.unbindSpace(platform, from);
    if (!space) return null;
    const { title, organizerRoleId, announceChannelId, pingRoleId } = space;
    return store.campaigns.bindSpace(space.campaignId, platform, to, {
      title,
      organizerRoleId,
      announceChannelId,
      pingRoleId,
      announceTopicId: null,
    });
  });
}

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
