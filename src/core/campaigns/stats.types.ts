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
