import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps, ErrorLog } from '../deps.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import { notificationKey } from '../notifications/notification-keys.ts';
import { quietHoursEnd } from '../notifications/quiet-hours.ts';
import type { Store } from '../ports.ts';
import type { CoverCandidate, CoverRequest } from './cover.types.ts';

/** People one wave reaches by default, and the pause before the next wave while unfilled. */
export const WAVE_SIZE = 5;
export const WAVE_INTERVAL_MS = 30 * 60_000;
/** Ranked candidates read per page while quiet hours thin a wave out, and pages at most. */
const PAGE = 50;
const MAX_PAGES = 10;
/** Covers one tick sends waves for at most (the next tick takes the rest). */
const DUE_AT_ONCE = 20;

/**
 * Sends the next wave of a cover: offers (outbox rows with a "Take this seat" button) to the
 * best ranked matching volunteers not in quiet hours, and the time of the wave after it (none
 * after the start). The wave is claimed by one conditional update, so of two processes one
 * sends it; the rows' unique keys never offer the same cover twice to a person. Returns how
 * many people this wave reaches (0 when another process sent it).
 */
export async function sendWave(
  store: Store,
  campaign: Campaign,
  cover: CoverRequest,
  event: CampaignEvent,
  now: Date,
): Promise<number> {
  if (seatsGone(cover, event, now)) {
    await store.covers.close(campaign.id, event.id);
    return 0;
  }
  const next = new Date(now.getTime() + WAVE_INTERVAL_MS);
  const claimed = await store.covers.claimWave(
    cover.id,
    cover.wave,
    next < event.startsAt ? next : null,
  );
  if (!claimed) return 0;
  const recipients = await waveRecipients(store, campaign, cover, event, now);
  await store.notifications.enqueue(
    campaign.id,
    recipients.map((supporterId) => ({
      kind: 'cover_offer',
      key: notificationKey('cover_offer', cover.id, supporterId),
      recipientId: supporterId,
      eventId: event.id,
      dueAt: now,
      payload: { coverId: cover.id },
    })),
  );
  return recipients.length;
}

/**
 * Whether a cover has nothing left to offer: its event is cancelled or has started, or, except
 * for a swap (whose requester holds the seat until it is taken), every seat is taken by now.
 */
export function seatsGone(cover: CoverRequest, event: CampaignEvent, now: Date): boolean {
  return event.status === 'cancelled' || event.startsAt <= now || seatsTaken(cover, event);
}

/** Every seat is taken (by anyone, with the offer or not); never so for a swap's held seat. */
export function seatsTaken(cover: CoverRequest, event: CampaignEvent): boolean {
  const full = event.capacity !== null && event.yesCount >= event.capacity;
  return full && cover.kind !== 'swap';
}

/** Up to `waveSize` ranked candidates outside their quiet hours, read a page at a time. */
async function waveRecipients(
  store: Store,
  campaign: Campaign,
  cover: CoverRequest,
  event: CampaignEvent,
  now: Date,
): Promise<number[]> {
  const week = weekOf(event.startsAt, campaign.timezone);
  const chosen: number[] = [];
  for (let page = 0; page < MAX_PAGES && chosen.length < cover.waveSize; page++) {
    const candidates = await store.covers.candidates(campaign.id, {
      cover,
      event,
      week,
      limit: PAGE,
      offset: page * PAGE,
    });
    for (const candidate of candidates) {
      if (chosen.length < cover.waveSize && !quiet(candidate, campaign, now)) {
        chosen.push(candidate.supporterId);
      }
    }
    if (candidates.length < PAGE) break;
  }
  return chosen;
}

function quiet(candidate: CoverCandidate, campaign: Campaign, now: Date): boolean {
  if (!candidate.quietHours) return false;
  const zone = candidate.timezone ?? campaign.timezone;
  return quietHoursEnd(candidate.quietHours, zone, now) !== null;
}

/** Monday to Monday around the instant, in the campaign's zone. */
function weekOf(at: Date, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(at, { zone }).startOf('week');
  return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
}

/**
 * Sends every wave that fell due, across campaigns: the scheduler calls it each tick. Returns
 * how many offers were queued; a failure on one cover is logged and the others go on.
 */
export async function sendDueWaves(deps: CoreDeps, log: ErrorLog): Promise<number> {
  const { store, clock } = deps;
  const now = clock.now();
  let offered = 0;
  for (const cover of await store.covers.dueWaves(now, DUE_AT_ONCE)) {
    try {
      offered += await store.transaction(async (tx) => {
        const campaign = await tx.campaigns.findById(cover.campaignId);
        const event = await tx.events.findById(cover.campaignId, cover.eventId);
        if (!campaign || !event) return 0;
        return sendWave(tx, campaign, cover, event, now);
      });
    } catch (error) {
      log.error({ err: error, coverId: cover.id }, 'cover wave failed');
    }
  }
  return offered;
}
