import { autoRetry } from '@grammyjs/auto-retry';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { Api, Bot } from 'grammy';
import type { TelegramConfig } from '../../config.ts';
import { CardRefresher } from '../../core/cards/card-refresh.ts';
import { PaceGate } from '../../core/notifications/pace-gate.ts';
import type { AdapterOptions, ChatAdapter } from '../chat-adapter.ts';
import { TelegramCards } from './telegram-cards.ts';
import { onOwnMembership } from './telegram-membership.ts';
import { publishCommandMenus } from './telegram-menus.ts';
import { TelegramNotifier } from './telegram-notifier.ts';
import { reachTelegram } from './telegram-start.ts';
import { loggable, TelegramUpdates } from './telegram-updates.ts';
import { telegramWebhookHandler } from './telegram-webhook.ts';

/** The updates the bot asks for: messages, button presses and changes of its own membership. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** The longest flood wait a reply waits out; Telegram asking for more fails the reply at once. */
export const REPLY_MAX_WAIT_S = 10;

/** Where Telegram posts updates in webhook mode, on the HTTP server. */
export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/** A running Telegram bot; in webhook mode its route is `POST /telegram/webhook`. */
export interface TelegramBot extends ChatAdapter {
  /** Resolves once the update with this id has been fully answered. */
  settled(updateId: number): Promise<void>;
}

/**
 * Starts the bot: learns its username, publishes the command menus, then takes updates by long
 * polling (updates of one chat in order, chats in parallel) or, with a webhook configured,
 * registers the webhook with its secret and returns the route that receives it; requests without
 * the secret get 401.
 */
export async function startTelegramBot(
  options: AdapterOptions<TelegramConfig>,
): Promise<TelegramBot> {
  const { config, core, log } = options;
  const bot = new Bot(config.token, { client: { apiRoot: config.apiRoot } });
  const limits = options.limits ?? { timeoutMs: 60_000 };
  bot.botInfo = await reachTelegram(bot.api, config.apiRoot, limits, log);
  const username = bot.botInfo.username;
  await publishCommandMenus(bot.api, core.catalogue).catch((error: unknown) =>
    log.error({ err: loggable(error) }, 'telegram command menus not published'),
  );
  // Replies and edits come after their command ran: a flood wait, a 5xx or a network error is
  // retried (at most 3 times, waiting at most 10 s for a flood limit; a longer wait fails at once)
  // rather than reported as a failure. Direct messages keep bot.api, without these retries: the
  // outbox paces them and reschedules a 429 itself, so the two never wait on each other.
  const replies = new Api(config.token, { apiRoot: config.apiRoot });
  replies.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: REPLY_MAX_WAIT_S }));
  const updates = new TelegramUpdates({ core, api: replies, username, log });
  const tracker = new UpdateTracker();
  bot.use(
    sequentialize((ctx) =>
      String(ctx.chat?.id ?? ctx.callbackQuery?.message?.chat.id ?? ctx.from?.id ?? ''),
    ),
  );
  bot.on(['message:text', 'callback_query:data'], async (ctx) => {
    try {
      await updates.handle(ctx);
    } finally {
      tracker.done(ctx.update.update_id);
    }
  });
  bot.on('message:migrate_to_chat_id', async (ctx) => {
    try {
      const [from, to] = [String(ctx.chat.id), String(ctx.message.migrate_to_chat_id)];
      const moved = await core.services.campaigns.spaceMoved('telegram', from, to);
      if (moved) log.info({ from, to }, 'telegram group became a supergroup: binding kept');
    } finally {
      tracker.done(ctx.update.update_id);
    }
  });
  bot.on('my_chat_member', async (ctx) => {
    try {
      await onOwnMembership(core, ctx.myChatMember, log);
    } finally {
      tracker.done(ctx.update.update_id);
    }
  });
  bot.catch((error) =>
    log.error(
      { err: loggable(error.error), updateId: error.ctx.update.update_id },
      'telegram update failed',
    ),
  );
  // The outbox's own client, paced by the dispatcher right before each message goes out.
  const notifier = new TelegramNotifier(
    new Api(config.token, { apiRoot: config.apiRoot }),
    new PaceGate(),
  );
  const cards = new CardRefresher(core.deps, core.workerId, log);
  const cardTarget = new TelegramCards(replies);
  const tick = async (signal: AbortSignal) => {
    await cards
      .refresh(cardTarget, signal)
      .catch((error: unknown) =>
        log.error({ err: loggable(error) }, 'telegram announcement cards not edited'),
      );
  };

  if (config.webhook) {
    const { url, secret } = config.webhook;
    await bot.api.setWebhook(url, {
      secret_token: secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    log.info({ username, mode: 'webhook' }, 'telegram bot ready');
    const handler = telegramWebhookHandler(bot, secret, log);
    return {
      platform: 'telegram',
      notifier,
      routes: [{ method: 'POST', path: TELEGRAM_WEBHOOK_PATH, handler }],
      tick,
      settled: (id) => tracker.settled(id),
      stop: async () => undefined,
    };
  }

  // A webhook left from an earlier deployment would make long polling fail with 409.
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
  });
  log.info({ username, mode: 'polling' }, 'telegram bot ready');
  let stopping: Promise<void> | undefined;
  return {
    platform: 'telegram',
    notifier,
    tick,
    settled: (id) => tracker.settled(id),
    stop: () => {
      stopping ??= runner.isRunning() ? runner.stop() : Promise.resolve();
      return stopping;
    },
  };
}

/** How many answered update ids are remembered for {@link TelegramBot.settled}. */
const REMEMBERED_UPDATES = 1_000;

/** Remembers which updates were answered (the latest few), so a caller can wait for one. */
class UpdateTracker {
  private readonly finished = new Set<number>();
  private readonly waiters = new Map<number, () => void>();

  done(updateId: number): void {
    this.finished.add(updateId);
    if (this.finished.size > REMEMBERED_UPDATES) {
      this.finished.delete(this.finished.values().next().value!);
    }
    this.waiters.get(updateId)?.();
    this.waiters.delete(updateId);
  }

  settled(updateId: number): Promise<void> {
    if (this.finished.has(updateId)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(updateId, resolve));
  }
}
