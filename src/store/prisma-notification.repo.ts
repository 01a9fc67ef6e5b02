import { z } from 'zod';
import type {
  ClaimRequest,
  DeliveryContext,
  Settlement,
} from '../core/notifications/delivery.types.ts';
import type {
  NewNotification,
  Notification,
  NotificationKind,
  NotificationStatus,
} from '../core/notifications/notification.types.ts';
import type { NotificationRepo } from '../core/ports.ts';
import type { Notification as NotificationRow } from '../generated/sqlite/client.ts';
import { type DbClient, isUniqueViolation } from './prisma-client.ts';
import { loadDeliveryContext } from './prisma-delivery-context.ts';
import {
  claimDueIds,
  extendClaims,
  markSentClaims,
  releaseClaims,
  settleClaim,
} from './prisma-notification-claims.ts';

const payloadSchema = z.record(z.string(), z.unknown());

/** The outbox of messages to supporters, and the leases dispatchers take on its rows. */
export class PrismaNotificationRepo implements NotificationRepo {
  constructor(private readonly db: DbClient) {}

  async enqueue(campaignId: number, rows: NewNotification[]): Promise<number> {
    if (rows.length === 0) return 0;
    const existing = await this.db.notification.findMany({
      where: { key: { in: rows.map((row) => row.key) } },
      select: { key: true },
    });
    const taken = new Set(existing.map((row) => row.key));
    const fresh = [
      ...new Map(rows.filter((r) => !taken.has(r.key)).map((r) => [r.key, r])).values(),
    ];
    const data = fresh.map((row) => toData(campaignId, row));
    try {
      return (await this.db.notification.createMany({ data })).count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another writer queued some of the same keys meanwhile: keep theirs, add the rest.
      let created = 0;
      for (const row of data) created += (await this.createUnlessPresent(row)) ? 1 : 0;
      return created;
    }
  }

  async findByKey(campaignId: number, key: string): Promise<Notification | null> {
    const row = await this.db.notification.findFirst({ where: { campaignId, key } });
    return row && toNotification(row);
  }

  async list(
    campaignId: number,
    filter: { recipientId?: number; eventId?: number; status?: NotificationStatus[] },
  ): Promise<Notification[]> {
    const rows = await this.db.notification.findMany({
      where: {
        campaignId,
        ...(filter.recipientId !== undefined && { recipientId: filter.recipientId }),
        ...(filter.eventId !== undefined && { eventId: filter.eventId }),
        ...(filter.status && { status: { in: filter.status } }),
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toNotification);
  }

  async skipPending(
    campaignId: number,
    filter: { recipientId?: number; eventId?: number; taskId?: number; kinds?: string[] },
    reason: string,
  ): Promise<number> {
    const result = await this.db.notification.updateMany({
      where: {
        campaignId,
        status: 'pending',
        ...(filter.recipientId !== undefined && { recipientId: filter.recipientId }),
        ...(filter.eventId !== undefined && { eventId: filter.eventId }),
        ...(filter.taskId !== undefined && { taskId: filter.taskId }),
        ...(filter.kinds && { kind: { in: filter.kinds } }),
      },
      data: { status: 'skipped', lastError: reason },
    });
    return result.count;
  }

  async claimDue(request: ClaimRequest): Promise<Notification[]> {
    const ids = await claimDueIds(this.db, request);
    if (ids.length === 0) return [];
    const rows = await this.db.notification.findMany({
      where: { id: { in: ids } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toNotification);
  }

  deliveryContext(rows: Notification[]): Promise<DeliveryContext> {
    return loadDeliveryContext(this.db, rows);
  }

  settle(id: number, workerId: string, outcome: Settlement): Promise<boolean> {
    return settleClaim(this.db, id, workerId, outcome);
  }

  markSent(ids: number[], workerId: string, at: Date): Promise<number[]> {
    return markSentClaims(this.db, ids, workerId, at);
  }

  extendLeases(ids: number[], workerId: string, until: Date): Promise<number[]> {
    return extendClaims(this.db, ids, workerId, until);
  }

  release(ids: number[], workerId: string): Promise<number> {
    return releaseClaims(this.db, ids, workerId);
  }

  countDue(now: Date): Promise<number> {
    return this.db.notification.count({ where: { status: 'pending', dueAt: { lte: now } } });
  }

  private async createUnlessPresent(data: ReturnType<typeof toData>): Promise<boolean> {
    try {
      await this.db.notification.create({ data });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

function toData(campaignId: number, row: NewNotification) {
  return {
    campaignId,
    kind: row.kind,
    key: row.key,
    recipientId: row.recipientId,
    dueAt: row.dueAt,
    eventId: row.eventId ?? null,
    taskId: row.taskId ?? null,
    broadcastId: row.broadcastId ?? null,
    payload: JSON.stringify(row.payload ?? {}),
  };
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    campaignId: row.campaignId,
    kind: row.kind as NotificationKind,
    key: row.key,
    recipientId: row.recipientId,
    eventId: row.eventId,
    taskId: row.taskId,
    broadcastId: row.broadcastId,
    payload: payloadSchema.parse(JSON.parse(row.payload)),
    dueAt: row.dueAt,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt,
  };
}
