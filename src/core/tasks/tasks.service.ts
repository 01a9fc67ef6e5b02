import type { CoreDeps } from '../deps.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import type { Assignment, NewTask, RosterEntry, Task } from './task.types.ts';
import { claimedAssignment, takeSlot } from './task-claims.ts';
import {
  handout,
  handoutRecipients,
  handoutRows,
  meetsTag,
  skipDueReminder,
} from './task-notifications.ts';

const ROSTER_BATCH = 500;

/** A task with the caller's assignment on it. */
export interface HeldTask {
  task: Task;
  assignment: Assignment;
}

/** What finishing a task earned. */
export interface FinishedTask extends HeldTask {
  /** The supporter's points after the award. */
  total: number;
}

/**
 * Tasks: creating and handing them out, claiming, finishing and dropping them, and the
 * listings volunteers and organizers see.
 */
export class TasksService {
  constructor(private readonly deps: CoreDeps) {}

  /** Creates a task and, when `notify` is on, queues a hand-out message to everyone it fits. */
  async create(
    campaignId: number,
    input: NewTask,
    notify: boolean,
  ): Promise<{ task: Task; notified: number }> {
    const { store, clock, fanOuts } = this.deps;
    const now = clock.now();
    const created = await store.transaction(async (tx) => {
      const task = await tx.tasks.create(campaignId, input);
      const started = notify ? await fanOuts.start(tx, campaignId, handout(task, now)) : null;
      return { task, started };
    });
    if (created.started) fanOuts.afterCommit(created.started);
    return { task: created.task, notified: created.started?.total ?? 0 };
  }

  /** A task of the campaign, or TASK_NOT_FOUND. */
  async get(campaignId: number, taskId: number): Promise<Task> {
    const task = await this.deps.store.tasks.findById(campaignId, taskId);
    if (!task) throw new NotFoundError('task', taskId);
    return task;
  }

  /**
   * Open tasks the supporter can take, best first (soonest due, then oldest): not full, not
   * already theirs, not past due, and holding the required tag.
   */
  async available(campaignId: number, supporter: Supporter): Promise<Task[]> {
    const { store, clock } = this.deps;
    const now = clock.now().getTime();
    const [open, held] = await Promise.all([
      store.tasks.list(campaignId, { status: 'open' }),
      store.tasks.assignments(campaignId, { supporterId: supporter.id }),
    ]);
    const mine = new Set(held.filter((a) => a.status !== 'dropped').map((a) => a.taskId));
    return open.filter(
      (task) =>
        task.filled < task.slots &&
        !mine.has(task.id) &&
        (!task.dueAt || task.dueAt.getTime() > now) &&
        meetsTag(task, supporter),
    );
  }

  /** The first `limit` tasks the supporter can take, and how many there are in all. */
  availablePage(
    campaignId: number,
    supporter: Supporter,
    limit: number,
  ): Promise<{ tasks: Task[]; total: number }> {
    return this.deps.store.tasks.available(campaignId, supporter.id, this.deps.clock.now(), limit);
  }

  /** The single best task for the supporter, or null when there is none. */
  async next(campaignId: number, supporter: Supporter): Promise<Task | null> {
    return (await this.availablePage(campaignId, supporter, 1)).tasks[0] ?? null;
  }

  /** Takes a slot of the task for the supporter; refuses full, closed and tag-restricted tasks. */
  async claim(campaignId: number, taskId: number, supporter: Supporter): Promise<HeldTask> {
    const task = await this.get(campaignId, taskId);
    if (!meetsTag(task, supporter)) {
      throw new DomainError('TASK_TAG_REQUIRED', { id: task.id, tag: task.requiredTag ?? '' });
    }
    const outcome = await takeSlot(this.deps, campaignId, task, supporter);
    if (outcome.kind === 'already_claimed') {
      const code =
        outcome.assignment.status === 'done' ? 'TASK_ALREADY_DONE' : 'TASK_ALREADY_CLAIMED';
      throw new DomainError(code, { id: task.id });
    }
    return { task, assignment: claimedAssignment(outcome, task) };
  }

  /**
   * An organizer gives the task to a supporter, under the same slot rules as a claim (the tag
   * is the organizer's call); the supporter is told in a direct message.
   */
  async assign(campaignId: number, taskId: number, assignee: Supporter): Promise<HeldTask> {
    const task = await this.get(campaignId, taskId);
    const outcome = await takeSlot(this.deps, campaignId, task, assignee, true);
    if (outcome.kind === 'already_claimed') {
      const code =
        outcome.assignment.status === 'done' ? 'TASK_ASSIGNEE_DONE' : 'TASK_ASSIGNEE_HOLDS';
      throw new DomainError(code, { id: task.id });
    }
    return { task, assignment: claimedAssignment(outcome, task) };
  }

  /** Marks the supporter's claim done and awards the task's points, once. */
  async finish(
    campaignId: number,
    taskId: number,
    supporterId: number,
    note?: string,
  ): Promise<FinishedTask> {
    const { store, clock } = this.deps;
    const task = await this.get(campaignId, taskId);
    const assignment = await store.transaction(async (tx) => {
      const done = await tx.tasks.finish(campaignId, taskId, supporterId, clock.now(), note);
      if (!done) return null;
      if (task.points > 0) await tx.supporters.addPoints(campaignId, supporterId, task.points);
      await skipDueReminder(tx, campaignId, taskId, supporterId, 'task done');
      return done;
    });
    if (!assignment) throw await this.notHeld(campaignId, taskId, supporterId);
    const supporter = await store.supporters.findById(campaignId, supporterId);
    return { task, assignment, total: supporter?.points ?? 0 };
  }

