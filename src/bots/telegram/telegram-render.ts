import type { InlineKeyboardMarkup } from 'grammy/types';
import { formatCommandLine } from '../../core/commands/command-line.ts';
import type { Button, Reply } from '../../core/interaction/reply.ts';
import { shorten } from '../../core/notifications/content-view.ts';
import { splitText } from '../split-text.ts';
import { TELEGRAM_CALLBACK_DATA_BYTES, TELEGRAM_TEXT_LIMIT } from './telegram-notifier.ts';

/** Telegram shows at most this much of a button's label. */
const LABEL_LIMIT = 64;

/** A reply as Telegram messages: plain text parts, then the keyboard under the last one. */
export interface TelegramReply {
  /** Each within Telegram's 4096 characters; sent without parse mode, so user text shows as typed. */
  parts: string[];
  keyboard?: InlineKeyboardMarkup;
}

/**
 * Blocks joined by blank lines and split at blocks, then lines, into messages of at most 4096
 * characters. No parse mode is used: a title holding `<b>` or `*` is shown literally and cannot
 * break the message, so nothing needs escaping.
 */
export function renderReply(reply: Pick<Reply, 'blocks' | 'buttons'>): TelegramReply {
  const parts = splitText(reply.blocks, TELEGRAM_TEXT_LIMIT);
  const keyboard = inlineKeyboard(reply.buttons ?? []);
  return { parts, ...(keyboard && { keyboard }) };
}

/**
 * Buttons as an inline keyboard whose callback data is the button's command line. A button whose
 * line exceeds 64 bytes is left out: Telegram would refuse the whole message.
 */
export function inlineKeyboard(
  rows: readonly (readonly Button[])[],
): InlineKeyboardMarkup | undefined {
  const keyboard = rows
    .map((row) =>
      row.flatMap((button) => {
        const data = formatCommandLine(button.action);
        if (Buffer.byteLength(data) > TELEGRAM_CALLBACK_DATA_BYTES) return [];
        return [{ text: shorten(button.label, LABEL_LIMIT), callback_data: data }];
      }),
    )
    .filter((row) => row.length > 0);
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}
