import { normalizeTag } from '../core/campaigns/tags.ts';
import { NotFoundError } from '../core/errors.ts';
import type { TaskRepo } from '../core/ports.ts';
import type {
  Assignment,
  AssignmentStatus,
  ClaimOutcome,
  NewTask,
  RosterEntry,
  Task,
  TaskStatus,
} from '../core/tasks/task.types.ts';
import type { Assignment as AssignmentRow, Prisma } from '../generated/sqlite/client.ts';
import { availableTaskIds } from './prisma-available-tasks.ts';
import { atomically, type DbClient, isRecordMissing, isUniqueViolation } from './prisma-client.ts';
import { upsertTag } from './prisma-supporter.repo.ts';

const withTag = { requiredTag: true } satisfies Prisma.TaskInclude;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof withTag }>;

/** Tasks and the assignments of supporters to them. */
export class PrismaTaskRepo implements TaskRepo {
  constructor(private readonly db: DbClient) {}

  create(campaignId: number, input: NewTask): Promise<Task> {
    return atomically(this.db, async (tx) => {
      const tag = input.requiredTag
        ? await upsertTag(tx, campaignId, normalizeTag(input.requiredTag))
        : null;
      const row = await tx.task.create({
        data: {
          campaignId,
          title: input.title,
          description: input.description ?? null,
          link: input.link ?? null,
          dueAt: input.dueAt ?? null,
          slots: input.slots ?? 1,
          points: input.points ?? 0,
          requiredTagId: tag?.id ?? null,
          createdById: input.createdById ?? null,
        },
        include: withTag,
      });
      return toTask(row);
    });
  }

  async findById(campaignId: number, id: number): Promise<Task | null> {
    const row = await this.db.task.findFirst({ where: { id, campaignId }, include: withTag });
    return row && toTask(row);
  }

  async list(campaignId: number, filter: { status?: TaskStatus } = {}): Promise<Task[]> {
    const rows = await this.db.task.findMany({
      where: { campaignId, ...(filter.status && { status: filter.status }) },
      include: withTag,
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    });
    return rows.map(toTask);
  }

  async available(
    campaignId: number,
    supporterId: number,
    now: Date,
    limit: number,
  ): Promise<{ tasks: Task[]; total: number }> {
    const { ids, total } = await availableTaskIds(this.db, campaignId, supporterId, now, limit);
    const rows = await this.db.task.findMany({ where: { id: { in: ids } }, include: withTag });
    const byId = new Map(rows.map((row) => [row.id, toTask(row)]));
    return { tasks: ids.flatMap((id) => byId.get(id) ?? []), total };
  }

  async claim(
    campaignId: number,
    taskId: number,
    supporterId: number,
    at: Date,
  ): Promise<ClaimOutcome> {
    try {
      return await atomically(this.db, (tx) => claimIn(tx, campaignId, taskId, supporterId, at));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent claim by the same supporter won the race: report what it wrote.
      const assignment = await this.db.assignment.findFirst({
        where: { campaignId, taskId, supporterId },
      });
      if (!assignment) throw error;
      return { kind: 'already_claimed', assignment: toAssignment(assignment) };
    }
  }

  async assignments(
    campaignId: number,
    filter: { taskId?: number; supporterId?: number },
  ): Promise<Assignment[]> {
    const rows = await this.db.assignment.findMany({
      where: { campaignId, ...filter },
      orderBy: { id: 'asc' },
    });
    return rows.map(toAssignment);
  }

  async setStatus(campaignId: number, taskId: number, status: TaskStatus, at: Date): Promise<Task> {
    try {
      const row = await this.db.task.update({
        where: { id: taskId, campaignId },
        data: { status, closedAt: status === 'closed' ? at : null },
        include: withTag,
      });
      return toTask(row);
    } catch (error) {
      if (isRecordMissing(error)) throw new NotFoundError('task', taskId);
      throw error;
    }
  }

