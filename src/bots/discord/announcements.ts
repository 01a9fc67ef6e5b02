import { type REST, Routes } from 'discord.js';
import type { Log } from '../../core/deps.ts';
import type { Reply } from '../../core/interaction/reply.ts';
import type { CommandRequest } from '../../core/interaction/request.ts';
import type { Services } from '../../core/services.ts';
import { loggableError } from './discord-errors.ts';
import { renderNotice } from './discord-render.ts';

/**
 * Posts what a reply announces (a new event or task) in the announcement channel `/setup
 * channel:` gave the server, pinging the role `/setup ping_role:` chose, if any. Nothing is posted outside servers, without a channel, or when the
 * public reply already appeared in that channel. A failure (channel gone, no access) is logged:
 * the command itself succeeded.
 */
export class Announcer {
  constructor(
    private readonly rest: REST,
    private readonly services: Pick<Services, 'campaigns'>,
    private readonly log: Log,
  ) {}

  async announce(request: CommandRequest, reply: Reply, channelId: string | null): Promise<void> {
    if (!request.space || !reply.announcement) return;
    const { space } = await this.services.campaigns.scopeOf(request);
    const target = space?.announceChannelId;
    if (!target || (target === channelId && !reply.private)) return;
    const notice = renderNotice(reply.announcement.blocks, reply.announcement.buttons);
    const role = space.pingRoleId;
    // Only the role `/setup ping_role:` chose may be pinged; every other mention stays silent.
    const body = role
      ? {
          ...notice,
          content: `<@&${role}>\n${notice.content}`,
          allowed_mentions: { roles: [role] },
        }
      : { ...notice, allowed_mentions: { parse: [] } };
    try {
      await this.rest.post(Routes.channelMessages(target), { body });
    } catch (error) {
      this.log.warn({ err: loggableError(error), channelId: target }, 'announcement not posted');
    }
  }
}
