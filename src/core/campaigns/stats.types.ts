/** Headline figures of a campaign, as `/stats` shows them. */
export interface CampaignCounts {
  /** Registered supporters: consented and not erased. */
  supporters: number;
  /** Registered supporters who wrote to the assistant since the given instant. */
  activeSince: number;
  tasksOpen: number;
  tasksClosed: number;
  /** Assignments volunteers marked done. */
  assignmentsDone: number;
}

/** A campaign tag and how many registered supporters hold it. */
export interface TagCount {
  name: string;
  supporters: number;
}

/** A platform username of a supporter, for listings and exports. */
export interface Handle {
  supporterId: number;
  platform: string;
  username: string;
}

/** Yes answers to events held in a stretch of time, and what became of them at check-in. */
export interface AttendanceCount {
  /** Answers `yes` (walk-ins included: they are recorded as `yes`). */
  said: number;
  came: number;
  noShow: number;
}

/** An event that took place, with its attendance. */
export interface HeldEvent extends AttendanceCount {
  id: number;
  title: string;
  startsAt: Date;
}

/** How an event's answers stand. */
export interface EventAnswers {
  eventId: number;
  yes: number;
  maybe: number;
  waitlist: number;
}

/** A supporter as a line of the supporter export. */
export interface ExportedSupporter {
  id: number;
  displayName: string | null;
  handles: Omit<Handle, 'supporterId'>[];
  /** Tags given by organizers, by name. */
  tags: string[];
  points: number;
  status: string;
  consentAt: Date | null;
}
