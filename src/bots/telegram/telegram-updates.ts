import { type Api, type Context, GrammyError } from 'grammy';
import type { Chat, User } from 'grammy/types';
import type { Locale } from '../../core/campaigns/campaign.types.ts';
import { recordCard } from '../../core/cards/record-card.ts';
import { parseCommandLine } from '../../core/commands/command-line.ts';
import { MAX_COMMAND_LINE, type TextOrigin } from '../../core/commands/text-commands.ts';
import type { Core } from '../../core/core.ts';
import type { Log } from '../../core/deps.ts';
import { pickLocale, translate } from '../../core/i18n/i18n.ts';
import type { Announcement, Reply } from '../../core/interaction/reply.ts';
import type { PlatformWords } from '../../core/interaction/request.ts';
import { telegramText } from './telegram.messages.ts';
import { renderCard } from './telegram-cards.ts';
import { linkPreview } from './telegram-notifier.ts';
import { type Place, say, sendReply, topicOf } from './telegram-places.ts';
import { renderReply, type TelegramReply } from './telegram-render.ts';
import { isGroup, originOf, telegramWords } from './telegram-request.ts';

export interface TelegramUpdatesOptions {
  core: Pick<Core, 'text' | 'deps' | 'services'>;
  api: Api;
  /** The bot's username, for `/cmd@botname`, `t.me` links and the `/setup` invite link. */
  username: string;
  log: Log;
}

/**
 * Answers text messages and button presses through the core's text command path. In groups only
 * commands addressed to this bot are answered, in the forum topic they came from, and private
 * answers go to the private chat. Links show no preview but a task's own link. A failure is
 * logged with the update id and answered with an apology; it never escapes.
 */
export class TelegramUpdates {
  private readonly words: PlatformWords;

  /** Presses already answered with something to show (a link), not to be answered again. */
  private readonly answered = new WeakSet<object>();

  constructor(private readonly options: TelegramUpdatesOptions) {
    this.words = telegramWords(options.username);
  }

  async handle(ctx: Context): Promise<void> {
    const from = ctx.from;
    const chat = ctx.chat ?? ctx.callbackQuery?.message?.chat;
    if (!from || !chat || from.is_bot) return;
    const place = { chatId: chat.id, thread: topicOf(ctx.message ?? ctx.callbackQuery?.message) };
    try {
      if (ctx.callbackQuery) await this.press(ctx, from, chat, place);
      else if (ctx.message?.text !== undefined)
        await this.message(ctx.message.text, from, chat, place, ctx.update.update_id);
    } catch (error) {
      this.options.log.error(
        { err: loggable(error), updateId: ctx.update.update_id },
        'telegram update failed',
      );
      const apology = translate(this.localeOf(from), 'error.internal');
      await this.say(place, apology).catch(() => undefined);
    } finally {
      const query = ctx.callbackQuery;
      if (query && !this.answered.delete(query)) {
        await ctx.answerCallbackQuery().catch(() => undefined);
      }
    }
  }

  private async message(
    text: string,
    from: User,
    chat: Chat,
    place: Place,
    updateId: number,
  ): Promise<void> {
    // An over-long line is not parsed here: in a group it is ignored, privately the core refuses it.
    const parsed = text.length > MAX_COMMAND_LINE ? null : parseCommandLine(text);
    if (isGroup(chat)) {
      // Bare commands reach every bot of the group: only those for this bot (or unnamed) count.
      if (!parsed) return;
      if (parsed.mention && parsed.mention.toLowerCase() !== this.options.username.toLowerCase())
        return;
    }
    const origin = await originOf(this.options.api, this.words, {
      from,
      chat,
      topic: place.thread,
      updateId,
    });
    const reply = await this.options.core.text.handle(text, origin);
    if (!reply) {
      if (!isGroup(chat)) await this.say(place, telegramText.hint[this.localeOf(from)]());
      return;
    }
    await this.afterCommand(updateId, reply, place, () => this.deliver(reply, chat, place, origin));
  }

  /**
   * Shows the reply of a command that has run. If that fails even after the API's retries, the
   * failure is logged and the person is told the command was carried out, never that it failed.
   */
  private async afterCommand(
    updateId: number,
    reply: Reply,
    place: Place,
    show: () => Promise<void>,
  ): Promise<void> {
    try {
      await show();
    } catch (error) {
      this.options.log.error({ err: loggable(error), updateId }, 'telegram reply not delivered');
      const lost = translate(reply.locale, 'error.reply_lost');
      await this.say(place, lost).catch(() => undefined);
    }
  }

