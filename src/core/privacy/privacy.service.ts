import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
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
   * Erases a supporter's personal data in one transaction. The anonymized row keeps the counts
   * (tasks done, attendance); the person is no longer recognised by any platform account.
   */
  erase(campaignId: number, supporterId: number): Promise<void> {
    return this.deps.store.privacy.erase(campaignId, supporterId, this.deps.clock.now());
  }
}
