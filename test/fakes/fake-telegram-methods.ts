import type { Message, Update, UserFromGetMe } from 'grammy/types';
import type { UpdateBody } from './fake-telegram-updates.ts';
import type { Params, UploadedFile } from './request-params.ts';

/** An answer `{ ok: false }` of the Bot API: HTTP status, description, optional retry delay. */
export interface ApiFailure {
  status: number;
  description: string;
  /** Seconds, sent as `parameters.retry_after` (429 answers). */
  retryAfter?: number;
}

/** Thrown by a method to answer with a failure. */
export class ApiFailureError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.description);
  }
}

/** The errors Telegram answers most often, as the fake can inject them. */
export const telegramErrors = {
  blocked: { status: 403, description: 'Forbidden: bot was blocked by the user' },
  chatNotFound: { status: 400, description: 'Bad Request: chat not found' },
  serverError: { status: 500, description: 'Internal Server Error' },
  tooManyRequests: (retryAfter: number): ApiFailure => ({
    status: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    retryAfter,
  }),
} satisfies Record<string, ApiFailure | ((retryAfter: number) => ApiFailure)>;

const badRequest = (what: string) =>
  new ApiFailureError({ status: 400, description: `Bad Request: ${what}` });

/** Updates waiting for the bot: numbered, kept until a later offset confirms them. */
export class UpdateQueue {
  private updates: Update[] = [];
  private nextId = 1;
  private waiters = new Set<() => void>();

  /** Numbers an update (webhooks get numbered updates too). */
  number(body: UpdateBody): Update {
    return { update_id: this.nextId++, ...body } as Update;
  }

  push(body: UpdateBody): Update {
    const update = this.number(body);
    this.updates.push(update);
    for (const wake of this.waiters) wake();
    return update;
  }

  clear(): void {
    this.updates = [];
  }

  /** Long polling: confirms updates below `offset`, then waits up to `timeout` s for newer ones. */
  async take(
    offset: number,
    limit: number,
    timeout: number,
    closed: AbortSignal,
  ): Promise<Update[]> {
    this.updates = this.updates.filter((update) => update.update_id >= offset);
    if (this.updates.length === 0 && timeout > 0 && !closed.aborted) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          closed.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, timeout * 1000);
        closed.addEventListener('abort', wake);
        this.waiters.add(wake);
      });
    }
    return this.updates.slice(0, limit);
  }
}

/** A message the fake accepted from the bot. */
export interface SentMessage extends Message {
  reply_markup?: Message['reply_markup'];
}

/** State behind the methods: the bot's identity, its messages, its updates, its webhook. */
export interface BotApiState {
  botInfo: UserFromGetMe;
  updates: UpdateQueue;
  /** Messages by `chatId:messageId`, as last sent or edited. */
  messages: Map<string, SentMessage>;
  webhook: { url: string; secretToken?: string } | null;
  commands: unknown[];
  /** Group administrators, as `chatId:userId`; everyone else is a plain member. */
  admins: Set<string>;
  /** Message ids are unique across chats here (Telegram numbers them per chat). */
  lastMessageId: number;
  /** Aborted when the fake closes, to release long polls. */
  closed: AbortSignal;
  /** Update types the bot asked for (getUpdates or setWebhook); null = Telegram's default. */
  allowedUpdates: string[] | null;
}

/** Update types Telegram sends only to bots that ask for them by name. */
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** Whether Telegram would send an update of this type to the bot, by its `allowed_updates`. */
export function isAllowedUpdate(state: BotApiState, type: string): boolean {
  return state.allowedUpdates ? state.allowedUpdates.includes(type) : !OPT_IN_UPDATES.has(type);
}

/** `allowed_updates` given with a call is kept until the next call gives it again. */
function keepAllowedUpdates(params: Params, state: BotApiState): void {
  if (Array.isArray(params.allowed_updates)) {
    state.allowedUpdates = params.allowed_updates.map(String);
  }
}

