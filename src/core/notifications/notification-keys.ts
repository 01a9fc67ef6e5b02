import type { NotificationKind } from './notification.types.ts';

/**
 * The unique key of an outbox row: kind, subject, recipient and occurrence. Writing the same key
 * twice queues one message, which is what makes "exactly once" possible.
 */
export function notificationKey(
  kind: NotificationKind,
  subject: string | number,
  recipientId: number,
  occurrence: string | number = 0,
): string {
  return `${kind}:${subject}:${recipientId}:${occurrence}`;
}
