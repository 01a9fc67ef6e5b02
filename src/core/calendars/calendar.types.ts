/** A live calendar feed: the campaign's (no supporter) or one supporter's. */
export interface CalendarFeed {
  id: number;
  campaignId: number;
  supporterId: number | null;
  /** Public half of the token. */
  lookup: string;
  /** Secret half of the token. */
  secret: string;
  createdAt: Date;
}
