import { createHash } from 'node:crypto';
import type { CoreDeps, Log } from '../deps.ts';
import type { ShowInstant } from '../interaction/view.ts';
import type { AnnouncementCard } from './card.types.ts';
import { type CardBody, campaignView, eventCard, taskCard } from './card-view.ts';

/**
 * Least time between two edits of one card: a burst of answers makes one edit per window,
 * well within the platforms' edit limits (a few edits per message per few seconds).
 */
export const CARD_DEBOUNCE_MS = 5_000;
/** How long a process holds a card while it edits it; another takes over after a crash. */
const LEASE_MS = 60_000;
/** Cards edited per tick and platform. */
const CARDS_PER_TICK = 50;

/** Where a platform's cards are edited. */
export interface CardTarget {
  readonly platform: string;
  /** How the platform shows instants (Discord's timestamps). */
  readonly show?: ShowInstant;
  /** Edits the card's message in place; false when the message is gone. */
  edit(card: AnnouncementCard, body: CardBody): Promise<boolean>;
}

/**
 * Keeps posted announcement cards in step with their event or task: each tick, the cards of a
 * platform marked changed and not edited within {@link CARD_DEBOUNCE_MS} are leased, rendered
 * again from the current data and edited when what they show differs. A failed edit is tried
 * again a window later; a deleted message or subject forgets the card.
 */
export class CardRefresher {
  constructor(
    private readonly deps: CoreDeps,
    private readonly workerId: string,
    private readonly log: Log,
  ) {}

  /** One round; returns how many cards were edited. */
  async refresh(target: CardTarget, signal?: AbortSignal): Promise<number> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const lease = { workerId: this.workerId, now, until: new Date(now.getTime() + LEASE_MS) };
    const cards = await store.cards.claimDue(
      target.platform,
      lease,
      CARD_DEBOUNCE_MS,
      CARDS_PER_TICK,
    );
    let edited = 0;
    for (const card of cards) {
      if (signal?.aborted) {
        await store.cards.release(card.id, this.workerId, now);
        continue;
      }
      try {
        const body = await this.render(card, target.show);
        if (!body) {
          await store.cards.remove(card.id);
          continue;
        }
        const hash = fingerprint(body);
        if (hash !== card.renderedHash) {
          if (!(await target.edit(card, body))) {
            await store.cards.remove(card.id);
            continue;
          }
          edited++;
        }
        await store.cards.settle(card.id, this.workerId, now, hash);
      } catch (error) {
        this.log.warn({ err: error, cardId: card.id }, 'announcement card not edited');
        await store.cards.release(card.id, this.workerId, now);
      }
    }
    return edited;
  }

  /** What the card shows now; null when its event or task is gone. */
  private async render(card: AnnouncementCard, show?: ShowInstant): Promise<CardBody | null> {
    const { store } = this.deps;
    const campaign = await store.campaigns.findById(card.campaignId);
    if (!campaign) return null;
    const view = campaignView(campaign, show);
    if (card.subject.kind === 'task') {
      const task = await store.tasks.findById(campaign.id, card.subject.id);
      return task && taskCard(view, task);
    }
    const event = await store.events.findById(campaign.id, card.subject.id);
    if (!event) return null;
    const shifts = await store.events.listShifts(campaign.id, event.id);
    return eventCard(
      view,
      event,
      shifts.filter((shift) => shift.status === 'scheduled'),
    );
  }
}

/** Fingerprint of what a card shows. */
export function fingerprint(body: CardBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
}
