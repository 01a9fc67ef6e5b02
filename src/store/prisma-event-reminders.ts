import type { NewNotification } from '../core/notifications/notification.types.ts';
import type { DbClient } from './prisma-client.ts';
import { PrismaNotificationRepo } from './prisma-notification.repo.ts';

/**
 * Makes an event's reminder rows (of one recipient, or everyone's) match `rows`, inside the
 * caller's transaction: missing rows are queued, pending or skipped ones become pending at their
 * new due time, sent or failed ones stay, and pending rows no longer wanted are skipped.
 */
export async function syncReminderRows(
  tx: DbClient,
  where: { campaignId: number; eventId: number; recipientId?: number },
  rows: NewNotification[],
  reason: string,
): Promise<void> {
  const { campaignId, eventId, recipientId } = where;
  const existing = await tx.notification.findMany({
    where: {
      campaignId,
      eventId,
      kind: 'event_reminder',
      ...(recipientId !== undefined && { recipientId }),
    },
  });
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const wanted = new Set(rows.map((row) => row.key));
  await new PrismaNotificationRepo(tx).enqueue(
    campaignId,
    rows.filter((row) => !byKey.has(row.key)),
  );
  for (const row of rows) {
    const found = byKey.get(row.key);
    // Sent or failed reminders stay as they are: nobody is reminded twice.
    if (!found || (found.status !== 'pending' && found.status !== 'skipped')) continue;
    await tx.notification.update({
      where: { id: found.id },
      data: {
        status: 'pending',
        dueAt: row.dueAt,
        payload: JSON.stringify(row.payload ?? {}),
        lastError: null,
      },
    });
  }
  const stale = existing.filter((row) => row.status === 'pending' && !wanted.has(row.key));
  if (stale.length > 0) {
    await tx.notification.updateMany({
      where: { id: { in: stale.map((row) => row.id) }, status: 'pending' },
      data: { status: 'skipped', lastError: reason },
    });
  }
}
