export const TASK_STATUSES = ['open', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['claimed', 'done', 'dropped'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** An action handed out to volunteers. */
export interface Task {
  id: number;
  campaignId: number;
  title: string;
  description: string | null;
  link: string | null;
  dueAt: Date | null;
  slots: number;
  /** Assignments claimed or done. */
  filled: number;
  points: number;
  requiredTag: string | null;
  status: TaskStatus;
  createdById: number | null;
  createdAt: Date;
  closedAt: Date | null;
}

export interface NewTask {
  title: string;
  description?: string | null;
  link?: string | null;
  dueAt?: Date | null;
  slots?: number;
  points?: number;
  /** Tag name; created in the campaign when missing. */
  requiredTag?: string | null;
  createdById?: number | null;
}

export interface Assignment {
  id: number;
  campaignId: number;
  taskId: number;
  supporterId: number;
  status: AssignmentStatus;
  note: string | null;
  claimedAt: Date;
  doneAt: Date | null;
  droppedAt: Date | null;
}

/** Outcome of taking a slot: only `claimed` wrote anything. */
export type ClaimOutcome =
  | { kind: 'claimed'; assignment: Assignment }
  | { kind: 'full' }
  | { kind: 'already_claimed'; assignment: Assignment }
  | { kind: 'closed' }
  | { kind: 'not_found' };

/** An assignment with who holds it, for organizer listings. */
export interface RosterEntry extends Assignment {
  displayName: string | null;
  /** A platform username of the supporter, if any is known. */
  username: string | null;
}
