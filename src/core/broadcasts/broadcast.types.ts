/** Who a broadcast goes to: everyone, the holders of a tag, or the people coming to an event. */
export type Audience =
  | { kind: 'all' }
  | { kind: 'tag'; tag: string }
  | { kind: 'event'; eventId: number };

/** A message from the organizers to many supporters; one outbox row per recipient carries it. */
export interface Broadcast {
  id: number;
  campaignId: number;
  message: string;
  /** `all`, `tag:<name>` or `event:<id>`, as written by `formatAudience`. */
  audience: string;
  sendAt: Date;
  queuedCount: number;
  createdById: number | null;
  createdAt: Date;
}

export interface NewBroadcast {
  message: string;
  audience: string;
  sendAt: Date;
  queuedCount: number;
  createdById: number | null;
}
