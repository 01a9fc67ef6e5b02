import type { AnnouncementCard, CardRepo, NewCard } from '../core/cards/card.types.ts';
import type { AnnouncementCard as CardRow } from '../generated/sqlite/client.ts';
import { type DbClient, isUniqueViolation } from './prisma-client.ts';

/** Announcement cards, each edit made under a lease (compare-and-set on the row). */
export class PrismaCardRepo implements CardRepo {
  constructor(private readonly db: DbClient) {}

  async record(card: NewCard): Promise<void> {
    const { subject, ...rest } = card;
    try {
      await this.db.announcementCard.create({
        data: { ...rest, kind: subject.kind, subjectId: subject.id },
      });
    } catch (error) {
      // The same message recorded twice (a retried post): the first record stands.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async claimDue(
    platform: string,
    lease: { workerId: string; now: Date; until: Date },
    debounceMs: number,
    limit: number,
  ): Promise<AnnouncementCard[]> {
    const editedBefore = new Date(lease.now.getTime() - debounceMs);
    const due = {
      platform,
      dirty: true,
      OR: [{ lastEditAt: null }, { lastEditAt: { lte: editedBefore } }],
      AND: [{ OR: [{ claimedUntil: null }, { claimedUntil: { lte: lease.now } }] }],
    };
    const candidates = await this.db.announcementCard.findMany({
      where: due,
      orderBy: { id: 'asc' },
      take: limit,
    });
    const won: AnnouncementCard[] = [];
    for (const row of candidates) {
      // One conditional update: of several processes, only one sees the card still due.
      const { count } = await this.db.announcementCard.updateMany({
        where: { id: row.id, ...due },
        data: { dirty: false, claimedBy: lease.workerId, claimedUntil: lease.until },
      });
      if (count === 1) won.push(toCard(row));
    }
    return won;
  }

  async settle(id: number, workerId: string, at: Date, renderedHash: string): Promise<void> {
    await this.db.announcementCard.updateMany({
      where: { id, claimedBy: workerId },
      data: { lastEditAt: at, renderedHash, claimedBy: null, claimedUntil: null },
    });
  }

  async release(id: number, workerId: string, at: Date): Promise<void> {
    await this.db.announcementCard.updateMany({
      where: { id, claimedBy: workerId },
      data: { dirty: true, lastEditAt: at, claimedBy: null, claimedUntil: null },
    });
  }

  async remove(id: number): Promise<void> {
    await this.db.announcementCard.deleteMany({ where: { id } });
  }
}

function toCard(row: CardRow): AnnouncementCard {
  return {
    id: row.id,
    campaignId: row.campaignId,
    platform: row.platform,
    chatId: row.chatId,
    threadId: row.threadId,
    messageId: row.messageId,
    subject: { kind: row.kind === 'task' ? 'task' : 'event', id: row.subjectId },
    renderedHash: row.renderedHash,
  };
}