  finish(
    campaignId: number,
    taskId: number,
    supporterId: number,
    at: Date,
    note: string | null = null,
  ): Promise<Assignment | null> {
    return atomically(this.db, async (tx) => {
      // Conditional on `claimed`, so a double tap marks it done (and awards points) once.
      const done = await tx.assignment.updateMany({
        where: { campaignId, taskId, supporterId, status: 'claimed' },
        data: { status: 'done', doneAt: at, note },
      });
      return done.count === 0 ? null : findAssignment(tx, campaignId, taskId, supporterId);
    });
  }

  drop(
    campaignId: number,
    taskId: number,
    supporterId: number,
    at: Date,
  ): Promise<Assignment | null> {
    return atomically(this.db, async (tx) => {
      const dropped = await tx.assignment.updateMany({
        where: { campaignId, taskId, supporterId, status: 'claimed' },
        data: { status: 'dropped', droppedAt: at },
      });
      if (dropped.count === 0) return null;
      await tx.task.updateMany({
        where: { id: taskId, campaignId, filled: { gt: 0 } },
        data: { filled: { decrement: 1 } },
      });
      return findAssignment(tx, campaignId, taskId, supporterId);
    });
  }

  async roster(campaignId: number, taskIds: number[]): Promise<RosterEntry[]> {
    if (taskIds.length === 0) return [];
    const rows = await this.db.assignment.findMany({
      where: { campaignId, taskId: { in: taskIds }, status: { in: ['claimed', 'done'] } },
      include: {
        supporter: {
          select: {
            displayName: true,
            identities: { where: { username: { not: null } }, select: { username: true } },
          },
        },
      },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({
      ...toAssignment(row),
      displayName: row.supporter.displayName,
      username: row.supporter.identities[0]?.username ?? null,
    }));
  }
}

async function findAssignment(
  tx: DbClient,
  campaignId: number,
  taskId: number,
  supporterId: number,
): Promise<Assignment | null> {
  const row = await tx.assignment.findFirst({ where: { campaignId, taskId, supporterId } });
  return row && toAssignment(row);
}

async function claimIn(
  tx: DbClient,
  campaignId: number,
  taskId: number,
  supporterId: number,
  at: Date,
): Promise<ClaimOutcome> {
  const task = await tx.task.findFirst({ where: { id: taskId, campaignId } });
  if (!task) return { kind: 'not_found' };
  if (task.status !== 'open') return { kind: 'closed' };
  const existing = await tx.assignment.findUnique({
    where: { taskId_supporterId: { taskId, supporterId } },
  });
  if (existing && existing.status !== 'dropped') {
    return { kind: 'already_claimed', assignment: toAssignment(existing) };
  }
  // The slot is taken by one conditional write, so concurrent claims cannot overfill the task.
  const taken = await tx.task.updateMany({
    where: { id: taskId, campaignId, status: 'open', filled: { lt: tx.task.fields.slots } },
    data: { filled: { increment: 1 } },
  });
  if (taken.count === 0) return { kind: 'full' };
  const data = { status: 'claimed', claimedAt: at, doneAt: null, droppedAt: null, note: null };
  const assignment = existing
    ? await tx.assignment.update({ where: { id: existing.id }, data })
    : await tx.assignment.create({ data: { campaignId, taskId, supporterId, ...data } });
  return { kind: 'claimed', assignment: toAssignment(assignment) };
}

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    campaignId: row.campaignId,
    title: row.title,
    description: row.description,
    link: row.link,
    dueAt: row.dueAt,
    slots: row.slots,
    filled: row.filled,
    points: row.points,
    requiredTag: row.requiredTag?.name ?? null,
    status: row.status as TaskStatus,
    createdById: row.createdById,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  };
}

function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    campaignId: row.campaignId,
    taskId: row.taskId,
    supporterId: row.supporterId,
    status: row.status as AssignmentStatus,
    note: row.note,
    claimedAt: row.claimedAt,
    doneAt: row.doneAt,
    droppedAt: row.droppedAt,
  };
}
