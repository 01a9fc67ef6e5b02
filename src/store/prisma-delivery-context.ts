import type { EventStatus } from '../core/events/event.types.ts';
import type { DeliveryContext } from '../core/notifications/delivery.types.ts';
import type { Notification } from '../core/notifications/notification.types.ts';
import type { Identity } from '../core/supporters/supporter.types.ts';
import type { DbClient } from './prisma-client.ts';
import { toIdentity, toSupporter, withTags } from './prisma-supporter.repo.ts';

/**
 * Reads what a dispatcher needs to decide on a batch of rows in four queries, whatever the batch
 * size: the recipients with their identities, the events' start and status, the campaign zones.
 */
export async function loadDeliveryContext(
  db: DbClient,
  rows: Notification[],
): Promise<DeliveryContext> {
  const supporterIds = distinct(rows.map((row) => row.recipientId));
  const [supporters, identities, events, campaigns] = await Promise.all([
    db.supporter.findMany({ where: { id: { in: supporterIds } }, include: withTags }),
    db.identity.findMany({ where: { supporterId: { in: supporterIds } } }),
    db.event.findMany({
      where: { id: { in: distinct(rows.map((row) => row.eventId)) } },
      select: { id: true, startsAt: true, status: true },
    }),
    db.campaign.findMany({
      where: { id: { in: distinct(rows.map((row) => row.campaignId)) } },
      select: { id: true, timezone: true },
    }),
  ]);
  const bySupporter = new Map<number, Identity[]>();
  for (const row of identities) {
    const list = bySupporter.get(row.supporterId) ?? [];
    list.push(toIdentity(row));
    bySupporter.set(row.supporterId, list);
  }
  return {
    supporters: new Map(supporters.map((row) => [row.id, toSupporter(row)])),
    identities: bySupporter,
    events: new Map(
      events.map((row) => [row.id, { startsAt: row.startsAt, status: row.status as EventStatus }]),
    ),
    zones: new Map(campaigns.map((row) => [row.id, row.timezone])),
  };
}

function distinct(values: (number | null)[]): number[] {
  return [...new Set(values)].filter((value): value is number => value !== null);
}
