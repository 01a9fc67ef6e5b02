import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Message, Update } from 'grammy/types';
import {
  type ApiFailure,
  ApiFailureError,
  type BotApiState,
  botApiMethods,
  isAllowedUpdate,
  newBotApiState,
  type SentMessage,
} from './fake-telegram-methods.ts';
import {
  callbackQuery,
  type FakeChat,
  type FakeUser,
  migration,
  type OwnStatus,
  ownMembership,
  textMessage,
  type UpdateBody,
} from './fake-telegram-updates.ts';
import { type Params, readParams } from './request-params.ts';

export { type ApiFailure, type SentMessage, telegramErrors } from './fake-telegram-methods.ts';

/** A token shaped like a real one (the logger recognises it as a secret). */
export const FAKE_BOT_TOKEN = '123456789:AAFakeTokenForTheOfflineBotApi_0123';

export interface FakeTelegramOptions {
  token?: string;
  /** Messages accepted per sliding second before answering 429; unlimited by default. */
  messagesPerSecond?: number;
  /** Minimum time between two messages accepted in one chat before answering 429; none by default. */
  perChatIntervalMs?: number;
}

/** A message-sending request as it arrived (`Date.now()`), accepted or not. */
export interface SendRequest {
  at: number;
  chatId: string;
}

/** One request the fake received. */
export interface RecordedCall {
  method: string;
  /** Whether the URL carried the right token. */
  tokenOk: boolean;
  params: Params;
  /** The HTTP status answered. */
  status: number;
}

/** Which calls an injected failure hits: a method, a chat, or both; `times` calls (default all). */
export interface FailureMatch {
  method?: string;
  chatId?: string | number;
  times?: number;
}

/** Methods that post a message, which Telegram's flood limits count. */
const SEND_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto']);

/**
 * A Telegram Bot API on 127.0.0.1 for tests: grammY talks to it through `apiRoot`. It records
 * every call, checks the token, can fail chosen calls, enforces a messages-per-second limit with
 * 429 answers, and queues updates for long polling (or posts them to a local webhook).
 */