  /** A button press: the command line it carries runs like a typed one. */
  private async press(ctx: Context, from: User, chat: Chat, place: Place): Promise<void> {
    const query = ctx.callbackQuery!;
    const origin = await originOf(this.options.api, this.words, {
      from,
      chat,
      topic: place.thread,
      updateId: ctx.update.update_id,
    });
    const reply = await this.options.core.text.handle(query.data ?? '', origin);
    if (!reply) return;
    await this.afterCommand(ctx.update.update_id, reply, place, () =>
      this.showPressed(reply, chat, place, origin, query),
    );
  }

  /** In the private chat the pressed message shows the outcome, its buttons replaced. */
  private async showPressed(
    reply: Reply,
    chat: Chat,
    place: Place,
    origin: TextOrigin,
    query: NonNullable<Context['callbackQuery']>,
  ): Promise<void> {
    const pressed = query.message;
    if (isGroup(chat) && reply.joinCode) return this.sendToJoin(reply, reply.joinCode, query);
    if (isGroup(chat) || !pressed) return this.deliver(reply, chat, place, origin);
    const { parts, keyboard } = renderReply(reply);
    const [first = telegramText.done[reply.locale](), ...rest] = parts;
    await this.options.api
      .editMessageText(chat.id, pressed.message_id, first, {
        reply_markup: rest.length ? undefined : keyboard,
        link_preview_options: linkPreview(reply.preview),
      })
      .catch((error: unknown) => {
        if (!(error instanceof GrammyError && /not modified/i.test(error.description))) throw error;
      });
    await this.send(place, { parts: rest, keyboard: rest.length ? keyboard : undefined }, reply);
  }

  /**
   * Someone not registered pressed a button in a group: the press is answered, for them alone,
   * with a link opening the private chat, where the privacy notice waits.
   */
  private async sendToJoin(
    reply: Reply,
    code: string,
    query: NonNullable<Context['callbackQuery']>,
  ): Promise<void> {
    this.answered.add(query);
    await this.options.api.answerCallbackQuery(query.id, {
      text: telegramText.joinFirst[reply.locale](),
      url: this.words.startLink?.(code),
    });
  }

  /**
   * Shows a reply where it came from (the group's topic), or privately when it is private and
   * came from a group; then posts what it announces in the group.
   */
  private async deliver(reply: Reply, chat: Chat, place: Place, origin: TextOrigin): Promise<void> {
    if (!isGroup(chat)) return this.send(place, renderReply(reply), reply);
    if (reply.private || reply.prompt) await this.sendPrivately(reply, place, origin);
    else await this.send(place, renderReply(reply), reply);
    if (reply.announcement) await this.announce(reply.announcement, place, origin);
  }

  /**
   * Posts the card of an announcement in the topic `/setup` bound (else the topic of the
   * command, under its answer) and records it to be kept up to date. A failure (topic closed or
   * deleted) is logged: the command itself succeeded.
   */
  private async announce(card: Announcement, place: Place, origin: TextOrigin): Promise<void> {
    const { space } = await this.options.core.services.campaigns.scopeOf(origin);
    const bound = space?.announceTopicId ? Number(space.announceTopicId) : undefined;
    const target = { chatId: place.chatId, thread: bound ?? place.thread };
    const { text, keyboard } = renderCard(card);
    try {
      const posted = await say(this.options.api, target, text, keyboard);
      if (!space) return;
      const place = {
        campaignId: space.campaignId,
        platform: 'telegram',
        chatId: String(target.chatId),
        threadId: target.thread === undefined ? null : String(target.thread),
      };
      await recordCard(
        this.options.core.deps,
        { ...place, messageId: String(posted.message_id) },
        card,
      );
    } catch (error) {
      this.options.log.warn(
        { err: loggable(error), chatId: target.chatId, topic: target.thread },
        'announcement not posted',
      );
    }
  }

  private async sendPrivately(reply: Reply, group: Place, origin: TextOrigin): Promise<void> {
    const userId = origin.actor.userId;
    const link = `https://t.me/${this.options.username}`;
    const blocks = reply.prompt
      ? [...reply.blocks, telegramText.answerHere[reply.locale]()]
      : reply.blocks;
    try {
      await this.send({ chatId: userId }, renderReply({ ...reply, blocks }), reply);
    } catch (error) {
      // 403: the user never started the bot (or blocked it); Telegram lets us write only then.
      if (!(error instanceof GrammyError && [400, 403].includes(error.error_code))) throw error;
      await this.say(group, telegramText.openPrivateChat[reply.locale](link));
      return;
    }
    await this.say(group, telegramText.answeredPrivately[reply.locale](link));
  }

  private say(place: Place, text: string): Promise<unknown> {
    return say(this.options.api, place, text);
  }

  private send(place: Place, rendered: TelegramReply, reply: Reply): Promise<void> {
    return sendReply(this.options.api, place, rendered, reply);
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