  /** Gives the supporter's slot back so someone else can take it. */
  async drop(campaignId: number, taskId: number, supporterId: number): Promise<HeldTask> {
    const { store, clock } = this.deps;
    const task = await this.get(campaignId, taskId);
    const assignment = await store.transaction(async (tx) => {
      const dropped = await tx.tasks.drop(campaignId, taskId, supporterId, clock.now());
      if (dropped) await skipDueReminder(tx, campaignId, taskId, supporterId, 'task dropped');
      return dropped;
    });
    if (!assignment) throw await this.notHeld(campaignId, taskId, supporterId);
    return { task, assignment };
  }

  /** The supporter's claimed and done tasks: claimed first by due time, then done, latest first. */
  async mine(campaignId: number, supporterId: number): Promise<HeldTask[]> {
    const { store } = this.deps;
    const [tasks, held] = await Promise.all([
      store.tasks.list(campaignId),
      store.tasks.assignments(campaignId, { supporterId }),
    ]);
    const byId = new Map(held.map((a) => [a.taskId, a]));
    const rows = tasks.flatMap((task) => {
      const assignment = byId.get(task.id);
      return assignment && assignment.status !== 'dropped' ? [{ task, assignment }] : [];
    });
    const done = (row: HeldTask) => row.assignment.doneAt?.getTime() ?? 0;
    return [
      ...rows.filter((row) => row.assignment.status === 'claimed'),
      ...rows.filter((row) => row.assignment.status === 'done').sort((a, b) => done(b) - done(a)),
    ];
  }

  /** Closes a task to new claims; pending hand-outs and due reminders for it are skipped. */
  async close(campaignId: number, taskId: number): Promise<{ task: Task; wasOpen: boolean }> {
    const { store, clock } = this.deps;
    const task = await this.get(campaignId, taskId);
    if (task.status === 'closed') return { task, wasOpen: false };
    const closed = await store.transaction(async (tx) => {
      const updated = await tx.tasks.setStatus(campaignId, taskId, 'closed', clock.now());
      await tx.notifications.skipPending(
        campaignId,
        { taskId, kinds: ['task_handout', 'task_due'] },
        'task closed',
      );
      return updated;
    });
    return { task: closed, wasOpen: true };
  }

  /**
   * Hands an open task that still has free places out again: the volunteers it fits who hold no
   * claim on it get the hand-out message once more (at most once a day each).
   */
  async handOutAgain(
    campaignId: number,
    taskId: number,
  ): Promise<{ task: Task; notified: number }> {
    const { store, clock } = this.deps;
    const task = await this.get(campaignId, taskId);
    if (task.status === 'closed') throw new DomainError('TASK_CLOSED', { id: task.id });
    if (task.filled >= task.slots) {
      throw new DomainError('TASK_FULL', { id: task.id, slots: task.slots });
    }
    const now = clock.now();
    const [recipients, assignments] = await Promise.all([
      handoutRecipients(store, campaignId, task),
      store.tasks.assignments(campaignId, { taskId }),
    ]);
    const holders = new Set(
      assignments.filter((a) => a.status !== 'dropped').map((a) => a.supporterId),
    );
    const fresh = recipients.filter((recipient) => !holders.has(recipient.id));
    const day = `again:${now.toISOString().slice(0, 10)}`;
    const notified = await store.notifications.enqueue(
      campaignId,
      handoutRows(task, fresh, now, day),
    );
    return { task, notified };
  }

  /** Every task, open ones first, with who claimed or finished it. */
  async overview(campaignId: number): Promise<{ task: Task; roster: RosterEntry[] }[]> {
    const { store } = this.deps;
    const tasks = await store.tasks.list(campaignId);
    // A few hundred tasks per query: an id list must stay within the database's parameter limit.
    const roster: RosterEntry[] = [];
    for (let from = 0; from < tasks.length; from += ROSTER_BATCH) {
      const ids = tasks.slice(from, from + ROSTER_BATCH).map((task) => task.id);
      roster.push(...(await store.tasks.roster(campaignId, ids)));
    }
    const ordered = [
      ...tasks.filter((task) => task.status === 'open'),
      ...tasks.filter((task) => task.status === 'closed').reverse(),
    ];
    const byTask = new Map<number, RosterEntry[]>();
    for (const entry of roster)
      byTask.set(entry.taskId, [...(byTask.get(entry.taskId) ?? []), entry]);
    return ordered.map((task) => ({ task, roster: byTask.get(task.id) ?? [] }));
  }

  private async notHeld(campaignId: number, taskId: number, supporterId: number) {
    const [held] = await this.deps.store.tasks.assignments(campaignId, { taskId, supporterId });
    const code = held?.status === 'done' ? 'TASK_ALREADY_DONE' : 'TASK_NOT_CLAIMED';
    return new DomainError(code, { id: taskId });
  }
}
