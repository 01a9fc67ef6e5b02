import { NotFoundError } from '../core/errors.ts';
import { type LinkCodeUse, ROLES } from '../core/supporters/supporter.types.ts';
import type { Supporter as SupporterRow } from '../generated/sqlite/client.ts';
import { atomically, type DbClient } from './prisma-client.ts';

/** Stores a one-time link code, replacing the supporter's earlier codes. */
export function createLinkCode(
  db: DbClient,
  campaignId: number,
  supporterId: number,
  code: string,
  expiresAt: Date,
): Promise<void> {
  return atomically(db, async (tx) => {
    await tx.linkCode.deleteMany({ where: { campaignId, supporterId } });
    await tx.linkCode.create({ data: { campaignId, supporterId, code, expiresAt } });
  });
}

/** Spends a code if it is unused and unexpired; the conditional update decides races. */
export async function redeemLinkCode(db: DbClient, code: string, at: Date): Promise<LinkCodeUse> {
  const row = await db.linkCode.findUnique({ where: { code } });
  if (!row) return { kind: 'unknown' };
  if (row.usedAt) return { kind: 'used' };
  if (row.expiresAt.getTime() <= at.getTime()) return { kind: 'expired' };
  const spent = await db.linkCode.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: at },
  });
  if (spent.count === 0) return { kind: 'used' };
  return { kind: 'redeemed', campaignId: row.campaignId, supporterId: row.supporterId };
}

const ASSIGNMENT_RANK: Record<string, number> = { dropped: 0, claimed: 1, done: 2 };
const rankOf = (status: string) => ASSIGNMENT_RANK[status] ?? 0;

/**
 * Moves the whole history of supporter `fromId` onto `intoId` and deletes `fromId`, in one
 * transaction. Where both hold a row for the same task or event, one row is kept and the
 * counters kept beside the task or event (filled slots, yes answers, points) are corrected.
 */
export function mergeSupporters(
  db: DbClient,
  campaignId: number,
  intoId: number,
  fromId: number,
): Promise<void> {
  return atomically(db, async (tx) => {
    const into = await tx.supporter.findFirst({ where: { id: intoId, campaignId } });
    const from = await tx.supporter.findFirst({ where: { id: fromId, campaignId } });
    if (!into) throw new NotFoundError('supporter', intoId);
    if (!from) throw new NotFoundError('supporter', fromId);
    const doubleCountedPoints = await moveAssignments(tx, campaignId, intoId, fromId);
    await moveRsvps(tx, campaignId, intoId, fromId);
    await moveTags(tx, campaignId, intoId, fromId);
    const owned = { campaignId, supporterId: fromId };
    const moved = { supporterId: intoId };
    await tx.identity.updateMany({ where: owned, data: moved });
    await tx.consentRecord.updateMany({ where: owned, data: moved });
    await tx.linkCode.updateMany({ where: owned, data: moved });
    await tx.notification.updateMany({
      where: { campaignId, recipientId: fromId },
      data: { recipientId: intoId },
    });
    await tx.auditEntry.updateMany({
      where: { campaignId, actorId: fromId },
      data: { actorId: intoId },
    });
    await tx.event.updateMany({ where: { campaignId, hostId: fromId }, data: { hostId: intoId } });
    const creator = { where: { campaignId, createdById: fromId }, data: { createdById: intoId } };
    await tx.event.updateMany(creator);
    await tx.task.updateMany(creator);
    await tx.broadcast.updateMany(creator);
    await tx.coverRequest.updateMany({
      where: { campaignId, requesterId: fromId },
      data: { requesterId: intoId },
    });
    await tx.supporter.delete({ where: { id: fromId } });
    await tx.supporter.update({
      where: { id: intoId },
      data: mergedProfile(into, from, doubleCountedPoints),
    });
  });
}

