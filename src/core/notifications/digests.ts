import type { CampaignSchedule } from './scheduled-messages.ts';

/**
 * The digest, on each campaign's `digestCron`: one row per active, consented supporter with
 * reminders on, written as a fan-out (in the background when the campaign is large).
 */
export const digestSchedule: CampaignSchedule = {
  kind: 'digest',
  campaigns: (deps) => deps.store.campaigns.listWithDigest(),
  cron: (campaign) => campaign.digestCron,
  async enqueue({ store, fanOuts }, campaign, occurrence, local) {
    const started = await fanOuts.start(store, campaign.id, {
      kind: 'digest',
      subject: campaign.id,
      occurrence: local,
      audience: { reachable: true },
      dueAt: occurrence,
    });
    fanOuts.afterCommit(started);
    if (!started.fanOut) return 0;
    return started.fanOut.status === 'done' ? started.fanOut.written : started.total;
  },
};