/** The state of a fresh bot, whose id is the token's numeric prefix. */
export function newBotApiState(token: string, closed: AbortSignal): BotApiState {
  return {
    admins: new Set(),
    botInfo: {
      id: Number(token.split(':')[0]) || 1,
      is_bot: true,
      first_name: 'Organizing Assistant',
      username: 'organizing_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    },
    updates: new UpdateQueue(),
    messages: new Map(),
    webhook: null,
    commands: [],
    lastMessageId: 0,
    closed,
    allowedUpdates: null,
  };
}

type Method = (params: Params, state: BotApiState) => unknown;

function storeMessage(state: BotApiState, params: Params, content: Partial<Message>): SentMessage {
  if (params.chat_id === undefined || params.chat_id === '') throw badRequest('chat_id is empty');
  const chatId = Number(params.chat_id);
  if (!Number.isSafeInteger(chatId)) throw badRequest('chat not found');
  const message = {
    message_id: ++state.lastMessageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: chatId > 0 ? 'private' : 'group', first_name: `Chat ${chatId}` },
    from: state.botInfo,
    // A message sent into a forum topic belongs to it, as Telegram's copy says.
    ...(params.message_thread_id !== undefined && {
      message_thread_id: Number(params.message_thread_id),
      is_topic_message: true,
    }),
    ...content,
    ...(params.reply_markup !== undefined && { reply_markup: params.reply_markup }),
  } as SentMessage;
  state.messages.set(`${chatId}:${message.message_id}`, message);
  return message;
}

function checkButtons(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] })?.inline_keyboard;
  for (const button of rows?.flat() ?? []) {
    const data = button.callback_data;
    if (data !== undefined && (data === '' || Buffer.byteLength(data) > 64)) {
      throw badRequest('BUTTON_DATA_INVALID');
    }
  }
}

function checkText(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') throw badRequest('message text is empty');
  if (text.length > 4096) throw badRequest('message is too long');
  return text;
}

function findMessage(state: BotApiState, params: Params): SentMessage {
  const message = state.messages.get(`${params.chat_id}:${params.message_id}`);
  if (!message) throw badRequest('message to edit not found');
  return message;
}

/** The Bot API methods the fake answers, by name. */
export const botApiMethods: Record<string, Method> = {
  getMe: (_params, state) => state.botInfo,
  getUpdates: (params, state) => {
    if (state.webhook) {
      throw new ApiFailureError({
        status: 409,
        description: "Conflict: can't use getUpdates method while webhook is active",
      });
    }
    keepAllowedUpdates(params, state);
    const number = (value: unknown, fallback: number) => Number(value ?? fallback) || fallback;
    return state.updates.take(
      number(params.offset, 0),
      number(params.limit, 100),
      number(params.timeout, 0),
      state.closed,
    );
  },
  setWebhook: (params, state) => {
    keepAllowedUpdates(params, state);
    const url = String(params.url ?? '');
    state.webhook = url
      ? { url, ...(params.secret_token ? { secretToken: String(params.secret_token) } : {}) }
      : null;
    return true;
  },
  deleteWebhook: (params, state) => {
    state.webhook = null;
    if (params.drop_pending_updates) state.updates.clear();
    return true;
  },
  getWebhookInfo: (_params, state) => ({
    url: state.webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: 0,
  }),
  setMyCommands: (params, state) => {
    state.commands = (params.commands as unknown[]) ?? [];
    return true;
  },
  sendMessage: (params, state) => {
    const text = checkText(params.text);
    checkButtons(params.reply_markup);
    return storeMessage(state, params, { text });
  },
  sendDocument: (params, state) => {
    const file = params.document as UploadedFile | string | undefined;
    if (!file) throw badRequest('there is no document in the request');
    const name = typeof file === 'string' ? file : file.filename;
    return storeMessage(state, params, {
      document: { file_id: `file-${name}`, file_unique_id: name, file_name: name },
      ...(typeof params.caption === 'string' && { caption: params.caption }),
    });
  },
  sendPhoto: (params, state) => {
    const file = params.photo as UploadedFile | string | undefined;
    if (!file) throw badRequest('there is no photo in the request');
    if (typeof params.caption === 'string' && params.caption.length > 1024) {
      throw badRequest('message caption is too long');
    }
    checkButtons(params.reply_markup);
    const name = typeof file === 'string' ? file : file.filename;
    return storeMessage(state, params, {
      photo: [{ file_id: `photo-${name}`, file_unique_id: name, width: 1200, height: 800 }],
      ...(typeof params.caption === 'string' && { caption: params.caption }),
    });
  },
  editMessageText: (params, state) => {
    const message = findMessage(state, params);
    checkButtons(params.reply_markup);
    Object.assign(message, { text: checkText(params.text), reply_markup: params.reply_markup });
    return message;
  },
  editMessageReplyMarkup: (params, state) => {
    const message = findMessage(state, params);
    checkButtons(params.reply_markup);
    message.reply_markup = params.reply_markup as SentMessage['reply_markup'];
    return message;
  },
  getChatMember: (params, state) => ({
    status: state.admins.has(`${params.chat_id}:${params.user_id}`) ? 'administrator' : 'member',
    user: { id: Number(params.user_id), is_bot: false, first_name: `User ${params.user_id}` },
  }),
  answerCallbackQuery: (params) => {
    if (!params.callback_query_id)
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    return true;
  },
};
