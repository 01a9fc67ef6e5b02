import { type Api, InputFile } from 'grammy';
import type { InlineKeyboardMarkup, LinkPreviewOptions } from 'grammy/types';
import { formatCommandLine } from '../../core/commands/command-line.ts';
import type { Button } from '../../core/interaction/reply.ts';
import { shorten } from '../../core/notifications/content-view.ts';
import {
  DeliveryError,
  type Notifier,
  type OutgoingMessage,
} from '../../core/notifications/notifier.ts';
import type { PaceGate } from '../../core/notifications/pace-gate.ts';
import { fileBytes, isPicture } from '../reply-files.ts';
import { toDeliveryError } from './telegram-errors.ts';

type GrammySignal = Parameters<Api['sendMessage']>[3];

/** Telegram's limits on a text message and on a button's callback data. */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CALLBACK_DATA_BYTES = 64;
/** The longest caption a photo may carry. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Links show no preview, except the one a message names as worth it (a task's own link). */
export function linkPreview(preview?: string): LinkPreviewOptions {
  return preview ? { url: preview } : { is_disabled: true };
}

/**
 * Sends direct messages through the Bot API as plain text (no parse mode, so nothing needs
 * escaping), buttons as an inline keyboard whose callback data is the button's command line. A
 * message with a picture is a photo whose caption is the text when it fits (1024 characters),
 * else the photo followed by the text. Links show no preview but a task's own link.
 */
export class TelegramNotifier implements Notifier {
  readonly platform = 'telegram' as const;

  /**
   * `api` is grammY's client (`new Api(token, { apiRoot })`). With a `gate`, each message it sends
   * waits there right before going out (give it a client of its own, then: replies must not).
   */
  constructor(
    private readonly api: Api,
    readonly gate?: PaceGate,
  ) {
    if (gate) {
      api.config.use(async (previous, method, payload, signal) => {
        // Telegram's limit counts messages; other calls (answers, edits) are not paced here.
        if (method.startsWith('send')) await gate.pass(1, signal as AbortSignal | undefined);
        return previous(method, payload, signal);
      });
    }
  }

  async send(message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
    const { recipient, blocks, buttons } = message;
    const chat = recipient.chatId ?? recipient.externalId;
    const text = blocks.filter((block) => block.trim() !== '').join('\n\n');
    const keyboard = buttons?.length ? inlineKeyboard(buttons) : undefined;
    const markup = keyboard ? { reply_markup: keyboard } : {};
    const picture = message.files?.find(isPicture);
    let method = 'sendPhoto';
    try {
      // grammY types its signal with a polyfill's type; Node's own is what it uses.
      const abort = signal as GrammySignal;
      if (picture) {
        const photo = new InputFile(fileBytes(picture), picture.name);
        // One message when the text fits a caption, so the picture and its words stay together.
        if (text.length <= TELEGRAM_CAPTION_LIMIT) {
          await this.api.sendPhoto(chat, photo, { caption: text, ...markup }, abort);
          return;
        }
        await this.api.sendPhoto(chat, photo, {}, abort);
      }
      method = 'sendMessage';
      const options = { ...markup, link_preview_options: linkPreview(message.preview) };
      await this.api.sendMessage(chat, shorten(text, TELEGRAM_TEXT_LIMIT), options, abort);
    } catch (error) {
      throw toDeliveryError(error, method);
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
