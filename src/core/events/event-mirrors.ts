import { createHash } from 'node:crypto';
import type { Campaign, ChatSpace } from '../campaigns/campaign.types.ts';
import type { CoreDeps, Log } from '../deps.ts';
import { translate } from '../i18n/i18n.ts';
import type { CampaignEvent } from './event.types.ts';
import {
  type EventMirror,
  type MirroredEvent,
  MirrorGoneError,
  MirrorPermissionError,
  type MirrorSettlement,
  type MirrorTarget,
} from './event-mirror.types.ts';
import { nextDateOfEachSeries } from './series.types.ts';
import { shiftHours } from './shifts.ts';

/** How long one process may take to send a change before another may try. */
const LEASE_MS = 60_000;
/** Waits after failed tries: 1, 2, 4 ... minutes, at most an hour. */
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

/** Discord's limits on a scheduled event's fields. */
const MAX_TITLE = 100;
const MAX_DESCRIPTION = 1000;
const MAX_LOCATION = 100;

/**
 * Keeps bound servers' own calendars (Discord's Events) in step with the campaign's events,
 * whichever platform created or changed them: every event not over is shown, changes are sent,
 * cancelled events are cancelled there and ended ones marked over. The database holds what was
 * sent, so a change is sent once (under a lease) and a failure is tried again later; a missing
 * permission is told once to the person who ran /setup. A mirror the server's people deleted is
 * left alone.
 */
export class EventMirrors {
  constructor(
    private readonly deps: CoreDeps,
    private readonly workerId: string,
    private readonly log: Log,
  ) {}

  /**
   * One round over the servers this process serves, until `signal` aborts (the process stops);
   * returns how many changes were sent.
   */
  async sync(target: MirrorTarget, signal?: AbortSignal): Promise<number> {
    const spaces = await this.deps.store.campaigns.listSpacesOn(target.platform);
    let sent = 0;
    for (const space of spaces) {
      if (signal?.aborted) break;
      if (!target.serves(space.externalId)) continue;
      try {
        sent += await this.syncSpace(space, target);
      } catch (error) {
        this.log.error({ err: error, spaceId: space.id }, 'event mirrors not synced');
      }
    }
    return sent;
  }

