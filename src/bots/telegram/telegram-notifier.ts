import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { formatCommandLine } from '../../core/commands/command-line.ts';
import type { Button } from '../../core/interaction/reply.ts';
import { shorten } from '../../core/notifications/content-view.ts';
import {
  DeliveryError,
  type Notifier,
  type OutgoingMessage,
} from '../../core/notifications/notifier.ts';
import { toDeliveryError } from './telegram-errors.ts';

type GrammySignal = Parameters<Api['sendMessage']>[3];

/** Telegram's limits on a text message and on a button's callback data. */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CALLBACK_DATA_BYTES = 64;

/**
 * Sends direct messages through the Bot API as plain text (no parse mode, so nothing needs
 * escaping), buttons as an inline keyboard whose callback data is the button's command line.
 */
export class TelegramNotifier implements Notifier {
  readonly platform = 'telegram' as const;

  /** `api` is grammY's client (`bot.api`, or `new Api(token, { apiRoot })`). */
  constructor(private readonly api: Api) {}

  async send(message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
    const { recipient, blocks, buttons } = message;
    const text = shorten(
      blocks.filter((block) => block.trim() !== '').join('\n\n'),
      TELEGRAM_TEXT_LIMIT,
    );
    const keyboard = buttons?.length ? inlineKeyboard(buttons) : undefined;
    try {
      await this.api.sendMessage(
        recipient.chatId ?? recipient.externalId,
        text,
        { ...(keyboard && { reply_markup: keyboard }) },
        // grammY types its signal with a polyfill's type; Node's own is what it uses.
        signal as GrammySignal,
      );
    } catch (error) {
      throw toDeliveryError(error, 'sendMessage');
    }
  }
}

function inlineKeyboard(rows: Button[][]): InlineKeyboardMarkup {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((button) => {
        const data = formatCommandLine(button.action);
        if (Buffer.byteLength(data) > TELEGRAM_CALLBACK_DATA_BYTES) {
          // Telegram would refuse the whole message: retrying cannot help.
          throw new DeliveryError(
            'permanent',
            `button data over ${TELEGRAM_CALLBACK_DATA_BYTES} bytes: ${data}`,
          );
        }
        return { text: button.label, callback_data: data };
      }),
    ),
  };
}
