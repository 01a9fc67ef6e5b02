import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import type { Assignment, ClaimOutcome, Task } from './task.types.ts';
import { assignedRow, queueDueReminder } from './task-notifications.ts';

/**
 * Takes a slot of the task for the supporter and schedules what follows, in one transaction:
 * the due reminder, skipping a hand-out still waiting, and, when an organizer `assigned` it, the
 * message telling the supporter.
 */
export function takeSlot(
  deps: CoreDeps,
  campaignId: number,
  task: Task,
  supporter: Supporter,
  assigned = false,
): Promise<ClaimOutcome> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const outcome = await tx.tasks.claim(campaignId, task.id, supporter.id, now);
    if (outcome.kind !== 'claimed') return outcome;
    await queueDueReminder(tx, campaignId, task, supporter, now);
    // A hand-out still waiting would offer a task they already hold.
    await tx.notifications.skipPending(
      campaignId,
      { recipientId: supporter.id, taskId: task.id, kinds: ['task_handout'] },
      'task claimed',
    );
    if (assigned) {
      await tx.notifications.enqueue(campaignId, [assignedRow(task, supporter.id, now)]);
    }
    return outcome;
  });
}

/** The assignment of a successful claim; the other outcomes become the user's sentence. */
export function claimedAssignment(outcome: ClaimOutcome, task: Task): Assignment {
  switch (outcome.kind) {
    case 'claimed':
      return outcome.assignment;
    case 'full':
      throw new DomainError('TASK_FULL', { id: task.id, slots: task.slots });
    case 'closed':
      throw new DomainError('TASK_CLOSED', { id: task.id });
    default:
      throw new NotFoundError('task', task.id);
  }
}