/** The kept row's values win; the other row fills what the kept one lacks. */
function mergedProfile(into: SupporterRow, from: SupporterRow, doubleCountedPoints: number) {
  const latest = (s: SupporterRow) => s.consentAt?.getTime() ?? -1;
  const consent = latest(from) > latest(into) ? from : into;
  const lastActive = [into.lastActiveAt, from.lastActiveAt]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const rank = (role: string) => (ROLES as readonly string[]).indexOf(role);
  const role = rank(from.role) < rank(into.role) ? from.role : into.role;
  return {
    displayName: into.displayName ?? from.displayName,
    locale: into.locale ?? from.locale,
    timezone: into.timezone ?? from.timezone,
    quietHours: into.quietHours ?? from.quietHours,
    email: into.email ?? from.email,
    phone: into.phone ?? from.phone,
    notes: into.notes ?? from.notes,
    points: into.points + from.points - doubleCountedPoints,
    role,
    status: [into.status, from.status].includes('active') ? 'active' : into.status,
    consentAt: consent.consentAt,
    policyVersion: consent.policyVersion,
    lastActiveAt: lastActive ?? null,
  };
}

/**
 * Moves assignments; on a task both claimed, the furthest along is kept. Returns the points
 * awarded twice for a task both completed.
 */
async function moveAssignments(
  tx: DbClient,
  campaignId: number,
  intoId: number,
  fromId: number,
): Promise<number> {
  let doubleCounted = 0;
  const rows = await tx.assignment.findMany({ where: { campaignId, supporterId: fromId } });
  for (const row of rows) {
    const clash = await tx.assignment.findUnique({
      where: { taskId_supporterId: { taskId: row.taskId, supporterId: intoId } },
    });
    if (clash) {
      const [kept, dropped] =
        rankOf(row.status) > rankOf(clash.status) ? [row, clash] : [clash, row];
      await tx.assignment.delete({ where: { id: dropped.id } });
      if (dropped.status !== 'dropped') {
        await tx.task.update({ where: { id: row.taskId }, data: { filled: { decrement: 1 } } });
      }
      if (dropped.status === 'done') {
        const task = await tx.task.findUniqueOrThrow({ where: { id: row.taskId } });
        doubleCounted += task.points;
      }
      if (kept.id === clash.id) continue;
    }
    await tx.assignment.update({ where: { id: row.id }, data: { supporterId: intoId } });
  }
  return doubleCounted;
}

/** Moves RSVPs; on an event both answered, the latest answer is kept. */
async function moveRsvps(
  tx: DbClient,
  campaignId: number,
  intoId: number,
  fromId: number,
): Promise<void> {
  const rows = await tx.rsvp.findMany({ where: { campaignId, supporterId: fromId } });
  for (const row of rows) {
    const clash = await tx.rsvp.findUnique({
      where: { eventId_supporterId: { eventId: row.eventId, supporterId: intoId } },
    });
    if (clash) {
      const [kept, dropped] =
        row.updatedAt.getTime() > clash.updatedAt.getTime() ? [row, clash] : [clash, row];
      await tx.rsvp.delete({ where: { id: dropped.id } });
      if (dropped.answer === 'yes') {
        await tx.event.update({ where: { id: row.eventId }, data: { yesCount: { decrement: 1 } } });
      }
      await tx.rsvp.update({
        where: { id: kept.id },
        data: { supporterId: intoId, attendance: kept.attendance ?? dropped.attendance },
      });
      continue;
    }
    await tx.rsvp.update({ where: { id: row.id }, data: { supporterId: intoId } });
  }
}

async function moveTags(
  tx: DbClient,
  campaignId: number,
  intoId: number,
  fromId: number,
): Promise<void> {
  const rows = await tx.supporterTag.findMany({ where: { campaignId, supporterId: fromId } });
  for (const { tagId, granted, declared } of rows) {
    // What either account was given or declared stays given or declared.
    await tx.supporterTag.upsert({
      where: { supporterId_tagId: { supporterId: intoId, tagId } },
      create: { campaignId, supporterId: intoId, tagId, granted, declared },
      update: { ...(granted && { granted }), ...(declared && { declared }) },
    });
  }
  await tx.supporterTag.deleteMany({ where: { campaignId, supporterId: fromId } });
}
