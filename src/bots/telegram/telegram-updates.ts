import { type Api, type Context, GrammyError, InputFile } from 'grammy';
import type { Chat, User } from 'grammy/types';
import type { Locale } from '../../core/campaigns/campaign.types.ts';
import { parseCommandLine } from '../../core/commands/command-line.ts';
import { MAX_COMMAND_LINE, type TextOrigin } from '../../core/commands/text-commands.ts';
import type { Core } from '../../core/core.ts';
import type { Log } from '../../core/deps.ts';
import { pickLocale, translate } from '../../core/i18n/i18n.ts';
import type { Reply } from '../../core/interaction/reply.ts';
import type { PlatformWords } from '../../core/interaction/request.ts';
import { fileSource, isPicture } from '../reply-files.ts';
import { telegramText } from './telegram.messages.ts';
import { renderReply } from './telegram-render.ts';
import { isGroup, originOf, telegramWords } from './telegram-request.ts';

export interface TelegramUpdatesOptions {
  core: Pick<Core, 'text' | 'deps'>;
  api: Api;
  /** The bot's username, for `/cmd@botname`, `t.me` links and the `/setup` invite link. */
  username: string;
  log: Log;
}

/**
 * Answers text messages and button presses through the core's text command path. In groups only
 * commands addressed to this bot are answered, and private answers go to the private chat. A
 * failure is logged with the update id and answered with an apology; it never escapes.
 */
export class TelegramUpdates {
  private readonly words: PlatformWords;

  constructor(private readonly options: TelegramUpdatesOptions) {
    this.words = telegramWords(options.username);
  }

  async handle(ctx: Context): Promise<void> {
    const from = ctx.from;
    const chat = ctx.chat ?? ctx.callbackQuery?.message?.chat;
    if (!from || !chat || from.is_bot) return;
    try {
      if (ctx.callbackQuery) await this.press(ctx, from, chat);
      else if (ctx.message?.text !== undefined)
        await this.message(ctx.message.text, from, chat, ctx.update.update_id);
    } catch (error) {
      this.options.log.error(
        { err: loggable(error), updateId: ctx.update.update_id },
        'telegram update failed',
      );
      const apology = translate(this.localeOf(from), 'error.internal');
      await this.options.api.sendMessage(chat.id, apology).catch(() => undefined);
    } finally {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    }
  }

  private async message(text: string, from: User, chat: Chat, updateId: number): Promise<void> {
    // An over-long line is not parsed here: in a group it is ignored, privately the core refuses it.
    const parsed = text.length > MAX_COMMAND_LINE ? null : parseCommandLine(text);
    if (isGroup(chat)) {
      // Bare commands reach every bot of the group: only those for this bot (or unnamed) count.
      if (!parsed) return;
      if (parsed.mention && parsed.mention.toLowerCase() !== this.options.username.toLowerCase())
        return;
    }
    const origin = await originOf(this.options.api, this.words, { from, chat, updateId });
    const reply = await this.options.core.text.handle(text, origin);
    if (!reply) {
      if (!isGroup(chat))
        await this.options.api.sendMessage(chat.id, telegramText.hint[this.localeOf(from)]());
      return;
    }
    await this.afterCommand(updateId, reply, chat, () => this.deliver(reply, chat, origin));
  }

  /**
   * Shows the reply of a command that has run. If that fails even after the API's retries, the
   * failure is logged and the person is told the command was carried out, never that it failed.
   */
  private async afterCommand(
    updateId: number,
    reply: Reply,
    chat: Chat,
    show: () => Promise<void>,
  ): Promise<void> {
    try {
      await show();
    } catch (error) {
      this.options.log.error({ err: loggable(error), updateId }, 'telegram reply not delivered');
      const lost = translate(reply.locale, 'error.reply_lost');
      await this.options.api.sendMessage(chat.id, lost).catch(() => undefined);
    }
  }

