import type { Locale, Platform } from '../campaigns/campaign.types.ts';
import type { Button } from '../interaction/reply.ts';

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
  locale: Locale;
}

/**
 * Delivers direct messages on one platform (the console, Telegram, Discord). Resolves when the
 * platform accepted the message; throws a {@link DeliveryError} saying why it did not.
 */
export interface Notifier {
  readonly platform: Platform;
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * Why a delivery failed, in the terms of the delivery policy:
 * - `unreachable`: the user blocked the bot or cannot be messaged (Telegram 403, Discord 50007);
 * - `rate_limited`: the platform asked to slow down (429), `retryAfterMs` says for how long;
 * - `transient`: worth retrying later (5xx, network errors);
 * - `permanent`: retrying would not help (other 4xx).
 */
export type DeliveryFailure = 'unreachable' | 'rate_limited' | 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
