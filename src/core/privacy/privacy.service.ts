import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { EventsService } from '../events/events.service.ts';
import { recordRsvp } from '../events/rsvp.ts';
import { TasksService } from '../tasks/tasks.service.ts';
import { collectSupporterData, type SupporterExport } from './export.ts';

/** Data rights: a supporter's export of everything stored about them, and its erasure. */
export class PrivacyService {
  constructor(private readonly deps: CoreDeps) {}

  /**
   * Everything stored about a supporter in the campaign, read in one transaction; the export is
   * noted in their consent log. Null when the campaign holds no such supporter.
   */
  exportData(campaign: Campaign, supporterId: number): Promise<SupporterExport | null> {
    const { store, clock } = this.deps;
    return store.transaction(async (tx) => {
      const data = await collectSupporterData(tx, campaign, supporterId, clock.now());
      if (data) {
        const version = data.profile.policyVersion;
        await tx.privacy.recordConsent(campaign.id, supporterId, 'exported', version);
      }
      return data;
    });
  }

  /**
   * Erases a supporter's personal data in one transaction. What they held goes back first: their
   * claimed task slots are dropped and their answers to events still ahead become "no" (which
   * hands a seat to the waitlist). The anonymized row keeps the counts (tasks done, attendance);
   * the person is no longer recognised by any platform account. Then the space the erased rows
   * took is cleared (`PrivacyRepo.purgeErased`).
   */
  async erase(campaignId: number, supporterId: number): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const deps = { ...this.deps, store: tx };
      const campaign = await tx.campaigns.findById(campaignId);
      if (!campaign) throw new NotFoundError('campaign', campaignId);
      const tasks = new TasksService(deps);
      for (const held of await tx.tasks.assignments(campaignId, { supporterId })) {
        if (held.status === 'claimed') await tasks.drop(campaignId, held.taskId, supporterId);
      }
      for (const { event } of await new EventsService(deps).mine(campaignId, supporterId)) {
        if (event.startsAt > now) await recordRsvp(deps, campaign, event.id, supporterId, 'no');
      }
      await tx.privacy.erase(campaignId, supporterId, now);
    });
    // The erasure is done and must be reported as done: clearing free space is best effort, and
    // the next erasure (or PostgreSQL's autovacuum) does it again.
    await this.deps.store.privacy.purgeErased().catch(() => undefined);
  }
}