  /** A button press: the command line it carries runs like a typed one. */
  private async press(ctx: Context, from: User, chat: Chat): Promise<void> {
    const query = ctx.callbackQuery!;
    const origin = await originOf(this.options.api, this.words, {
      from,
      chat,
      updateId: ctx.update.update_id,
    });
    const reply = await this.options.core.text.handle(query.data ?? '', origin);
    if (!reply) return;
    await this.afterCommand(ctx.update.update_id, reply, chat, () =>
      this.showPressed(reply, chat, origin, query),
    );
  }

  /** In the private chat the pressed message shows the outcome, its buttons replaced. */
  private async showPressed(
    reply: Reply,
    chat: Chat,
    origin: TextOrigin,
    query: NonNullable<Context['callbackQuery']>,
  ): Promise<void> {
    const pressed = query.message;
    if (isGroup(chat) || !pressed) return this.deliver(reply, chat, origin);
    const { parts, keyboard } = renderReply(reply);
    const [first = telegramText.done[reply.locale](), ...rest] = parts;
    await this.options.api
      .editMessageText(chat.id, pressed.message_id, first, {
        reply_markup: rest.length ? undefined : keyboard,
      })
      .catch((error: unknown) => {
        if (!(error instanceof GrammyError && /not modified/i.test(error.description))) throw error;
      });
    await this.send(chat.id, { parts: rest, keyboard: rest.length ? keyboard : undefined }, reply);
  }

  /** Shows a reply in the chat it came from, or privately when it is private and came from a group. */
  private async deliver(reply: Reply, chat: Chat, origin: TextOrigin): Promise<void> {
    if (!isGroup(chat)) return this.send(chat.id, renderReply(reply), reply);
    if (reply.private || reply.prompt) await this.sendPrivately(reply, chat, origin);
    else await this.send(chat.id, renderReply(reply), reply);
    if (reply.announcement && reply.private) {
      await this.options.api.sendMessage(chat.id, reply.announcement).catch((error: unknown) => {
        this.options.log.warn({ err: loggable(error), chatId: chat.id }, 'announcement not posted');
      });
    }
  }

  private async sendPrivately(reply: Reply, group: Chat, origin: TextOrigin): Promise<void> {
    const userId = origin.actor.userId;
    const link = `https://t.me/${this.options.username}`;
    const blocks = reply.prompt
      ? [...reply.blocks, telegramText.answerHere[reply.locale]()]
      : reply.blocks;
    try {
      await this.send(userId, renderReply({ ...reply, blocks }), reply);
    } catch (error) {
      // 403: the user never started the bot (or blocked it); Telegram lets us write only then.
      if (!(error instanceof GrammyError && [400, 403].includes(error.error_code))) throw error;
      await this.options.api.sendMessage(
        group.id,
        telegramText.openPrivateChat[reply.locale](link),
      );
      return;
    }
    await this.options.api.sendMessage(
      group.id,
      telegramText.answeredPrivately[reply.locale](link),
    );
  }

  /** Text parts (the keyboard under the last), then pictures as photos and other files as documents. */
  private async send(
    chatId: number | string,
    rendered: ReturnType<typeof renderReply>,
    reply: Reply,
  ): Promise<void> {
    const { parts, keyboard } = rendered;
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      await this.options.api.sendMessage(
        chatId,
        part,
        last && keyboard ? { reply_markup: keyboard } : {},
      );
    }
    for (const file of reply.files ?? []) {
      // A supplier: a large export is read again, page by page, if the upload is retried.
      const upload = new InputFile(() => fileSource(file), file.name);
      if (isPicture(file)) await this.options.api.sendPhoto(chatId, upload);
      else await this.options.api.sendDocument(chatId, upload);
    }
  }

  private localeOf(from: User): Locale {
    return pickLocale(from.language_code) ?? this.options.core.deps.settings.defaults.locale;
  }
}

/** grammY's errors may carry the request URL, which holds the token: keep only what is safe. */
export function loggable(error: unknown): unknown {
  if (error instanceof GrammyError)
    return {
      name: 'GrammyError',
      code: error.error_code,
      description: error.description,
      method: error.method,
    };
  return error;
}
