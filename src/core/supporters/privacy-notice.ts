import type { Campaign } from '../campaigns/campaign.types.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Reply } from '../interaction/reply.ts';

/**
 * The privacy notice of a campaign with its "I agree" button (`/join agree:on`, with the invite
 * code when the button must name the campaign, as in a direct message).
 */
export function privacyNotice(
  t: Translator,
  campaign: Pick<Campaign, 'name' | 'inviteCode'>,
  platform: string,
  withCode: boolean,
): Pick<Reply, 'blocks' | 'buttons'> {
  const args = { agree: 'on', ...(withCode && { code: campaign.inviteCode }) };
  return {
    blocks: [
      t('join.notice_title', { campaign: campaign.name }),
      t('join.notice_stored', { platform }),
      t('join.notice_why'),
      t('join.notice_rights'),
    ],
    buttons: [
      [{ label: t('join.agree_button'), action: { command: 'join', args }, style: 'primary' }],
    ],
  };
}
