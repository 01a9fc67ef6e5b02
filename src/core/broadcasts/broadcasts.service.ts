import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import type { FanOut } from '../notifications/fan-out.types.ts';
import type { NotificationStatus } from '../notifications/notification.types.ts';
import { broadcastAudience, formatAudience } from './audience.ts';
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

/** A broadcast just accepted: its audience size, and whether its rows are all written yet. */
export interface SentBroadcast {
  broadcast: Broadcast;
  recipients: number;
  /** True when the rows are still being written in the background. */
  queuing: boolean;
}

/** How far a broadcast got: rows written, and their delivery states. */
export interface BroadcastProgress {
  broadcast: Broadcast;
  fanOut: FanOut | null;
  delivery: Record<NotificationStatus, number>;
}

/** Broadcasts: one message from the organizers, queued for every supporter in an audience. */
export class BroadcastsService {
  constructor(private readonly deps: CoreDeps) {}

  /**
   * Writes the broadcast and an audit entry and begins its fan-out (one `broadcast` outbox row
   * per recipient, due at `sendAt`), all or nothing. A large audience is written in the
   * background after this returns; the organizer is told when it is done. Raises
   * `broadcast.no_recipients` rather than queue nothing.
   */
  async send(campaignId: number, input: BroadcastInput): Promise<SentBroadcast> {
    const { store, clock, fanOuts } = this.deps;
    const sendAt = input.sendAt ?? clock.now();
    const sent = await store.transaction(async (tx) => {
      const { audience, selection } = await broadcastAudience(tx, campaignId, input.audience);
      const written = formatAudience(audience);
      const recipients = await tx.fanOuts.count(campaignId, selection);
      if (recipients === 0) {
        throw new DomainError('BROADCAST_NO_RECIPIENTS', { audience: written });
      }
      const broadcast = await tx.broadcasts.create(campaignId, {
        message: input.message,
        audience: written,
        sendAt,
        queuedCount: recipients,
        createdById: input.actorId,
      });
      const started = await fanOuts.start(
        tx,
        campaignId,
        {
          kind: 'broadcast',
          subject: broadcast.id,
          audience: selection,
          dueAt: sendAt,
          broadcastId: broadcast.id,
          notifyId: input.actorId,
        },
        recipients,
      );
      await tx.privacy.audit(
        campaignId,
        input.actorId,
        'broadcast',
        `#${broadcast.id} to ${written}: ${recipients} recipients at ${sendAt.toISOString()}`,
      );
      return { broadcast, recipients, started };
    });
    fanOuts.afterCommit(sent.started);
    const { broadcast, recipients, started } = sent;
    return { broadcast, recipients, queuing: started.fanOut?.status === 'running' };
  }

  /** A broadcast of the campaign, for the dispatcher to read its message. */
  findById(campaignId: number, id: number): Promise<Broadcast | null> {
    return this.deps.store.broadcasts.findById(campaignId, id);
  }

  /** How far a broadcast of the campaign got; `broadcast.unknown` when there is none. */
  async progress(campaignId: number, id: number): Promise<BroadcastProgress> {
    const { store } = this.deps;
    const broadcast = await store.broadcasts.findById(campaignId, id);
    if (!broadcast) throw new DomainError('BROADCAST_UNKNOWN', { id });
    const [fanOut, delivery] = await Promise.all([
      store.fanOuts.findByBroadcast(campaignId, id),
      store.broadcasts.deliveryCounts(campaignId, id),
    ]);
    return { broadcast, fanOut, delivery };
  }
}
