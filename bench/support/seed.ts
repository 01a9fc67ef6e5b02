import type { Platform } from '../../src/core/campaigns/campaign.types.ts';
import { notificationKey } from '../../src/core/notifications/notification-keys.ts';
import type { Database } from '../../src/store/database.ts';

/** Rows per insert, well under SQLite's limit on bound parameters. */
const CHUNK = 500;
/** First chat id of the seeded supporters (each gets its own private chat). */
export const FIRST_CHAT_ID = 700_000_000;

/**
 * One campaign, `count` consenting supporters with an identity each on `platform` (distinct
 * chats), one broadcast and its `count` outbox rows, all due a second before `now`: the shape of
 * a broadcast to the whole campaign, or of a reminder to everyone going to a big event.
 */
export async function seedDueBroadcast(
  db: Database,
  options: {
    count: number;
    platform: Platform;
    now: Date;
    /** The platform user ids (default: distinct numbers from FIRST_CHAT_ID). */
    externalIds?: string[];
    /** Whether the private chat is known (default yes; a Discord DM channel not opened yet: no). */
    chatKnown?: boolean;
  },
): Promise<{ broadcastId: number }> {
  const { client } = db;
  const { count, platform, now } = options;
  const externalId = (n: number) => options.externalIds?.[n] ?? String(FIRST_CHAT_ID + n);
  const campaign = await client.campaign.create({
    data: { name: 'Bench campaign', timezone: 'Europe/Paris', locale: 'en', inviteCode: 'BENCH' },
  });
  const broadcast = await client.broadcast.create({
    data: {
      campaignId: campaign.id,
      message: 'Canvassing tomorrow at 10:00 from the market square. Bring water!',
      audience: 'all',
      sendAt: now,
      queuedCount: count,
    },
  });
  for (let start = 0; start < count; start += CHUNK) {
    const numbers = range(start, Math.min(count, start + CHUNK));
    const supporters = await client.supporter.createManyAndReturn({
      data: numbers.map((n) => ({
        campaignId: campaign.id,
        displayName: `Supporter ${n}`,
        consentAt: now,
        policyVersion: 'bench',
      })),
      select: { id: true },
    });
    await client.identity.createMany({
      data: supporters.map(({ id }, i) => ({
        campaignId: campaign.id,
        supporterId: id,
        platform,
        externalId: externalId(numbers[i]!),
        chatId: options.chatKnown === false ? null : externalId(numbers[i]!),
        lastSeenAt: now,
      })),
    });
    await client.notification.createMany({
      data: supporters.map(({ id }) => ({
        campaignId: campaign.id,
        kind: 'broadcast',
        key: notificationKey('broadcast', broadcast.id, id),
        recipientId: id,
        broadcastId: broadcast.id,
        dueAt: new Date(now.getTime() - 1_000),
      })),
    });
  }
  return { broadcastId: broadcast.id };
}

/** A second wave: the same broadcast's message again to everyone, as new rows due now. */
export async function seedSecondWave(db: Database, broadcastId: number, now: Date): Promise<void> {
  const rows = await db.client.notification.findMany({ where: { broadcastId } });
  await db.client.notification.createMany({
    data: rows.map((row) => ({
      campaignId: row.campaignId,
      kind: row.kind,
      key: `${row.key}:again`,
      recipientId: row.recipientId,
      broadcastId,
      dueAt: new Date(now.getTime() - 1_000),
    })),
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
