import type { Api } from 'grammy';
import type { Chat, User } from 'grammy/types';
import type { TextOrigin } from '../../core/commands/text-commands.ts';
import type { Actor, CommandRequest, PlatformWords } from '../../core/interaction/request.ts';

/** Telegram registers with `/start`, lists commands by that alias and links to the bot by username. */
export function telegramWords(username: string): PlatformWords {
  return {
    joinCommand: '/start',
    listsAliases: true,
    spaceRoles: false,
    startLink: (payload) => `https://t.me/${username}?start=${payload}`,
  };
}

/** Whether a chat is a group (where the bot answers commands addressed to it). */
export function isGroup(chat: Pick<Chat, 'type'>): boolean {
  return chat.type === 'group' || chat.type === 'supergroup';
}

/** The person behind an update. In Telegram a user's private chat has the user's id. */
export function actorOf(from: User, spaceAdmin?: boolean): Actor {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return {
    platform: 'telegram',
    userId: String(from.id),
    chatId: String(from.id),
    ...(from.username && { username: from.username }),
    ...(displayName && { displayName }),
    ...(from.language_code && { platformLocale: from.language_code }),
    ...(spaceAdmin !== undefined && { spaceAdmin }),
  };
}

/** The group a command came from (with its forum topic), none for a private chat. */
export function spaceOf(chat: Chat, topic?: number): CommandRequest['space'] {
  if (!isGroup(chat)) return undefined;
  const title = 'title' in chat ? chat.title : undefined;
  return {
    platform: 'telegram',
    id: String(chat.id),
    ...(title && { title }),
    ...(topic !== undefined && { topic: String(topic) }),
  };
}

/**
 * Who sent an update and where: in a group, whether they administer it (asked of Telegram each
 * time, so a demoted administrator loses organizer rights at once).
 */
export async function originOf(
  api: Api,
  words: PlatformWords,
  update: { from: User; chat: Chat; topic?: number; updateId: number },
): Promise<TextOrigin> {
  const { from, chat, updateId } = update;
  const space = spaceOf(chat, update.topic);
  const spaceAdmin = space ? await administers(api, chat.id, from.id) : undefined;
  return { actor: actorOf(from, spaceAdmin), space, requestId: `telegram:${updateId}`, words };
}

async function administers(api: Api, chatId: number, userId: number): Promise<boolean> {
  const member = await api.getChatMember(chatId, userId);
  return member.status === 'creator' || member.status === 'administrator';
}
