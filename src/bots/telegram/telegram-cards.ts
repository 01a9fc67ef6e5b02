import { type Api, GrammyError } from 'grammy';
import type { AnnouncementCard } from '../../core/cards/card.types.ts';
import type { CardTarget } from '../../core/cards/card-refresh.ts';
import type { CardBody } from '../../core/cards/card-view.ts';
import { renderReply } from './telegram-render.ts';

/** A card as one Telegram message: its text, and its buttons as an inline keyboard. */
export function renderCard(body: CardBody) {
  const rendered = renderReply(body);
  return { text: rendered.parts.join('\n\n'), keyboard: rendered.keyboard };
}

/** Announcement cards edited in place on Telegram (text and inline keyboard). */
export class TelegramCards implements CardTarget {
  readonly platform = 'telegram';

  constructor(private readonly api: Api) {}

  async edit(card: AnnouncementCard, body: CardBody): Promise<boolean> {
    const { text, keyboard } = renderCard(body);
    try {
      await this.api.editMessageText(card.chatId, Number(card.messageId), text, {
        reply_markup: keyboard ?? { inline_keyboard: [] },
      });
      return true;
    } catch (error) {
      if (!(error instanceof GrammyError)) throw error;
      if (/not modified/i.test(error.description)) return true;
      // The message was deleted, or the bot left the group: nothing left to edit.
      if (error.error_code === 403 || /not found|can't be edited/i.test(error.description)) {
        return false;
      }
      throw error;
    }
  }
}
