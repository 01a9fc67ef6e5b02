import type { ChatMemberUpdated } from 'grammy/types';
import type { Core } from '../../core/core.ts';
import type { Log } from '../../core/deps.ts';
import { isGroup } from './telegram-request.ts';

/**
 * What Telegram tells about the bot's own membership (`my_chat_member`). In a private chat,
 * `kicked` means the person blocked the bot: they are unreachable at once; `member` means they
 * unblocked it. In a group, `left` or `kicked` means the bot was removed: the group is no longer
 * bound to its campaign, and the campaign's organizers are told privately.
 */
export async function onOwnMembership(
  core: Pick<Core, 'services'>,
  update: ChatMemberUpdated,
  log: Log,
): Promise<void> {
  const { chat } = update;
  const status = update.new_chat_member.status;
  const gone = status === 'kicked' || status === 'left';
  if (chat.type === 'private') {
    if (!gone && status !== 'member') return;
    await core.services.supporters.setReachable('telegram', String(chat.id), !gone);
    log.info(
      { reachable: !gone },
      gone ? 'telegram user blocked the bot' : 'telegram user unblocked the bot',
    );
    return;
  }
  if (!isGroup(chat) || !gone) return;
  const space = await core.services.campaigns.removedFrom('telegram', String(chat.id));
  if (space) log.info({ chatId: chat.id, campaignId: space.campaignId }, 'telegram group unbound');
}
