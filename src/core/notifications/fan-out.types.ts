import type { RsvpAnswer } from '../events/event.types.ts';
import type { NotificationKind } from './notification.types.ts';

/**
 * Who the rows of a fan-out go to, as the database can select them: never a list of people, so
 * an audience of any size costs the process nothing.
 */
export interface FanOutAudience {
  /**
   * Only registered (consented), active supporters with reminders on: broadcasts, hand-outs and
   * digests. Event notices go to everyone who answered; delivery skips who cannot have them.
   */
  reachable: boolean;
  /** Only holders of this tag (its stored, lower-case name). */
  tag?: string;
  /** Only people whose answer to this event is one of `answers`. */
  event?: { id: number; answers: readonly RsvpAnswer[] };
  /** Left out: the organizer who created a task already knows it. */
  excludeId?: number;
}

/** One outbox row per member of an audience, keyed `kind:subject:recipient:occurrence`. */
export interface NewFanOut {
  kind: NotificationKind;
  subject: string | number;
  occurrence?: string | number;
  audience: FanOutAudience;
  dueAt: Date;
  eventId?: number | null;
  taskId?: number | null;
  broadcastId?: number | null;
  payload?: Record<string, unknown>;
  /** Supporter told "queued N" when the rows are written (the organizer of a broadcast). */
  notifyId?: number | null;
}

export type FanOutStatus = 'running' | 'done';

/** A fan-out and how far it got. */
export interface FanOut {
  id: number;
  campaignId: number;
  kind: NotificationKind;
  broadcastId: number | null;
  notifyId: number | null;
  /** Audience size when it began. */
  total: number;
  /** Rows written so far. */
  written: number;
  status: FanOutStatus;
  createdAt: Date;
  doneAt: Date | null;
}

/** What one bounded chunk did; `null` from the repository when the lease was lost. */
export interface FanOutChunk {
  written: number;
  done: boolean;
}
