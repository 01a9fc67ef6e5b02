import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps, ErrorLog } from '../deps.ts';
import { DomainError } from '../errors.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import { EventsService } from '../events/events.service.ts';
import { type CoverStarted, handOutSeats, requestSwap, type SeatTaken, takeSeat } from './cover.ts';
import type { CoverRequest } from './cover.types.ts';
import { seatsGone, sendDueWaves } from './cover-waves.ts';

/** An open cover request and the event or shift it offers seats of. */
export interface OpenCover {
  cover: CoverRequest;
  event: CampaignEvent;
}

const TARGET = /^#?(\d{1,9})(?:\.(\d{1,3}))?$/;

/** Cover requests: swaps, hand-outs of free seats, taking an offered seat, and the waves. */
export class CoversService {
  private readonly events: EventsService;

  constructor(private readonly deps: CoreDeps) {
    this.events = new EventsService(deps);
  }

  /** `/event swap 12 shift:2`: asks others to take the supporter's seat. */
  async swap(
    campaign: Campaign,
    eventId: number,
    shiftNumber: number | undefined,
    supporterId: number,
  ): Promise<CoverStarted | { waitlisted: true; event: CampaignEvent }> {
    const usage = `/event swap ${eventId}`;
    const event = await this.events.target(campaign.id, eventId, shiftNumber, usage);
    return requestSwap(this.deps, campaign, event, supporterId);
  }

  /** `/event handout 12.2`: offers the free seats of an event or shift. */
  async handout(campaign: Campaign, target: string, shiftNumber?: number): Promise<CoverStarted> {
    const event = await this.resolve(campaign.id, target, shiftNumber);
    return handOutSeats(this.deps, campaign, event);
  }

  /** "Take this seat". */
  take(campaign: Campaign, coverId: number, supporterId: number): Promise<SeatTaken> {
    return takeSeat(this.deps, campaign, coverId, supporterId);
  }

  /** Open covers of these events (all the campaign's when omitted), each with its event. */
  async open(campaignId: number, eventIds?: readonly number[]): Promise<OpenCover[]> {
    const covers = await this.deps.store.covers.listOpen(campaignId, eventIds);
    const open: OpenCover[] = [];
    for (const cover of covers) {
      const event = await this.deps.store.events.findById(campaignId, cover.eventId);
      if (event && !seatsGone(cover, event, this.deps.clock.now())) open.push({ cover, event });
    }
    return open;
  }

  /** The waves that fell due (the scheduler calls it each tick). */
  sendDueWaves(log: ErrorLog): Promise<number> {
    return sendDueWaves(this.deps, log);
  }

  /** `12` or `12.2` (or `12 shift:2`): the event, or one of its shifts. */
  private async resolve(
    campaignId: number,
    target: string,
    shiftNumber?: number,
  ): Promise<CampaignEvent> {
    const match = TARGET.exec(target.trim());
    if (!match) throw new DomainError('COVER_BAD_TARGET', { text: target });
    const shift = match[2] === undefined ? shiftNumber : Number(match[2]);
    return this.events.target(campaignId, Number(match[1]), shift, null);
  }
}
