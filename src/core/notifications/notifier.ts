import type { Locale, Platform } from '../campaigns/campaign.types.ts';
import type { Button, ReplyFile } from '../interaction/reply.ts';
import type { ShowInstant } from '../interaction/view.ts';
import type { PaceGate } from './pace-gate.ts';

/** Where a direct message goes: one platform identity of a supporter. */
export interface Recipient {
  platform: Platform;
  /** The platform's user id. */
  externalId: string;
  /** The private chat or DM channel, when known (Telegram: the user id works too). */
  chatId: string | null;
}

/** A message ready to deliver. */
export interface OutgoingMessage {
  /** The notification's unique key, for logs. */
  key: string;
  recipient: Recipient;
  blocks: string[];
  buttons?: Button[][];
  /** A picture to send with the text (PNG). */
  files?: ReplyFile[];
  /** The one link worth a preview (a task's own link); platforms that preview show no other. */
  preview?: string;
  locale: Locale;
}

/** What a platform's acceptance tells: the chat the message went to when it had to be opened. */
export interface SendReceipt {
  /** A direct-message channel opened for this message (Discord): kept for the next ones. */
  chatId?: string;
}

/**
 * Delivers direct messages on one platform (the console, Telegram, Discord). Resolves when the
 * platform accepted the message; throws a {@link DeliveryError} saying why it did not. A send
 * whose `signal` aborts gives up (the platform may still have received it).
 */
export interface Notifier {
  readonly platform: Platform;
  /** Platform requests one message to `recipient` costs (1 when absent). */
  requestsFor?(recipient: Recipient): number;
  /**
   * Where its client waits for the platform's pace right before each request goes out; the
   * dispatcher sets the pace. Without one, the dispatcher takes the slots before each send.
   */
  readonly gate?: PaceGate;
  /** How instants in its messages are shown, when the platform has its own markup (Discord). */
  readonly showInstant?: ShowInstant;
  // biome-ignore lint/suspicious/noConfusingVoidType: a notifier with nothing to tell resolves with nothing
  send(message: OutgoingMessage, signal?: AbortSignal): Promise<SendReceipt | void>;
}

/**
 * Why a delivery failed, in the terms of the delivery policy:
 * - `unreachable`: the user blocked the bot or cannot be messaged (Telegram 403, Discord 50007);
 * - `rate_limited`: the platform asked to slow down (429), `retryAfterMs` says for how long and
 *   `scope` whether the whole platform (`platform`) or only this chat (`chat`) must wait;
 * - `transient`: worth retrying later (5xx, network errors);
 * - `permanent`: retrying would not help (other 4xx).
 */
export type DeliveryFailure = 'unreachable' | 'rate_limited' | 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
    readonly scope: 'chat' | 'platform' = 'platform',
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
