import type { Locale } from '../campaigns/campaign.types.ts';
import type { MessageParams } from '../i18n/i18n.ts';
import { translate } from '../i18n/i18n.ts';
import type { Reply } from '../interaction/reply.ts';
import { privacyNotice } from '../supporters/privacy-notice.ts';
import type { CommandContext } from './define-command.ts';

/**
 * What someone not registered is told when they use a command (or press a button) for
 * supporters: to join first, then the campaign's privacy notice with its "I agree" button,
 * privately. The button names the campaign, so it works wherever the notice is shown.
 */
export function joinFirst(ctx: CommandContext, locale: Locale, params?: MessageParams): Reply {
  const platform = ctx.platformName(ctx.request.actor.platform);
  const notice = privacyNotice(ctx.t, ctx.campaign, platform, true);
  return {
    blocks: [translate(locale, 'error.join_first', params), ...notice.blocks],
    buttons: notice.buttons,
    private: true,
    locale,
    joinCode: ctx.campaign.inviteCode,
  };
}
