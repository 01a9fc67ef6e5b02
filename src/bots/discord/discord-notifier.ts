import { DefaultRestOptions, REST, type RESTOptions, Routes } from 'discord.js';
import type {
  Notifier,
  OutgoingMessage,
  Recipient,
  SendReceipt,
} from '../../core/notifications/notifier.ts';
import type { PaceGate } from '../../core/notifications/pace-gate.ts';
import { fileBytes } from '../reply-files.ts';
import { deliveryError } from './discord-errors.ts';
import { discordInstant, renderNotice } from './discord-render.ts';

/**
 * Direct messages on Discord for the dispatcher: posts to the recipient's DM channel, opening it
 * first when its id is not known yet; the id opened comes back in the receipt, so the dispatcher
 * keeps it with the identity and the channel is never opened again (not even after a restart).
 * The message goes with its buttons and its files as attachments; its instants are Discord
 * timestamps.
 * Failures are thrown as DeliveryError (50007 unreachable, 429 rate limited, 5xx transient,
 * other 4xx permanent).
 */
export class DiscordNotifier implements Notifier {
  readonly platform = 'discord' as const;
  /** Times in direct messages are shown in each reader's own zone. */
  readonly showInstant = discordInstant;

  /** `rest` made by {@link pacedRest} with `gate`, or any REST client (then paced per message). */
  constructor(
    private readonly rest: REST,
    readonly gate?: PaceGate,
  ) {}

  /** Two requests while the DM channel is unknown (open it, then post), else one. */
  requestsFor(recipient: Recipient): number {
    return recipient.chatId ? 1 : 2;
  }

  async send(message: OutgoingMessage, signal?: AbortSignal): Promise<SendReceipt> {
    try {
      const known = message.recipient.chatId;
      const channelId = known ?? (await this.openDm(message.recipient.externalId, signal));
      await this.rest.post(Routes.channelMessages(channelId), {
        body: { ...renderNotice(message.blocks, message.buttons), allowed_mentions: { parse: [] } },
        files: (message.files ?? []).map((file) => ({ name: file.name, data: fileBytes(file) })),
        ...(signal && { signal }),
      });
      return known ? {} : { chatId: channelId };
    } catch (error) {
      throw deliveryError(error);
    }
  }

  private async openDm(userId: string, signal?: AbortSignal): Promise<string> {
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
      ...(signal && { signal }),
    })) as { id: string };
    return channel.id;
  }
}

/**
 * A REST client whose every request, retries included, waits at `gate` right before it goes out:
 * the outbox's own client, so that its pace counts each request the platform sees.
 */
export function pacedRest(options: Partial<RESTOptions>, gate: PaceGate): REST {
  return new REST({
    ...options,
    makeRequest: async (url, init) => {
      await gate.pass(1, init.signal ?? undefined);
      return DefaultRestOptions.makeRequest(url, init);
    },
  });
}
