import type { Campaign } from '../campaigns/campaign.types.ts';
import type { Store } from '../ports.ts';

/** Everything stored about one supporter in one campaign, as `/mydata` hands it over. */
export type SupporterExport = Awaited<ReturnType<typeof collectSupporterData>>;

/**
 * Reads everything stored about a supporter in a campaign: profile, platform accounts, tags, skills,
 * assignments and RSVPs (with what they are about), consent records, messages still to come
 * and organizer actions they took. Null when the campaign holds no such supporter.
 */
export async function collectSupporterData(
  store: Store,
  campaign: Campaign,
  supporterId: number,
  at: Date,
) {
  const campaignId = campaign.id;
  const supporter = await store.supporters.findById(campaignId, supporterId);
  if (!supporter) return null;
  const identities = await store.supporters.identities(campaignId, supporterId);
  const assignments = await store.tasks.assignments(campaignId, { supporterId });
  const rsvps = await store.events.listRsvps(campaignId, { supporterId });
  const standing = await store.series.standingOf(supporterId);
  const consents = await store.privacy.consentLog(campaignId, supporterId);
  const pending = await store.notifications.list(campaignId, {
    recipientId: supporterId,
    status: ['pending'],
  });
  const audit = (await store.privacy.auditLog(campaignId)).filter((e) => e.actorId === supporterId);
  const taskTitles = new Map<number, string>();
  for (const taskId of new Set(assignments.map((a) => a.taskId))) {
    const task = await store.tasks.findById(campaignId, taskId);
    if (task) taskTitles.set(taskId, task.title);
  }
  const events = new Map<number, { title: string; startsAt: Date }>();
  for (const eventId of new Set(rsvps.map((r) => r.eventId))) {
    const event = await store.events.findById(campaignId, eventId);
    if (event) events.set(eventId, event);
  }
  const { tags, skills, ...profile } = supporter;
  return {
    exportedAt: at,
    campaign: { id: campaign.id, name: campaign.name },
    profile,
    identities: identities.map(({ campaignId: _c, supporterId: _s, ...identity }) => identity),
    tags,
    skills,
    assignments: assignments.map(({ campaignId: _c, supporterId: _s, ...a }) => ({
      ...a,
      taskTitle: taskTitles.get(a.taskId) ?? null,
    })),
    rsvps: rsvps.map(({ campaignId: _c, supporterId: _s, ...r }) => ({
      ...r,
      eventTitle: events.get(r.eventId)?.title ?? null,
      eventStartsAt: events.get(r.eventId)?.startsAt ?? null,
    })),
    seriesAnswers: standing.map(({ seriesId, answer, shiftNumber }) => ({
      seriesId,
      answer,
      shiftNumber,
    })),
    consentRecords: consents.map(({ action, policyVersion, at }) => ({
      action,
      policyVersion,
      at,
    })),
    pendingNotifications: pending.map(({ kind, dueAt, taskId, eventId, broadcastId }) => ({
      kind,
      dueAt,
      taskId,
      eventId,
      broadcastId,
    })),
    organizerActions: audit.map(({ action, detail, at }) => ({ action, detail, at })),
  };
}
