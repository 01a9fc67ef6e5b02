import type { CoreDeps } from '../deps.ts';
import type { Announcement } from '../interaction/reply.ts';
import { fingerprint } from './card-refresh.ts';

/** Where a card was posted. */
export interface CardPlace {
  campaignId: number;
  platform: string;
  chatId: string;
  threadId?: string | null;
  messageId: string;
}

/** Records a posted card, so that later changes to its event or task edit it in place. */
export function recordCard(deps: CoreDeps, place: CardPlace, card: Announcement): Promise<void> {
  return deps.store.cards.record({
    ...place,
    threadId: place.threadId ?? null,
    subject: card.subject,
    renderedHash: fingerprint({ blocks: card.blocks, buttons: card.buttons }),
  });
}
