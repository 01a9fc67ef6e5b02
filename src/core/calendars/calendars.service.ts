import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import { type DueTask, eventsToIcs } from '../events/ics.ts';
import type { SeriesEntry } from '../events/series-ics.ts';
import type { Store } from '../ports.ts';
import type { CalendarFeed } from './calendar.types.ts';

/** Public half of a token: 9 random bytes, 12 characters. */
const LOOKUP_BYTES = 9;
const LOOKUP_LENGTH = 12;
/** Secret half of a token: 128 random bits, 22 characters. */
const SECRET_BYTES = 16;
const TOKEN = /^[A-Za-z0-9_-]{34}$/;
/** Feeds keep events that ended this long ago, so a calendar does not drop them at once. */
const KEPT_MS = 30 * 24 * 60 * 60_000;

/** A feed's two addresses: `webcal://` (subscribe buttons) and `https://` (paste in a URL box). */
export interface FeedAddress {
  webcal: string;
  https: string;
}

/**
 * Live calendar feeds served at `GET /calendar/<token>.ics`: the campaign's upcoming events, and
 * each supporter's own (what they said yes to, shifts included, and their claimed tasks' due
 * times). A token is a public lookup half and a 128-bit secret half compared in constant time.
 */
export class CalendarsService {
  constructor(private readonly deps: CoreDeps) {}

  /** Whether feeds have an address (the HTTP server runs). */
  enabled(): boolean {
    return !!this.deps.settings.publicBaseUrl;
  }

  /** The address of the campaign's feed (organizers see it in `/setup`), made on first use. */
  async campaignFeed(campaignId: number): Promise<FeedAddress> {
    const feed = await this.deps.store.calendarFeeds.find(campaignId, null);
    return this.address(feed ?? (await this.renew(campaignId, null)));
  }

  /** The address of a supporter's own feed, made on first use. */
  async personalFeed(campaignId: number, supporterId: number): Promise<FeedAddress> {
    const feed = await this.deps.store.calendarFeeds.find(campaignId, supporterId);
    return this.address(feed ?? (await this.renew(campaignId, supporterId)));
  }

  /** Replaces a supporter's feed token: the old address stops working. */
  async resetPersonalFeed(campaignId: number, supporterId: number): Promise<FeedAddress> {
    return this.address(await this.renew(campaignId, supporterId));
  }

  /** The `.ics` text of the feed with this token; null for an unknown token or an erased supporter. */
  async render(token: string): Promise<string | null> {
    const { store, clock } = this.deps;
    if (!TOKEN.test(token)) return null;
    const feed = await store.calendarFeeds.findByLookup(token.slice(0, LOOKUP_LENGTH));
    if (!feed || !sameSecret(token.slice(LOOKUP_LENGTH), feed.secret)) return null;
    const campaign = await store.campaigns.findById(feed.campaignId);
    if (!campaign) return null;
    const now = clock.now();
    const endsAfter = new Date(now.getTime() - KEPT_MS);
    const options = { stamp: now, name: campaign.name };
    if (feed.supporterId === null) {
      const events = await store.events.listForCalendar(campaign.id, { endsAfter, shifts: false });
      return eventsToIcs(events, options, [], await seriesOf(store, campaign.id, events));
    }
    const supporter = await store.supporters.findById(campaign.id, feed.supporterId);
    if (!supporter || supporter.status === 'erased') return null;
    const going = await store.events.listRsvps(campaign.id, {
      supporterId: supporter.id,
      answers: ['yes'],
    });
    const events = await store.events.listForCalendar(campaign.id, {
      endsAfter,
      eventIds: going.map((rsvp) => rsvp.eventId),
      shifts: true,
    });
    return eventsToIcs(events, options, await this.dueTasks(campaign.id, supporter.id));
  }

  /** Tasks the supporter has claimed that have a due time. */
  private async dueTasks(campaignId: number, supporterId: number): Promise<DueTask[]> {
    const { store } = this.deps;
    const held = await store.tasks.assignments(campaignId, { supporterId });
    const tasks: DueTask[] = [];
    for (const assignment of held.filter((a) => a.status === 'claimed')) {
      const task = await store.tasks.findById(campaignId, assignment.taskId);
      if (task?.dueAt) tasks.push({ id: task.id, title: task.title, dueAt: task.dueAt });
    }
    return tasks;
  }

  private renew(campaignId: number, supporterId: number | null): Promise<CalendarFeed> {
    return this.deps.store.calendarFeeds.replace(campaignId, supporterId, {
      lookup: randomBytes(LOOKUP_BYTES).toString('base64url'),
      secret: randomBytes(SECRET_BYTES).toString('base64url'),
    });
  }

  private address(feed: CalendarFeed): FeedAddress {
    const base = this.deps.settings.publicBaseUrl;
    if (!base) throw new DomainError('CALENDAR_NO_ADDRESS');
    const https = `${base}/calendar/${feed.lookup}${feed.secret}.ics`;
    return { https, webcal: https.replace(/^https?:/, 'webcal:') };
  }
}

/** The series the events are dates of, each with every date it has made. */
async function seriesOf(
  store: Store,
  campaignId: number,
  events: readonly CampaignEvent[],
): Promise<SeriesEntry[]> {
  const ids = [...new Set(events.flatMap((event) => event.seriesId ?? []))];
  const entries: SeriesEntry[] = [];
  for (const series of await store.series.listByIds(campaignId, ids)) {
    entries.push({ series, occurrences: await store.series.occurrences(campaignId, series.id) });
  }
  return entries;
}

function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
