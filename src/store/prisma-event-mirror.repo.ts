import type {
  EventMirror,
  MirrorSettlement,
  MirrorState,
} from '../core/events/event-mirror.types.ts';
import type { EventMirrorRepo } from '../core/ports.ts';
import type { EventMirror as EventMirrorRow } from '../generated/sqlite/client.ts';
import { type DbClient, isUniqueViolation } from './prisma-client.ts';

/** Events mirrored on servers' calendars, each change sent under a lease (compare-and-set). */
export class PrismaEventMirrorRepo implements EventMirrorRepo {
  constructor(private readonly db: DbClient) {}

  async listOpen(chatSpaceId: number): Promise<EventMirror[]> {
    const rows = await this.db.eventMirror.findMany({
      where: { chatSpaceId, state: 'scheduled' },
      orderBy: { id: 'asc' },
    });
    return rows.map(toMirror);
  }

  async listOf(chatSpaceId: number, eventIds: readonly number[]): Promise<EventMirror[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.db.eventMirror.findMany({
      where: { chatSpaceId, eventId: { in: [...eventIds] } },
    });
    return rows.map(toMirror);
  }

  async findByExternal(chatSpaceId: number, externalId: string): Promise<EventMirror | null> {
    const row = await this.db.eventMirror.findFirst({ where: { chatSpaceId, externalId } });
    return row && toMirror(row);
  }

  async claim(
    key: { campaignId: number; eventId: number; chatSpaceId: number },
    workerId: string,
    now: Date,
    until: Date,
  ): Promise<EventMirror | null> {
    const where = { eventId_chatSpaceId: { eventId: key.eventId, chatSpaceId: key.chatSpaceId } };
    const existing = await this.db.eventMirror.findUnique({ where });
    if (!existing) {
      try {
        const row = await this.db.eventMirror.create({
          data: { ...key, claimedBy: workerId, claimedUntil: until },
        });
        return toMirror(row);
      } catch (error) {
        // Another process created it in the meantime: it holds the lease.
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    }
    // One conditional update: of several processes, only one sees its lease free.
    const { count } = await this.db.eventMirror.updateMany({
      where: {
        id: existing.id,
        OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }, { claimedBy: workerId }],
        AND: [{ OR: [{ retryAt: null }, { retryAt: { lte: now } }] }],
      },
      data: { claimedBy: workerId, claimedUntil: until },
    });
    if (count !== 1) return null;
    // Read again under the lease: another process may have settled it since the first read.
    const fresh = await this.db.eventMirror.findUnique({ where: { id: existing.id } });
    return fresh && toMirror(fresh);
  }

  async settle(id: number, workerId: string, outcome: MirrorSettlement): Promise<void> {
    await this.db.eventMirror.updateMany({
      where: { id, claimedBy: workerId },
      data: {
        ...outcome,
        attempts: 0,
        lastError: null,
        retryAt: null,
        claimedBy: null,
        claimedUntil: null,
      },
    });
  }

  async fail(id: number, workerId: string, error: string, retryAt: Date): Promise<void> {
    await this.db.eventMirror.updateMany({
      where: { id, claimedBy: workerId },
      data: {
        attempts: { increment: 1 },
        lastError: error.slice(0, 500),
        retryAt,
        claimedBy: null,
        claimedUntil: null,
      },
    });
  }
}

function toMirror(row: EventMirrorRow): EventMirror {
  return {
    id: row.id,
    campaignId: row.campaignId,
    eventId: row.eventId,
    chatSpaceId: row.chatSpaceId,
    externalId: row.externalId,
    syncedHash: row.syncedHash,
    state: row.state as MirrorState,
    attempts: row.attempts,
    retryAt: row.retryAt,
  };
}
