import type { CampaignEvent } from '../events/event.types.ts';

/** Why seats are offered: a volunteer cancelled, asked for a swap, or an organizer hands them out. */
export type CoverKind = 'cancel' | 'swap' | 'handout';
export type CoverStatus = 'open' | 'filled' | 'closed';

/** Seats of an event or shift offered to other volunteers in waves of direct messages. */
export interface CoverRequest {
  id: number;
  campaignId: number;
  eventId: number;
  /** Who gives the seat up (cancel, swap); null for an organizer's hand-out. */
  requesterId: number | null;
  kind: CoverKind;
  seats: number;
  taken: number;
  status: CoverStatus;
  /** Waves sent so far. */
  wave: number;
  /** People one wave reaches at most. */
  waveSize: number;
  /** When the next wave is due; null when none will follow. */
  nextWaveAt: Date | null;
  createdAt: Date;
}

export interface NewCoverRequest {
  eventId: number;
  requesterId: number | null;
  kind: CoverKind;
  seats: number;
  waveSize: number;
}

/** A volunteer a wave may reach, best ranked first, with what quiet hours need. */
export interface CoverCandidate {
  supporterId: number;
  quietHours: string | null;
  timezone: string | null;
}

/** Whom a wave looks for: matching volunteers of the event not yet offered this cover. */
export interface CandidateQuery {
  cover: CoverRequest;
  event: Pick<CampaignEvent, 'id' | 'requiredTag' | 'startsAt' | 'endsAt' | 'parentId'>;
  /** Commitments are counted in this week (the event's, in the campaign's zone). */
  week: { from: Date; to: Date };
  limit: number;
  offset: number;
}

/**
 * Cover requests. Taking a seat and sending a wave are each one conditional update, so of two
 * presses (or two processes) at once exactly one goes through.
 */
export interface CoverRepo {
  create(campaignId: number, input: NewCoverRequest): Promise<CoverRequest>;
  findById(campaignId: number, id: number): Promise<CoverRequest | null>;
  /** Open covers of these events (all the campaign's when `eventIds` is omitted), oldest first. */
  listOpen(campaignId: number, eventIds?: readonly number[]): Promise<CoverRequest[]>;
  /** Takes one seat if any is left; the last one fills the cover. False when none was left. */
  take(campaignId: number, id: number): Promise<boolean>;
  /** Marks wave `wave` sent and sets the next one, if no other process did; false otherwise. */
  claimWave(id: number, wave: number, nextWaveAt: Date | null): Promise<boolean>;
  /** Open covers whose next wave is due, across campaigns. */
  dueWaves(now: Date, limit: number): Promise<CoverRequest[]>;
  /** Closes open covers of the event (of one requester when given); how many were closed. */
  close(campaignId: number, eventId: number, requesterId?: number | null): Promise<number>;
  /**
   * Matching volunteers, ranked by fewest commitments that week, then most past attendance:
   * registered, active, reminders on, a reachable identity, not going or waiting, holding the
   * shift's tag, no overlapping shift, not the requester, not offered this cover before.
   */
  candidates(campaignId: number, query: CandidateQuery): Promise<CoverCandidate[]>;
}
