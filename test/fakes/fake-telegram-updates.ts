import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from 'grammy/types';

type GroupOrPrivateChat = Exclude<Chat, Chat.ChannelChat>;

/** Who writes in a fake update: a user id, with an optional name and username. */
export interface FakeUser {
  id: number;
  firstName?: string;
  username?: string;
}

/**
 * Where a fake message is written: the private chat with its sender, or a group; in a forum
 * supergroup, `topic` is the forum topic (its `message_thread_id`).
 */
export type FakeChat =
  | { type: 'private' }
  | { type: 'group' | 'supergroup'; id: number; title: string; topic?: number };

/** An update without its id (the fake numbers updates as they are queued). */
export type UpdateBody = Omit<Update, 'update_id'>;

const seconds = () => Math.floor(Date.now() / 1000);

function toUser(user: FakeUser): User {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.firstName ?? `User ${user.id}`,
    ...(user.username && { username: user.username }),
  };
}

function toChat(user: FakeUser, chat: FakeChat = { type: 'private' }): GroupOrPrivateChat {
  return chat.type === 'private'
    ? { id: user.id, type: 'private', first_name: user.firstName ?? `User ${user.id}` }
    : chat.topic === undefined
      ? { id: chat.id, type: chat.type, title: chat.title }
      : { id: chat.id, type: 'supergroup', title: chat.title, is_forum: true };
}

/**
 * A text message; a leading `/command` (or `/command@bot`) gets its `bot_command` entity, which
 * grammY needs to route it to `bot.command`.
 */
export function textMessage(
  from: FakeUser,
  text: string,
  options: { messageId: number; chat?: FakeChat },
): UpdateBody {
  const command = /^\/[\w@]+/.exec(text);
  const message: Message.TextMessage & { chat: GroupOrPrivateChat; from: User } = {
    message_id: options.messageId,
    date: seconds(),
    chat: toChat(from, options.chat),
    from: toUser(from),
    ...(options.chat?.type !== 'private' &&
      options.chat?.topic !== undefined && {
        message_thread_id: options.chat.topic,
        is_topic_message: true,
      }),
    text,
    ...(command && { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }),
  };
  return { message };
}

/** A press on an inline button carrying `data`, under a message the bot sent earlier. */
export function callbackQuery(
  from: FakeUser,
  data: string,
  options: { id: string; message: Message },
): UpdateBody {
  return {
    callback_query: {
      id: options.id,
      from: toUser(from),
      chat_instance: `instance-${options.message.chat.id}`,
      data,
      message: options.message,
    },
  };
}

/** The bot's own status in a chat, as `my_chat_member` reports it. */
export type OwnStatus = 'member' | 'left' | 'kicked';

/**
 * A change of the bot's own membership made by `from`: in the private chat with `from`,
 * `kicked` is the person blocking the bot and `member` unblocking it; in a group, `left` or
 * `kicked` is the bot removed from it.
 */
export function ownMembership(
  from: FakeUser,
  bot: UserFromGetMe,
  change: { chat?: FakeChat; from: OwnStatus; to: OwnStatus },
): UpdateBody {
  const member = (status: OwnStatus): ChatMember => {
    const user = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
    return status === 'kicked' ? { status, user, until_date: 0 } : { status, user };
  };
  return {
    my_chat_member: {
      chat: toChat(from, change.chat),
      from: toUser(from),
      date: seconds(),
      old_chat_member: member(change.from),
      new_chat_member: member(change.to),
    },
  };
}

/** The service message Telegram posts in a group that became the supergroup `to`. */
export function migration(
  from: FakeUser,
  group: Extract<FakeChat, { id: number }>,
  to: number,
  messageId: number,
): UpdateBody {
  const message: Message.MigrateToChatIdMessage & { chat: GroupOrPrivateChat; from: User } = {
    message_id: messageId,
    date: seconds(),
    chat: { id: group.id, type: 'group', title: group.title },
    from: toUser(from),
    migrate_to_chat_id: to,
  };
  return { message };
}