export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  /** 429 answers given, by the rate limit or injected. */
  tooManyRequests = 0;
  /** Every request of a message-sending method, in arrival order. */
  readonly sendRequests: SendRequest[] = [];
  private failures: (FailureMatch & { remaining: number; failure: ApiFailure })[] = [];
  private hangs: (FailureMatch & { remaining: number; ms: number })[] = [];
  /** Last accepted message instant (ms) per chat, for the per-chat limit. */
  private readonly lastInChat = new Map<string, number>();
  /** Instants (ms) of the messages accepted within the last second, oldest first. */
  private recentSends: number[] = [];
  private nextCallbackId = 1;
  private port = 0;
  private readonly closing = new AbortController();
  private readonly state: BotApiState;
  private readonly server = createServer((request, response) => {
    this.handle(request.url ?? '/', () => readParams(request), response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  private constructor(
    readonly token: string,
    private messagesPerSecond: number | undefined,
    private readonly perChatIntervalMs: number | undefined,
  ) {
    this.state = newBotApiState(token, this.closing.signal);
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(
      options.token ?? FAKE_BOT_TOKEN,
      options.messagesPerSecond,
      options.perChatIntervalMs,
    );
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What grammY's `apiRoot` option takes (still known after {@link close}). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get botInfo(): BotApiState['botInfo'] {
    return this.state.botInfo;
  }

  get webhook(): BotApiState['webhook'] {
    return this.state.webhook;
  }

  /** The command list last set with setMyCommands. */
  get commands(): unknown[] {
    return this.state.commands;
  }

  /** Messages the bot sent, as last edited. */
  messages(chatId?: string | number): SentMessage[] {
    const all = [...this.state.messages.values()];
    return chatId === undefined
      ? all
      : all.filter((message) => String(message.chat.id) === String(chatId));
  }

  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Answers matching calls with `failure` instead of handling them. */
  fail(match: FailureMatch, failure: ApiFailure): void {
    this.failures.push({ ...match, remaining: match.times ?? Number.POSITIVE_INFINITY, failure });
  }

  clearFailures(): void {
    this.failures = [];
  }

  /**
   * Handles matching calls (the message is accepted and kept) but answers them only after `ms`,
   * as a platform whose answer is held up in a slow network would.
   */
  hang(match: FailureMatch, ms: number): void {
    this.hangs.push({ ...match, remaining: match.times ?? 1, ms });
  }

  setMessagesPerSecond(limit: number | undefined): void {
    this.messagesPerSecond = limit;
  }

  /**
   * Queues an update for getUpdates, or posts it to the webhook when one is set. An update of a
   * type the bot did not ask for (`allowed_updates`) is dropped, as Telegram never sends it.
   */
  async push(
    body: UpdateBody,
  ): Promise<{ update: Update; webhookStatus?: number; dropped?: true }> {
    const type = Object.keys(body)[0] ?? '';
    if (!isAllowedUpdate(this.state, type)) {
      return { update: this.state.updates.number(body), dropped: true };
    }
    const webhook = this.state.webhook;
    if (!webhook) return { update: this.state.updates.push(body) };
    const update = this.state.updates.number(body);
    const url = new URL(webhook.url);
    if (!['127.0.0.1', 'localhost'].includes(url.hostname))
      throw new Error('the fake posts to local webhooks only');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(webhook.secretToken && { 'x-telegram-bot-api-secret-token': webhook.secretToken }),
      },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    return { update, webhookStatus: response.status };
  }

  /** A text message from `from` (a `/command` gets its bot_command entity). */
  pushText(from: FakeUser, text: string, chat?: FakeChat) {
    return this.push(
      textMessage(from, text, { messageId: ++this.state.lastMessageId, ...(chat && { chat }) }),
    );
  }

  /** A press on a button carrying `data` under `message` (by default the user's last message from the bot). */
  pushCallback(from: FakeUser, data: string, message?: Message) {
    const under = message ?? this.messages(from.id).at(-1);
    if (!under) throw new Error(`no message to press a button under in chat ${from.id}`);
    return this.push(
      callbackQuery(from, data, { id: String(this.nextCallbackId++), message: under }),
    );
  }

  /** `from` changes the bot's membership of a chat (blocks it, removes it from a group). */
  pushOwnMembership(from: FakeUser, change: { chat?: FakeChat; from: OwnStatus; to: OwnStatus }) {
    return this.push(ownMembership(from, this.state.botInfo, change));
  }

  /** `group` became the supergroup `to` (as when topics are turned on), told by `from`'s action. */
  pushMigration(from: FakeUser, group: Extract<FakeChat, { id: number }>, to: number) {
    return this.push(migration(from, group, to, ++this.state.lastMessageId));
  }

  /** Makes a user an administrator of a group (what getChatMember answers). */
  makeAdmin(chatId: number, userId: number): void {
    this.state.admins.add(`${chatId}:${userId}`);
  }

  /** Stops listening, ends open long polls and connections. */
  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(
    url: string,
    params: () => Promise<Params>,
    response: ServerResponse,
  ): Promise<void> {
    const [, token = '', method = ''] = /^\/bot([^/]*)\/([^/?]*)/.exec(url) ?? [];
    const call: RecordedCall = {
      method,
      tokenOk: token === this.token,
      params: await params(),
      status: 200,
    };
    this.calls.push(call);
    const reply = (status: number, body: object) => {
      call.status = status;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const failWith = (failure: ApiFailure) => {
      if (failure.status === 429) this.tooManyRequests++;
      reply(failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter !== undefined && {
          parameters: { retry_after: failure.retryAfter },
        }),
      });
    };
    if (!call.tokenOk) return failWith({ status: 401, description: 'Unauthorized' });
    const handler = botApiMethods[method];
    if (!handler) return failWith({ status: 404, description: 'Not Found' });
    const sending = SEND_METHODS.has(method);
    const chatId = String(call.params.chat_id);
    if (sending) this.sendRequests.push({ at: Date.now(), chatId });
    const injected = this.takeFailure(method, call.params);
    if (injected) return failWith(injected);
    if (sending && !this.admitSend(chatId)) {
      return failWith({
        status: 429,
        description: 'Too Many Requests: retry after 1',
        retryAfter: 1,
      });
    }
    try {
      const result = await handler(call.params, this.state);
      const hang = this.take(this.hangs, method, call.params);
      if (hang) await delay(hang.ms, undefined, { signal: this.closing.signal }).catch(() => {});
      reply(200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiFailureError)) throw error;
      failWith(error.failure);
    }
  }

  private takeFailure(method: string, params: Params): ApiFailure | undefined {
    return this.take(this.failures, method, params)?.failure;
  }

  private take<T extends FailureMatch & { remaining: number }>(
    rules: T[],
    method: string,
    params: Params,
  ): T | undefined {
    const rule = rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method === method) &&
        (candidate.chatId === undefined || String(candidate.chatId) === String(params.chat_id)),
    );
    if (rule) rule.remaining--;
    return rule;
  }

  /**
   * Sliding one-second window: a message is accepted while fewer than the limit were in the last
   * second, and (with a per-chat limit) when its chat's last message is old enough.
   */
  private admitSend(chatId: string): boolean {
    const now = performance.now();
    const last = this.lastInChat.get(chatId);
    if (this.perChatIntervalMs !== undefined && last !== undefined) {
      if (now - last < this.perChatIntervalMs) return false;
    }
    if (this.messagesPerSecond !== undefined) {
      let expired = 0;
      while (expired < this.recentSends.length && this.recentSends[expired]! <= now - 1000)
        expired++;
      if (expired > 0) this.recentSends.splice(0, expired);
      if (this.recentSends.length >= this.messagesPerSecond) return false;
      this.recentSends.push(now);
    }
    this.lastInChat.set(chatId, now);
    return true;
  }
}
