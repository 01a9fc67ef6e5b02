import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import { formatAudience, recipientsOf } from './audience.ts';
import type { Audience, Broadcast } from './broadcast.types.ts';

/** A broadcast as an organizer asks for it. */
export interface BroadcastInput {
  message: string;
  audience: Audience;
  /** When to deliver; now when absent. */
  sendAt?: Date;
  /** The organizer sending it, when they are a supporter of the campaign. */
  actorId: number | null;
}

/** Broadcasts: one message from the organizers, queued for every supporter in an audience. */
export class BroadcastsService {
  constructor(private readonly deps: CoreDeps) {}

  /**
   * Writes the broadcast, one `broadcast` outbox row per recipient (due at `sendAt`) and an
   * audit entry, all or nothing. Raises `broadcast.no_recipients` rather than queue nothing.
   */
  send(campaignId: number, input: BroadcastInput): Promise<Broadcast> {
    const sendAt = input.sendAt ?? this.deps.clock.now();
    return this.deps.store.transaction(async (store) => {
      const { audience, recipients } = await recipientsOf(store, campaignId, input.audience);
      const written = formatAudience(audience);
      if (recipients.length === 0) {
        throw new DomainError('BROADCAST_NO_RECIPIENTS', { audience: written });
      }
      const broadcast = await store.broadcasts.create(campaignId, {
        message: input.message,
        audience: written,
        sendAt,
        queuedCount: recipients.length,
        createdById: input.actorId,
      });
      await store.notifications.enqueue(
        campaignId,
        recipients.map((recipientId) => ({
          kind: 'broadcast' as const,
          key: notificationKey('broadcast', broadcast.id, recipientId),
          recipientId,
          dueAt: sendAt,
          broadcastId: broadcast.id,
          payload: {},
        })),
      );
      await store.privacy.audit(
        campaignId,
        input.actorId,
        'broadcast',
        `#${broadcast.id} to ${written}: ${recipients.length} recipients at ${sendAt.toISOString()}`,
      );
      return broadcast;
    });
  }

  /** A broadcast of the campaign, for the dispatcher to read its message. */
  findById(campaignId: number, id: number): Promise<Broadcast | null> {
    return this.deps.store.broadcasts.findById(campaignId, id);
  }
}
