import type { Broadcast, NewBroadcast } from '../core/broadcasts/broadcast.types.ts';
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
}
