import type { Actor } from '../../src/core/interaction/request.ts';
import type { Harness } from '../support/core-harness.ts';

export const HOUR = 60 * 60_000;

/** Event tests' shortcuts over a harness: people, events and the rows they wrote. */
export function eventFixtures(h: Harness) {
  const campaignId = async () => (await h.core.services.campaigns.ensureDefault()).id;

  const supporterOf = async (actor: Actor) => {
    const found = await h.db.store.supporters.findByIdentity(
      await campaignId(),
      actor.platform,
      actor.userId,
    );
    if (!found) throw new Error(`unknown ${actor.userId}`);
    return found;
  };

  return {
    campaignId,
    supporterOf,

    /** A registered Telegram supporter promoted to organizer. */
    async organizer(userId: string, username: string): Promise<Actor> {
      const actor = await h.volunteer(userId, username);
      const supporter = await supporterOf(actor);
      await h.db.store.supporters.update(await campaignId(), supporter.id, { role: 'organizer' });
      return actor;
    },

    /** Runs `/event create ...` and returns the new event's number. */
    async createEvent(actor: Actor, options: string): Promise<number> {
      const reply = await h.say(actor, `/event create ${options}`);
      const id = /#(\d+)/.exec(h.text(reply))?.[1];
      if (!id) throw new Error(`no event created: ${h.text(reply)}`);
      return Number(id);
    },

    async event(id: number) {
      const found = await h.db.store.events.findById(await campaignId(), id);
      if (!found) throw new Error(`no event ${id}`);
      return found;
    },

    async eventCount(): Promise<number> {
      return h.db.client.event.count();
    },

    /** The outbox rows of an event, optionally of one kind. */
    async rows(eventId: number, kind?: string) {
      const rows = await h.db.store.notifications.list(await campaignId(), { eventId });
      return kind ? rows.filter((row) => row.kind === kind) : rows;
    },

    async answerOf(eventId: number, actor: Actor) {
      const supporter = await supporterOf(actor);
      return (await h.db.store.events.findRsvp(await campaignId(), eventId, supporter.id))?.answer;
    },
  };
}
