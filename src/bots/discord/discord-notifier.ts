import { type REST, Routes } from 'discord.js';
import type { Notifier, OutgoingMessage } from '../../core/notifications/notifier.ts';
import { fileBytes } from '../reply-files.ts';
import { deliveryError } from './discord-errors.ts';
import { renderNotice } from './discord-render.ts';

/**
 * Direct messages on Discord for the dispatcher: opens the DM channel with the user (remembered
 * for the process's lifetime: it never changes), then posts the message with its buttons and its
 * files as attachments. Failures are thrown as DeliveryError (50007 unreachable, 429 rate limited, 5xx transient,
 * other 4xx permanent).
 */
export class DiscordNotifier implements Notifier {
  readonly platform = 'discord' as const;
  private readonly dmChannels = new Map<string, string>();

  constructor(private readonly rest: REST) {}

  async send(message: OutgoingMessage): Promise<void> {
    try {
      const channelId =
        message.recipient.chatId ?? (await this.dmChannel(message.recipient.externalId));
      await this.rest.post(Routes.channelMessages(channelId), {
        body: { ...renderNotice(message.blocks, message.buttons), allowed_mentions: { parse: [] } },
        files: (message.files ?? []).map((file) => ({ name: file.name, data: fileBytes(file) })),
      });
    } catch (error) {
      throw deliveryError(error);
    }
  }

  private async dmChannel(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
    })) as { id: string };
    this.dmChannels.set(userId, channel.id);
    return channel.id;
  }
}
