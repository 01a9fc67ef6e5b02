import { z } from 'zod';
import type { Store } from '../ports.ts';
import type { Task } from '../tasks/task.types.ts';
import { claimButton, doneDropRow } from '../views/task-replies.ts';
import { type NoticeBody, type NotificationView, shorten } from './content-view.ts';
import type { Notification } from './notification.types.ts';

/** A hand-out shows the start of the description; `/tasks` and the task itself hold the rest. */
const DESCRIPTION_IN_HANDOUT = 500;

// JSON read back from the database: anything but `assigned: true` is an ordinary hand-out.
const handoutPayload = z.object({ assigned: z.boolean().catch(false) }).catch({ assigned: false });

/**
 * The message of a task notice, from the task as it is now; null when the task is gone or the
 * notice no longer applies (a due reminder for a task the supporter finished or dropped, a
 * hand-out of a task that was closed or filled meanwhile).
 */
export async function taskNotice(
  store: Store,
  row: Notification & { kind: 'task_due' | 'task_handout' },
  view: NotificationView,
): Promise<NoticeBody | null> {
  if (row.taskId === null) return null;
  const task = await store.tasks.findById(row.campaignId, row.taskId);
  if (!task) return null;
  if (row.kind === 'task_due') {
    return (await holds(store, task, row.recipientId)) ? dueReminder(view, task) : null;
  }
  if (handoutPayload.parse(row.payload).assigned) return assigned(view, task);
  if (task.status !== 'open' || task.filled >= task.slots) return null;
  return handout(view, task);
}

async function holds(store: Store, task: Task, supporterId: number): Promise<boolean> {
  const assignments = await store.tasks.assignments(task.campaignId, {
    taskId: task.id,
    supporterId,
  });
  return assignments.some((assignment) => assignment.status === 'claimed');
}

function dueReminder(view: NotificationView, task: Task): NoticeBody | null {
  if (!task.dueAt) return null;
  const text = view.t('notification.task_due', {
    id: task.id,
    title: task.title,
    when: view.formatWhen(task.dueAt),
  });
  return { blocks: [text], buttons: [doneDropRow(view, task)] };
}

/** Title, due time, places left, points and link, with a Claim button. */
function handout(view: NotificationView, task: Task): NoticeBody {
  const header = view.t('notification.handout', { id: task.id, title: task.title });
  const places = view.t('notification.places_left', {
    left: task.slots - task.filled,
    slots: task.slots,
  });
  return {
    blocks: [header, ...details(view, task, [places])],
    buttons: [[claimButton(view, task)]],
    ...(task.link && { preview: task.link }),
  };
}

/** A task an organizer gave the supporter: it is theirs already, so Done and Drop. */
function assigned(view: NotificationView, task: Task): NoticeBody {
  const header = view.t('notification.assigned', { id: task.id, title: task.title });
  return {
    blocks: [header, ...details(view, task)],
    buttons: [doneDropRow(view, task)],
    ...(task.link && { preview: task.link }),
  };
}

function details(view: NotificationView, task: Task, extra: string[] = []): string[] {
  const facts = [
    ...(task.dueAt ? [view.t('notification.due_line', { when: view.formatWhen(task.dueAt) })] : []),
    ...extra,
    ...(task.points > 0 ? [view.t('task.line_points', { points: task.points })] : []),
    ...(task.link ? [view.t('task.link', { link: task.link })] : []),
  ];
  const description = task.description?.trim();
  return [
    ...(description ? [shorten(description, DESCRIPTION_IN_HANDOUT)] : []),
    ...(facts.length > 0 ? [facts.join('\n')] : []),
  ];
}
