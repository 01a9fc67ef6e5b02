export const NOTIFICATION_KINDS = [
  'event_reminder',
  'task_due',
  'task_handout',
  'waitlist_promotion',
  'event_changed',
  'event_cancelled',
  'broadcast',
  'digest',
  'organizer_report',
  'fan_out_done',
  'cover_offer',
  'cover_taken',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One outbox row: a message to one supporter, due at an instant, delivered once. */
export interface Notification {
  id: number;
  campaignId: number;
  kind: NotificationKind;
  /** Unique: kind, subject, recipient and occurrence. */
  key: string;
  recipientId: number;
  eventId: number | null;
  taskId: number | null;
  broadcastId: number | null;
  payload: Record<string, unknown>;
  dueAt: Date;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}

export interface NewNotification {
  kind: NotificationKind;
  key: string;
  recipientId: number;
  dueAt: Date;
  eventId?: number | null;
  taskId?: number | null;
  broadcastId?: number | null;
  payload?: Record<string, unknown>;
}
