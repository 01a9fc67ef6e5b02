import { type Api, InputFile } from 'grammy';
import type { MaybeInaccessibleMessage, Message } from 'grammy/types';
import type { Reply } from '../../core/interaction/reply.ts';
import { fileSource, isPicture } from '../reply-files.ts';
import { linkPreview } from './telegram-notifier.ts';
import type { TelegramReply } from './telegram-render.ts';

/** Where a message goes: a chat, and in a forum group the topic (`message_thread_id`). */
export interface Place {
  chatId: number | string;
  thread?: number;
}

/** The forum topic a message was written in; none in a private chat or a group's main chat. */
export function topicOf(message: MaybeInaccessibleMessage | undefined): number | undefined {
  if (!message || !('is_topic_message' in message) || !message.is_topic_message) return undefined;
  return message.message_thread_id;
}

function inTopic(place: Place): { message_thread_id?: number } {
  return place.thread === undefined ? {} : { message_thread_id: place.thread };
}

/** One text message in its place, links without preview unless `preview` names the one. */
export function say(
  api: Api,
  place: Place,
  text: string,
  keyboard?: TelegramReply['keyboard'],
  preview?: string,
): Promise<Message.TextMessage> {
  return api.sendMessage(place.chatId, text, {
    ...inTopic(place),
    ...(keyboard && { reply_markup: keyboard }),
    link_preview_options: linkPreview(preview),
  });
}

/**
 * A rendered reply in its place: text parts (the keyboard under the last), then pictures as
 * photos and other files as documents.
 */
export async function sendReply(
  api: Api,
  place: Place,
  rendered: TelegramReply,
  reply: Pick<Reply, 'files' | 'preview'>,
): Promise<void> {
  const { parts, keyboard } = rendered;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await say(api, place, part, last && keyboard ? keyboard : undefined, reply.preview);
  }
  const topic = inTopic(place);
  for (const file of reply.files ?? []) {
    // A supplier: a large export is read again, page by page, if the upload is retried.
    const upload = new InputFile(() => fileSource(file), file.name);
    if (isPicture(file)) await api.sendPhoto(place.chatId, upload, topic);
    else await api.sendDocument(place.chatId, upload, topic);
  }
}
