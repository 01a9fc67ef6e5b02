import type { CampaignEvent, RsvpChoice } from './event.types.ts';
import type { SeriesRule } from './series-rule.ts';

/** A recurring series: its rule in its zone, and what each new occurrence copies. */
export interface EventSeries extends SeriesRule {
  id: number;
  campaignId: number;
  durationMinutes: number;
  title: string;
  description: string | null;
  location: string | null;
  capacity: number | null;
  reminderOffsets: string | null;
  hostId: number | null;
  createdById: number | null;
  /** The occurrence whose shifts each new occurrence copies. */
  templateId: number | null;
  /** Occurrences starting up to this instant exist. */
  materializedUntil: Date;
  /** Raised by every change a calendar shows (the series' ICS SEQUENCE). */
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewSeries = Omit<EventSeries, 'id' | 'sequence' | 'createdAt' | 'updatedAt'>;

export type SeriesPatch = Partial<
  Pick<
    EventSeries,
    | 'rule'
    | 'firstStart'
    | 'durationMinutes'
    | 'title'
    | 'description'
    | 'location'
    | 'capacity'
    | 'reminderOffsets'
    | 'hostId'
    | 'templateId'
  >
>;

/** A supporter's answer to every future occurrence of a series (`series:on`). */
export interface StandingAnswer {
  seriesId: number;
  supporterId: number;
  answer: RsvpChoice;
  /** The shift of each occurrence answered; null for the occurrence itself. */
  shiftNumber: number | null;
}

/** Which occurrences an edit or a cancellation is about. */
export const SERIES_SCOPES = ['this', 'following', 'all'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

/**
 * The events with each series kept to its first date in the list (the next one, in a list of
 * upcoming events): for lists a series would otherwise fill.
 */
export function nextDateOfEachSeries(events: readonly CampaignEvent[]): CampaignEvent[] {
  const seen = new Set<number>();
  return events.filter((event) => {
    if (event.seriesId === null) return true;
    if (seen.has(event.seriesId)) return false;
    seen.add(event.seriesId);
    return true;
  });
}