  private async syncSpace(space: ChatSpace, target: MirrorTarget): Promise<number> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const campaign = await store.campaigns.findById(space.campaignId);
    if (!campaign) return 0;
    const all = await store.events.listUpcoming(campaign.id, now);
    // A series is shown at its next date only: its later dates would fill the server's Events.
    const events = nextDateOfEachSeries(all.filter((e) => e.parentId === null));
    const ids = events.map((e) => e.id);
    const known = new Map(
      (await store.eventMirrors.listOf(space.id, ids)).map((m) => [m.eventId, m]),
    );
    let sent = 0;
    for (const event of events) {
      const shifts = all.filter((s) => s.parentId === event.id);
      const shown = mirroredEvent(event, shifts, campaign);
      const hash = fingerprint(shown);
      const mirror = known.get(event.id);
      // Removed in the server by its people: not shown again.
      if (mirror && mirror.state !== 'scheduled') continue;
      if (mirror?.syncedHash === hash || waiting(mirror, now)) continue;
      // Discord takes no new event that has already begun.
      if (!mirror?.externalId && event.startsAt <= now) continue;
      const done = await this.send(space, campaign, event.id, target, async (claimed) => {
        // Another process may have sent it since the list was read.
        if (claimed.state !== 'scheduled' || claimed.syncedHash === hash) return {};
        if (!claimed.externalId) {
          const externalId = await target.create(space.externalId, shown);
          return { externalId, syncedHash: hash };
        }
        await target.update(space.externalId, claimed.externalId, shown);
        return { syncedHash: hash };
      });
      if (done) sent++;
    }
    // Mirrors of events no longer upcoming: cancelled, or over.
    for (const mirror of await store.eventMirrors.listOpen(space.id)) {
      if (ids.includes(mirror.eventId) || waiting(mirror, now) || !mirror.externalId) continue;
      const event = await store.events.findById(campaign.id, mirror.eventId);
      const externalId = mirror.externalId;
      const cancelled = event?.status === 'cancelled';
      if (!cancelled && event && event.endsAt > now) continue;
      const done = await this.send(space, campaign, mirror.eventId, target, async (claimed) => {
        if (claimed.state !== 'scheduled') return {};
        if (cancelled) await target.cancel(space.externalId, externalId);
        else await target.complete(space.externalId, externalId);
        return { state: cancelled ? 'cancelled' : 'completed' };
      });
      if (done) sent++;
    }
    return sent;
  }

  /**
   * Sends one change under the mirror's lease; false when another process holds it, or it failed.
   */
  private async send(
    space: ChatSpace,
    campaign: Campaign,
    eventId: number,
    target: MirrorTarget,
    work: (mirror: EventMirror) => Promise<MirrorSettlement>,
  ): Promise<boolean> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const key = { campaignId: campaign.id, eventId, chatSpaceId: space.id };
    const until = new Date(now.getTime() + LEASE_MS);
    const mirror = await store.eventMirrors.claim(key, this.workerId, now, until);
    if (!mirror) return false;
    try {
      const outcome = await work(mirror);
      await store.eventMirrors.settle(mirror.id, this.workerId, outcome);
      if (space.mirrorWarnedAt) {
        await store.campaigns.setMirrorWarning(space.id, null);
        space.mirrorWarnedAt = null;
      }
      return true;
    } catch (error) {
      if (error instanceof MirrorGoneError) {
        await store.eventMirrors.settle(mirror.id, this.workerId, { state: 'removed' });
        return false;
      }
      const wait = Math.min(RETRY_BASE_MS * 2 ** mirror.attempts, RETRY_MAX_MS);
      const reason = error instanceof Error ? error.message : String(error);
      await store.eventMirrors.fail(
        mirror.id,
        this.workerId,
        reason,
        new Date(now.getTime() + wait),
      );
      if (error instanceof MirrorPermissionError) await this.warn(space, campaign, target);
      else this.log.warn({ err: error, eventId, spaceId: space.id }, 'event mirror not sent');
      return false;
    }
  }

  /** Tells the person who ran /setup, once, that the bot lacks the permission. */
  private async warn(space: ChatSpace, campaign: Campaign, target: MirrorTarget): Promise<void> {
    if (space.mirrorWarnedAt) return;
    const now = this.deps.clock.now();
    await this.deps.store.campaigns.setMirrorWarning(space.id, now);
    space.mirrorWarnedAt = now;
    this.log.warn({ spaceId: space.id }, 'event mirrors need a permission');
    if (!space.setupUserId) return;
    const text = translate(campaign.locale, 'mirror.missing_permission', {
      campaign: campaign.name,
      server: space.title ?? space.externalId,
    });
    await target.tell(space.setupUserId, text).catch((error: unknown) => {
      this.log.warn({ err: error, spaceId: space.id }, 'permission warning not delivered');
    });
  }
}

/** Whether a failed try waits for its next turn. */
function waiting(mirror: EventMirror | undefined, now: Date): boolean {
  return !!mirror?.retryAt && mirror.retryAt > now;
}

/**
 * What the server's calendar shows: the title, place, times, and a description with shifts and,
 * for a series, that it repeats.
 */
export function mirroredEvent(
  event: CampaignEvent,
  shifts: readonly CampaignEvent[],
  campaign: Pick<Campaign, 'locale'>,
): MirroredEvent {
  const t = (id: Parameters<typeof translate>[1], params = {}) =>
    translate(campaign.locale, id, params);
  const parts = event.description ? [event.description] : [];
  const open = shifts
    .filter((s) => s.status === 'scheduled')
    .sort((a, b) => (a.shiftNumber ?? 0) - (b.shiftNumber ?? 0));
  if (open.length > 0) {
    const lines = open.map((s) =>
      t('mirror.shift_line', {
        shift: s.shiftNumber ?? 0,
        hours: shiftHours(s),
        label: s.label ? ` ${s.label}` : '',
      }),
    );
    parts.push([t('mirror.shifts_title'), ...lines].join('\n'));
  }
  // A series is shown at its next date only: say it repeats, and how to answer every date.
  if (event.seriesId !== null) parts.push(t('mirror.series_line', { id: event.id }));
  const footer = t('mirror.answer_line', { id: event.id });
  const room = MAX_DESCRIPTION - footer.length - 2;
  const body = parts.join('\n\n');
  const description = [body.length > room ? `${body.slice(0, room - 1)}…` : body, footer]
    .filter(Boolean)
    .join('\n\n');
  return {
    title: event.title.slice(0, MAX_TITLE),
    description,
    location: (event.location ?? t('mirror.no_location')).slice(0, MAX_LOCATION),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  };
}

function fingerprint(shown: MirroredEvent): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}
