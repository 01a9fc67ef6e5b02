import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { AnnouncementCard } from '../../core/cards/card.types.ts';
import type { CardTarget } from '../../core/cards/card-refresh.ts';
import type { CardBody } from '../../core/cards/card-view.ts';
import { discordInstant, renderNotice } from './discord-render.ts';

/** Discord's answers meaning the message or its channel is gone, or no longer reachable. */
const GONE_CODES = new Set([10003, 10008, 50001]);

/** A card as a Discord message: its text in an embed, its buttons under it. */
export function renderCard(body: CardBody) {
  const notice = renderNotice(body.blocks, body.buttons);
  return { embeds: [{ description: notice.content }], components: notice.components };
}

/** Announcement cards edited in place on Discord (the embed and buttons; the ping stays). */
export class DiscordCards implements CardTarget {
  readonly platform = 'discord';
  readonly show = discordInstant;

  constructor(private readonly rest: REST) {}

  async edit(card: AnnouncementCard, body: CardBody): Promise<boolean> {
    try {
      await this.rest.patch(Routes.channelMessage(card.chatId, card.messageId), {
        body: renderCard(body),
      });
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && GONE_CODES.has(Number(error.code))) return false;
      throw error;
    }
  }
}
