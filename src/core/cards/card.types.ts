import type { CardSubject } from '../interaction/reply.ts';

/** An announcement card as posted: where its message is, and what it shows. */
export interface AnnouncementCard {
  id: number;
  campaignId: number;
  platform: string;
  chatId: string;
  /** Telegram forum topic; null elsewhere. */
  threadId: string | null;
  messageId: string;
  subject: CardSubject;
  /** Fingerprint of what the message shows now. */
  renderedHash: string | null;
}

export type NewCard = Omit<AnnouncementCard, 'id'>;

/**
 * Posted cards. Changes to what a card shows mark it dirty in the database itself (triggers on
 * events, shifts and tasks, whichever process or platform wrote them); each platform's process
 * claims its due cards under a lease, so one edit is made once.
 */
export interface CardRepo {
  record(card: NewCard): Promise<void>;
  /**
   * Leases up to `limit` dirty cards of the platform not edited within the last `debounceMs`
   * to `workerId` until `until`, clearing their dirty mark (a later change marks them again).
   */
  claimDue(
    platform: string,
    lease: { workerId: string; now: Date; until: Date },
    debounceMs: number,
    limit: number,
  ): Promise<AnnouncementCard[]>;
  /** The edit was made (or was not needed): the card shows `renderedHash` since `at`. */
  settle(id: number, workerId: string, at: Date, renderedHash: string): Promise<void>;
  /** The edit failed: it is tried again a debounce window later. */
  release(id: number, workerId: string, at: Date): Promise<void>;
  /** The message is gone (deleted, or the bot removed): the card is forgotten. */
  remove(id: number): Promise<void>;
}
