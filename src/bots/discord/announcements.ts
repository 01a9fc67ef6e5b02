import { type REST, Routes } from 'discord.js';
import { recordCard } from '../../core/cards/record-card.ts';
import type { CoreDeps, Log } from '../../core/deps.ts';
import type { Reply } from '../../core/interaction/reply.ts';
import type { CommandRequest } from '../../core/interaction/request.ts';
import type { Services } from '../../core/services.ts';
import { renderCard } from './discord-cards.ts';
import { loggableError } from './discord-errors.ts';

/**
 * Posts the card a reply announces (a new event or task) in the announcement channel `/setup
 * channel:` gave the server, pinging the role `/setup ping_role:` chose, if any, and records it
 * to be kept up to date. Nothing is posted outside servers or without a channel. A failure
 * (channel gone, no access) is logged: the command itself succeeded.
 */
export class Announcer {
  constructor(
    private readonly rest: REST,
    private readonly services: Pick<Services, 'campaigns'>,
    private readonly deps: CoreDeps,
    private readonly log: Log,
  ) {}

  async announce(request: CommandRequest, reply: Reply): Promise<void> {
    if (!request.space || !reply.announcement) return;
    const { space } = await this.services.campaigns.scopeOf(request);
    const target = space?.announceChannelId;
    if (!target) return;
    const card = reply.announcement;
    const role = space.pingRoleId;
    // Only the role `/setup ping_role:` chose may be pinged; every other mention stays silent.
    const body = {
      ...renderCard(card),
      ...(role
        ? { content: `<@&${role}>`, allowed_mentions: { roles: [role] } }
        : { allowed_mentions: { parse: [] } }),
    };
    try {
      const posted = (await this.rest.post(Routes.channelMessages(target), { body })) as {
        id: string;
      };
      const place = { campaignId: space.campaignId, platform: 'discord', chatId: target };
      await recordCard(this.deps, { ...place, messageId: posted.id }, card);
    } catch (error) {
      this.log.warn({ err: loggableError(error), channelId: target }, 'announcement not posted');
    }
  }
}
