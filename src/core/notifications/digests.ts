import type { CampaignSchedule } from './scheduled-messages.ts';

/**
 * The digest, on each campaign's `digestCron`: one row per active, consented supporter with
 * reminders on.
 */
export const digestSchedule: CampaignSchedule = {
  kind: 'digest',
  campaigns: (deps) => deps.store.campaigns.listWithDigest(),
  cron: (campaign) => campaign.digestCron,
  async recipients(deps, campaign) {
    const supporters = await deps.store.supporters.list(campaign.id, {
      status: ['active'],
      consented: true,
    });
    return supporters.filter((supporter) => supporter.remindersEnabled).map((s) => s.id);
  },
};
