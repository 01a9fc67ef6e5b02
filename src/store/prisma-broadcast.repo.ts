import type { Broadcast, NewBroadcast } from '../core/broadcasts/broadcast.types.ts';
import type { NotificationStatus } from '../core/notifications/notification.types.ts';
import type { BroadcastRepo } from '../core/ports.ts';
import type { DbClient } from './prisma-client.ts';

/** Organizers' broadcasts: the message text and audience their outbox rows point to. */
export class PrismaBroadcastRepo implements BroadcastRepo {
  constructor(private readonly db: DbClient) {}

  create(campaignId: number, input: NewBroadcast): Promise<Broadcast> {
    return this.db.broadcast.create({ data: { campaignId, ...input } });
  }

  findById(campaignId: number, id: number): Promise<Broadcast | null> {
    return this.db.broadcast.findFirst({ where: { id, campaignId } });
  }

  async deliveryCounts(
    campaignId: number,
    id: number,
  ): Promise<Record<NotificationStatus, number>> {
    const counts = { pending: 0, sent: 0, failed: 0, skipped: 0 };
    const groups = await this.db.notification.groupBy({
      by: ['status'],
      where: { broadcastId: id, campaignId, kind: 'broadcast' },
      _count: { _all: true },
    });
    for (const group of groups) counts[group.status as NotificationStatus] = group._count._all;
    return counts;
  }
}
