import { campaignOrganizers } from '../campaigns/organizers.ts';
import type { NewNotification } from '../notifications/notification.types.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import type { CampaignSchedule } from '../notifications/scheduled-messages.ts';

/**
 * The organizers' report, on each campaign's `reportCron`: one row per organizer or admin the
 * assistant knows in the campaign (promoted with `/organizer add`, made admin, listed in
 * ADMIN_IDS, or the console's user).
 */
export const reportSchedule: CampaignSchedule = {
  kind: 'organizer_report',
  campaigns: (deps) => deps.store.campaigns.listWithReport(),
  cron: (campaign) => campaign.reportCron,
  async enqueue(deps, campaign, occurrence, local) {
    const recipients = await campaignOrganizers(deps, campaign.id);
    const rows: NewNotification[] = recipients.map((recipientId) => ({
      kind: 'organizer_report',
      key: notificationKey('organizer_report', campaign.id, recipientId, local),
      recipientId,
      dueAt: occurrence,
      payload: {},
    }));
    return deps.store.notifications.enqueue(campaign.id, rows);
  },
};
