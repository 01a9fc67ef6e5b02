import { normalizeTag } from '../campaigns/tags.ts';
import type { NewFanOut } from '../notifications/fan-out.types.ts';
import type { NewNotification } from '../notifications/notification.types.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import type { Store } from '../ports.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import type { Task } from './task.types.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Whether the supporter holds the tag a task or shift requires (always true when it requires
 * none).
 */
export function meetsTag(subject: Pick<Task, 'requiredTag'>, supporter: Supporter): boolean {
  if (!subject.requiredTag) return true;
  const wanted = normalizeTag(subject.requiredTag);
  return supporter.tags.some((tag) => normalizeTag(tag) === wanted);
}

/**
 * The hand-out of a new task, due at once (the dispatcher adds the Claim button), to active,
 * consented supporters with reminders on, holding its tag when it requires one; the organizer
 * who created it already knows.
 */
export function handout(task: Task, now: Date): NewFanOut {
  return {
    kind: 'task_handout',
    subject: task.id,
    taskId: task.id,
    dueAt: now,
    audience: {
      reachable: true,
      ...(task.requiredTag && { tag: task.requiredTag.toLocaleLowerCase() }),
      ...(task.createdById !== null && { excludeId: task.createdById }),
    },
  };
}

/**
 * Who a hand-out made again may go to: the hand-out's audience (active, consented supporters
 * with reminders on, holding its tag, not its creator), as a list.
 */
export async function handoutRecipients(
  store: Store,
  campaignId: number,
  task: Task,
): Promise<Supporter[]> {
  const supporters = await store.supporters.list(campaignId, {
    status: ['active'],
    consented: true,
    ...(task.requiredTag && { tag: task.requiredTag }),
  });
  return supporters.filter((s) => s.remindersEnabled && s.id !== task.createdById);
}

/**
 * One hand-out message per recipient, due at once; the dispatcher adds the Claim button. A
 * hand-out made again names its `occurrence`, so it is a new message.
 */
export function handoutRows(
  task: Task,
  recipients: Supporter[],
  now: Date,
  occurrence?: string,
): NewNotification[] {
  return recipients.map((recipient) => ({
    kind: 'task_handout',
    key: notificationKey('task_handout', task.id, recipient.id, occurrence),
    recipientId: recipient.id,
    taskId: task.id,
    dueAt: now,
    payload: {},
  }));
}

/** The message telling a supporter an organizer gave them a task. */
export function assignedRow(task: Task, assigneeId: number, now: Date): NewNotification {
  return {
    kind: 'task_handout',
    key: notificationKey('task_handout', task.id, assigneeId, 'assigned'),
    recipientId: assigneeId,
    taskId: task.id,
    dueAt: now,
    payload: { assigned: true },
  };
}

/**
 * Queues the reminder 24 hours before the task is due (at once when less is left) for a
 * supporter taking it `now`. A supporter who claims the same task again after dropping it gets a
 * fresh row, keyed by the new claim's instant, since the first key is already used.
 */
export async function queueDueReminder(
  store: Store,
  campaignId: number,
  task: Task,
  supporter: Supporter,
  now: Date,
): Promise<void> {
  if (!task.dueAt || task.dueAt.getTime() <= now.getTime() || !supporter.remindersEnabled) return;
  const dayBefore = task.dueAt.getTime() - DAY_MS;
  const row: NewNotification = {
    kind: 'task_due',
    key: notificationKey('task_due', task.id, supporter.id),
    recipientId: supporter.id,
    taskId: task.id,
    dueAt: new Date(Math.max(dayBefore, now.getTime())),
    payload: {},
  };
  if ((await store.notifications.enqueue(campaignId, [row])) > 0) return;
  const key = notificationKey('task_due', task.id, supporter.id, now.getTime());
  await store.notifications.enqueue(campaignId, [{ ...row, key }]);
}

/** Skips the supporter's pending due reminder for a task they finished or dropped. */
export function skipDueReminder(
  store: Store,
  campaignId: number,
  taskId: number,
  supporterId: number,
  reason: string,
): Promise<number> {
  return store.notifications.skipPending(
    campaignId,
    { recipientId: supporterId, taskId, kinds: ['task_due'] },
    reason,
  );
}
