/**
 * The core's ports: what the domain needs from persistence. Every method that reads or writes
 * campaign data takes the campaign id and never returns another campaign's rows.
 */
import type { Broadcast, NewBroadcast } from './broadcasts/broadcast.types.ts';
import type { CalendarFeed } from './calendars/calendar.types.ts';
import type {
  Campaign,
  CampaignSettings,
  ChatSpace,
  ChatSpaceSettings,
  NewCampaign,
  SpacePlatform,
} from './campaigns/campaign.types.ts';
import type {
  AttendanceCount,
  CampaignCounts,
  EventAnswers,
  ExportedSupporter,
  Handle,
  HeldEvent,
  TagCount,
} from './campaigns/stats.types.ts';
import type { CardRepo } from './cards/card.types.ts';
import type { ConversationStore } from './conversations/conversation.types.ts';
import type { CoverRepo } from './covers/cover.types.ts';
import type {
  Attendance,
  Attendee,
  CampaignEvent,
  EventPatch,
  NewEvent,
  Rsvp,
  RsvpAnswer,
  RsvpChange,
  RsvpChoice,
} from './events/event.types.ts';
import type { EventMirror, MirrorSettlement } from './events/event-mirror.types.ts';
import type { ReminderSlot } from './events/event-reminders.ts';
import type { EventSeries, NewSeries, SeriesPatch, StandingAnswer } from './events/series.types.ts';
import type { ClaimRequest, DeliveryContext, Settlement } from './notifications/delivery.types.ts';
import type {
  FanOut,
  FanOutAudience,
  FanOutChunk,
  NewFanOut,
} from './notifications/fan-out.types.ts';
import type {
  NewNotification,
  Notification,
  NotificationStatus,
} from './notifications/notification.types.ts';
import type { AuditEntry, ConsentAction, ConsentRecord } from './privacy/privacy.types.ts';
import type { Range } from './reports/periods.ts';
import type {
  Identity,
  IdentityRef,
  LinkCodeUse,
  Supporter,
  SupporterFilter,
  SupporterPage,
  SupporterPatch,
  SupporterRef,
} from './supporters/supporter.types.ts';
import type {
  Assignment,
  ClaimOutcome,
  NewTask,
  RosterEntry,
  Task,
  TaskStatus,
} from './tasks/task.types.ts';

export interface CampaignRepo {
  create(input: NewCampaign): Promise<Campaign>;
  findById(id: number): Promise<Campaign | null>;
  findByInviteCode(code: string): Promise<Campaign | null>;
  /** The oldest campaign: the one private chats and unbound spaces use. */
  findDefault(): Promise<Campaign | null>;
  /** The campaign where this platform account most recently registered (consented), if any. */
  findLastJoined(platform: string, externalId: string): Promise<Campaign | null>;
  update(id: number, settings: CampaignSettings): Promise<Campaign>;
  /** Campaigns with a digest schedule, oldest first: the digest planner's work list. */
  listWithDigest(): Promise<Campaign[]>;
  /** Campaigns with an organizers' report schedule, oldest first. */
  listWithReport(): Promise<Campaign[]>;
  /** Binds a guild or group to a campaign, moving it if it was bound elsewhere. */
  bindSpace(
    campaignId: number,
    platform: SpacePlatform,
    externalId: string,
    settings?: ChatSpaceSettings,
  ): Promise<ChatSpace>;
  findSpace(platform: SpacePlatform, externalId: string): Promise<ChatSpace | null>;
  /** Forgets a guild or group (the bot was removed from it); the space it was, if it was bound. */
  unbindSpace(platform: SpacePlatform, externalId: string): Promise<ChatSpace | null>;
  listSpaces(campaignId: number): Promise<ChatSpace[]>;
  /** Every bound guild or group of a platform, across campaigns (the event mirrors' work list). */
  listSpacesOn(platform: SpacePlatform): Promise<ChatSpace[]>;
  /** Records when the person who ran /setup was warned about a missing permission (null: fine). */
  setMirrorWarning(spaceId: number, at: Date | null): Promise<void>;
}

export interface SupporterRepo {
  /** Creates a supporter holding one identity; before consent nothing else is stored. */
  createWithIdentity(campaignId: number, identity: IdentityRef): Promise<Supporter>;
  findById(campaignId: number, id: number): Promise<Supporter | null>;
  findByIdentity(
    campaignId: number,
    platform: string,
    externalId: string,
  ): Promise<Supporter | null>;
  findByUsername(campaignId: number, platform: string, username: string): Promise<Supporter | null>;
  /**
   * Across campaigns: marks every identity of this platform account reachable or not (the person
   * blocked or unblocked the bot); returns the supporters whose identity changed.
   */
  setAccountReachable(
    platform: string,
    externalId: string,
    reachable: boolean,
  ): Promise<SupporterRef[]>;
  update(campaignId: number, id: number, patch: SupporterPatch): Promise<Supporter>;
  /** Matching supporters in id order, or one page of them. */
  list(campaignId: number, filter?: SupporterFilter, page?: SupporterPage): Promise<Supporter[]>;
  /** How many supporters match, counted by the database. */
  count(campaignId: number, filter?: SupporterFilter): Promise<number>;
  identities(campaignId: number, supporterId: number): Promise<Identity[]>;
  updateIdentity(
    campaignId: number,
    identityId: number,
    patch: Partial<Pick<Identity, 'username' | 'chatId' | 'unreachable' | 'lastSeenAt'>>,
  ): Promise<Identity>;
  /**
   * Replaces the skills the supporter declared, creating missing tags in the campaign; the tags
   * organizers gave stay.
   */
  setSkills(campaignId: number, supporterId: number, skills: string[]): Promise<Supporter>;
  /** An organizer gives the supporter a tag (created in the campaign when missing). */
  addTag(campaignId: number, supporterId: number, tag: string): Promise<Supporter>;
  /** An organizer takes a tag back; the same word declared as a skill stays a skill. */
  removeTag(campaignId: number, supporterId: number, tag: string): Promise<Supporter>;
  addPoints(campaignId: number, supporterId: number, points: number): Promise<void>;
  /** Adds another platform account to an existing supporter. */
  addIdentity(campaignId: number, supporterId: number, identity: IdentityRef): Promise<Identity>;
  /** Stores a one-time link code for the supporter, replacing their earlier ones. */
  createLinkCode(
    campaignId: number,
    supporterId: number,
    code: string,
    expiresAt: Date,
  ): Promise<void>;
  /**
   * Spends a link code in one conditional write: of two people typing it at once one wins. Like
   * an invite code, the code itself names its campaign.
   */
  redeemLinkCode(code: string, at: Date): Promise<LinkCodeUse>;
  /**
   * Moves everything of `fromId` (identities, tags, assignments, RSVPs, points, consent and audit
   * records, notifications) onto `intoId` and deletes `fromId`, in one transaction.
   */
  merge(campaignId: number, intoId: number, fromId: number): Promise<Supporter>;
  /** Registered supporters with points, most points first. */
  topByPoints(campaignId: number, limit: number): Promise<Supporter[]>;
}

export interface TaskRepo {
  create(campaignId: number, input: NewTask): Promise<Task>;
  findById(campaignId: number, id: number): Promise<Task | null>;
  list(campaignId: number, filter?: { status?: TaskStatus }): Promise<Task[]>;
  /**
   * The first `limit` open tasks the supporter can take at `now` (free slots, not theirs, not
   * past due, their tag if one is required), soonest due first, and how many there are in all.
   */
  available(
    campaignId: number,
    supporterId: number,
    now: Date,
    limit: number,
  ): Promise<{ tasks: Task[]; total: number }>;
  /** Takes a slot in one conditional write: of concurrent claims on the last slot one wins. */
  claim(campaignId: number, taskId: number, supporterId: number, at: Date): Promise<ClaimOutcome>;
  assignments(
    campaignId: number,
    filter: { taskId?: number; supporterId?: number },
  ): Promise<Assignment[]>;
  setStatus(campaignId: number, taskId: number, status: TaskStatus, at: Date): Promise<Task>;
  /** Marks a claimed assignment done; null when the supporter holds no claim on the task. */
  finish(
    campaignId: number,
    taskId: number,
    supporterId: number,
    at: Date,
    note?: string | null,
  ): Promise<Assignment | null>;
  /** Drops a claimed assignment and frees its slot; null when there was no claim to drop. */
  drop(
    campaignId: number,
    taskId: number,
    supporterId: number,
    at: Date,
  ): Promise<Assignment | null>;
  /** Claimed and done assignments of these tasks with who holds them. */
  roster(campaignId: number, taskIds: number[]): Promise<RosterEntry[]>;
}

export interface EventRepo {
  create(campaignId: number, input: NewEvent): Promise<CampaignEvent>;
  findById(campaignId: number, id: number): Promise<CampaignEvent | null>;
  /** Scheduled events ending after `from`, soonest first. */
  listUpcoming(campaignId: number, from: Date): Promise<CampaignEvent[]>;
  /** The first `limit` scheduled events (shifts included) starting after `from`, and how many. */
  startingAfter(
    campaignId: number,
    from: Date,
    limit: number,
  ): Promise<{ events: CampaignEvent[]; total: number }>;
  /**
   * Events for a calendar feed, cancelled ones included: those ending after `endsAfter`, only
   * `eventIds` when given, shifts only when `shifts`.
   */
  listForCalendar(
    campaignId: number,
    filter: { endsAfter: Date; eventIds?: number[]; shifts: boolean },
  ): Promise<CampaignEvent[]>;
  /** The shifts of an event (cancelled ones too), by number. */
  listShifts(campaignId: number, parentId: number): Promise<CampaignEvent[]>;
  /** Shift `shiftNumber` of an event, or null. */
  findShift(
    campaignId: number,
    parentId: number,
    shiftNumber: number,
  ): Promise<CampaignEvent | null>;
  /** Scheduled shifts overlapping `from`-`to` where the supporter is going or waiting. */
  heldShifts(
    campaignId: number,
    supporterId: number,
    from: Date,
    to: Date,
  ): Promise<CampaignEvent[]>;
  /** Moves the last `count` supporters who answered yes to the waitlist (their place kept first). */
  demote(campaignId: number, eventId: number, count: number): Promise<Rsvp[]>;
  /** Whether the supporter hosts at least one event of the campaign. */
  hostsAny(campaignId: number, supporterId: number): Promise<boolean>;
  /** Changes an event; a change a calendar shows (times, place, title, status) raises its sequence. */
  update(campaignId: number, id: number, patch: EventPatch): Promise<CampaignEvent>;
  findRsvp(campaignId: number, eventId: number, supporterId: number): Promise<Rsvp | null>;
  listRsvps(
    campaignId: number,
    filter: { eventId?: number; supporterId?: number; answers?: RsvpAnswer[] },
  ): Promise<Rsvp[]>;
  /** Every RSVP to the event with who gave it, oldest answer first. */
  attendees(campaignId: number, eventId: number): Promise<Attendee[]>;
  /**
   * Records a supporter's answer. A `yes` takes a seat in one conditional write: of concurrent
   * answers for the last seat one gets it and the others the waitlist. Withdrawing a `yes`
   * gives the seat to the longest-waiting supporter.
   */
  answer(
    campaignId: number,
    eventId: number,
    supporterId: number,
    answer: RsvpChoice,
    at: Date,
  ): Promise<RsvpChange>;
  /** Moves waitlisted supporters, longest waiting first, into free seats (after a capacity raise). */
  promoteWaitlist(campaignId: number, eventId: number, at: Date): Promise<Rsvp[]>;
  /** Records attendance; someone who came without answering is recorded as a walk-in `yes`. */
  setAttendance(
    campaignId: number,
    eventId: number,
    supporterId: number,
    attendance: Attendance,
    at: Date,
  ): Promise<Rsvp>;
  /**
   * Makes the event's reminder rows (of one recipient, or everyone's) match `rows`: missing ones
   * are queued, pending or skipped ones become pending at their new due time, sent ones stay, and
   * pending rows not in `rows` are skipped with `reason`.
   */
  syncReminders(
    campaignId: number,
    eventId: number,
    rows: NewNotification[],
    scope: { recipientId?: number },
    reason: string,
  ): Promise<void>;
  /**
   * The same for everyone whose answer is one of `answers`, each getting one reminder per slot,
   * written by the database a chunk of answers at a time (never all rows in memory).
   */
  rescheduleReminders(
    target: { campaignId: number; eventId: number },
    slots: readonly ReminderSlot[],
    answers: readonly RsvpAnswer[],
    reason: string,
  ): Promise<void>;
}

/** Live calendar feeds: their tokens, in two halves (a public lookup and a secret). */
/**
 * Events mirrored on bound servers' own calendars. A change is sent under a lease, so that one
 * process sends it even when several serve the same server.
 */
export interface EventMirrorRepo {
  /** The server's mirrors still shown as scheduled. */
  listOpen(chatSpaceId: number): Promise<EventMirror[]>;
  /** The server's mirrors of these events, whatever their state. */
  listOf(chatSpaceId: number, eventIds: readonly number[]): Promise<EventMirror[]>;
  findByExternal(chatSpaceId: number, externalId: string): Promise<EventMirror | null>;
  /**
   * Takes the lease on the mirror of the event in the server (creating the row when missing)
   * until `until`, unless another worker holds it or a failed try waits for `retryAt`.
   */
  claim(
    key: { campaignId: number; eventId: number; chatSpaceId: number },
    workerId: string,
    now: Date,
    until: Date,
  ): Promise<EventMirror | null>;
  /** Records what was sent and frees the lease. */
  settle(id: number, workerId: string, outcome: MirrorSettlement): Promise<void>;
  /** Records a failed try, to be tried again from `retryAt`, and frees the lease. */
  fail(id: number, workerId: string, error: string, retryAt: Date): Promise<void>;
}

export interface CalendarFeedRepo {
  /** The feed whose token starts with `lookup`, or null. */
  findByLookup(lookup: string): Promise<CalendarFeed | null>;
  /** The campaign's feed (`supporterId` null) or a supporter's, or null. */
  find(campaignId: number, supporterId: number | null): Promise<CalendarFeed | null>;
  /** Gives the campaign's or the supporter's feed this token, replacing any earlier one. */
  replace(
    campaignId: number,
    supporterId: number | null,
    token: { lookup: string; secret: string },
  ): Promise<CalendarFeed>;
}

export interface NotificationRepo {
  /** Queues rows; a row whose key already exists is left as it is. Returns how many were new. */
  enqueue(campaignId: number, rows: NewNotification[]): Promise<number>;
  findByKey(campaignId: number, key: string): Promise<Notification | null>;
  list(
    campaignId: number,
    filter: { recipientId?: number; eventId?: number; status?: NotificationStatus[] },
  ): Promise<Notification[]>;
  /** Marks matching pending rows skipped (erasure, cancellation, unreachable recipient). */
  skipPending(
    campaignId: number,
    filter: { recipientId?: number; eventId?: number; taskId?: number; kinds?: string[] },
    reason: string,
  ): Promise<number>;
  /**
   * For dispatchers, across campaigns: leases up to `limit` pending rows due at `now` to
   * `workerId` until `until`, oldest due first. A row is leasable when its lease is free, has
   * ended, or is held by `workerId` itself (the same worker before a restart). Of several
   * processes claiming at once, each row goes to one.
   */
  claimDue(request: ClaimRequest): Promise<Notification[]>;
  /** The recipients, their identities, the events and the campaign zones these rows need. */
  deliveryContext(rows: Notification[]): Promise<DeliveryContext>;
  /**
   * Records what became of a leased row and frees the lease, only while `workerId` still holds
   * it: false when the lease was taken over (or, except for `sent`, the row is no longer pending).
   */
  settle(id: number, workerId: string, outcome: Settlement): Promise<boolean>;
  /**
   * Marks these rows sent at `at` in one write, those whose lease `workerId` still holds; returns
   * the ids it marked.
   */
  markSent(ids: number[], workerId: string, at: Date): Promise<number[]>;
  /** Moves `workerId`'s leases on these pending rows to end at `until`; returns the ids it holds. */
  extendLeases(ids: number[], workerId: string, until: Date): Promise<number[]>;
  /** Frees `workerId`'s leases on these rows without changing them (they stay due). */
  release(ids: number[], workerId: string): Promise<number>;
  /** Pending rows due at `now`, in every campaign. */
  countDue(now: Date): Promise<number>;
}

export interface PrivacyRepo {
  recordConsent(
    campaignId: number,
    supporterId: number | null,
    action: ConsentAction,
    policyVersion?: string | null,
  ): Promise<ConsentRecord>;
  consentLog(campaignId: number, supporterId: number): Promise<ConsentRecord[]>;
  audit(
    campaignId: number,
    actorId: number | null,
    action: string,
    detail?: string,
  ): Promise<AuditEntry>;
  auditLog(campaignId: number): Promise<AuditEntry[]>;
  /**
   * Erases a supporter's personal data in one transaction: profile fields nulled, identities,
   * link codes and tags deleted (and tags nobody else holds and no task requires), assignment notes cleared, pending notifications skipped, the
   * consent log reduced to one `erased` record. Counts stay on the anonymized row.
   */
  erase(campaignId: number, supporterId: number, at: Date): Promise<void>;
  /**
   * After an erasure committed: makes the space the erased rows took unreadable where the
   * database needs a step for it (SQLite: empties the write-ahead log; PostgreSQL: VACUUM of
   * the tables erasure touches). Runs outside any transaction.
   */
  purgeErased(): Promise<void>;
}

/** Recurring series of events, their occurrences and standing answers. */
export interface SeriesRepo {
  create(campaignId: number, input: NewSeries): Promise<EventSeries>;
  findById(campaignId: number, id: number): Promise<EventSeries | null>;
  /** These series of the campaign (for calendar feeds). */
  listByIds(campaignId: number, ids: number[]): Promise<EventSeries[]>;
  /** Changes a series; a change a calendar shows raises its sequence. */
  update(campaignId: number, id: number, patch: SeriesPatch): Promise<EventSeries>;
  /** Series of any campaign whose occurrences stop before `horizon`, at most `limit`. */
  dueForExtension(horizon: Date, limit: number): Promise<EventSeries[]>;
  /** Records that occurrences exist up to `until` (never moves back). */
  advance(id: number, until: Date): Promise<void>;
  /** Adds an occurrence; null when it exists already (made by another process). */
  addOccurrence(campaignId: number, input: NewEvent): Promise<CampaignEvent | null>;
  /** Occurrences of the series (not their shifts) by rule start, from `from` when given. */
  occurrences(campaignId: number, seriesId: number, from?: Date): Promise<CampaignEvent[]>;
  /** Moves an occurrence to a series, under its start by that series' rule. */
  reassign(
    campaignId: number,
    eventId: number,
    seriesId: number,
    occurrenceStart: Date,
  ): Promise<void>;
  standing(seriesId: number): Promise<StandingAnswer[]>;
  /** A supporter's standing answers, to every series. */
  standingOf(supporterId: number): Promise<StandingAnswer[]>;
  /** Records (or replaces) a supporter's standing answer. */
  setStanding(answer: StandingAnswer): Promise<void>;
  /** Drops a supporter's standing answer; false when there was none. */
  dropStanding(seriesId: number, supporterId: number): Promise<boolean>;
}

/** All repositories, plus a way to run several writes as one. */
export interface Store {
  campaigns: CampaignRepo;
  supporters: SupporterRepo;
  tasks: TaskRepo;
  events: EventRepo;
  series: SeriesRepo;
  calendarFeeds: CalendarFeedRepo;
  notifications: NotificationRepo;
  privacy: PrivacyRepo;
  broadcasts: BroadcastRepo;
  stats: StatsRepo;
  conversations: ConversationStore;
  fanOuts: FanOutRepo;
  covers: CoverRepo;
  eventMirrors: EventMirrorRepo;
  cards: CardRepo;
  /** Runs `work` in one database transaction: everything it wrote lands, or nothing. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

/**
 * Outbox rows for whole audiences, selected and written by the database in bounded chunks under
 * a lease (see the core's FanOuts). Across campaigns, like the dispatcher's leases.
 */
export interface FanOutRepo {
  /** How many supporters the audience holds now. */
  count(campaignId: number, audience: FanOutAudience): Promise<number>;
  /** Records a fan-out of `total` rows, leased to a worker or free for any to take. */
  create(
    campaignId: number,
    input: NewFanOut,
    total: number,
    lease: { workerId: string; until: Date } | null,
  ): Promise<FanOut>;
  /**
   * Leases up to `limit` unfinished fan-outs to `workerId` until `until`: free ones, those whose
   * lease ended, and its own. Of several processes taking one at once, one gets it.
   */
  claim(workerId: string, now: Date, until: Date, limit: number): Promise<number[]>;
  /**
   * Writes the next `limit` rows of a fan-out `workerId` leases and extends the lease to
   * `until`, all or nothing; null when the lease was lost (nothing written).
   */
  writeChunk(
    id: number,
    workerId: string,
    limit: number,
    until: Date,
    now: Date,
  ): Promise<FanOutChunk | null>;
  find(id: number): Promise<FanOut | null>;
  /** The fan-out of a broadcast of the campaign, if it has one. */
  findByBroadcast(campaignId: number, broadcastId: number): Promise<FanOut | null>;
}

/** Organizers' broadcasts; the outbox rows that deliver them go through NotificationRepo. */
export interface BroadcastRepo {
  create(campaignId: number, input: NewBroadcast): Promise<Broadcast>;
  findById(campaignId: number, id: number): Promise<Broadcast | null>;
  /** How many of the broadcast's rows are in each delivery state. */
  deliveryCounts(campaignId: number, id: number): Promise<Record<NotificationStatus, number>>;
}

/** Figures and listings for organizers' reports. */
export interface StatsRepo {
  /** Headline counts; "active" means registered and seen at or after `activeSince`. */
  counts(campaignId: number, activeSince: Date): Promise<CampaignCounts>;
  /** The campaign's tags by name, or only the one named `name` (any case), if it exists. */
  tags(campaignId: number, name?: string): Promise<TagCount[]>;
  /** Platform usernames of these supporters. */
  handles(campaignId: number, supporterIds: number[]): Promise<Handle[]>;
  /** One page of the supporter export: the `limit` matches after `afterId`, in id order. */
  exportPage(
    campaignId: number,
    filter: SupporterFilter,
    afterId: number,
    limit: number,
  ): Promise<ExportedSupporter[]>;
  /** Registered supporters who had consented before `at`. */
  registeredBefore(campaignId: number, at: Date): Promise<number>;
  /** For each range, the registered supporters who consented within it. */
  registrations(campaignId: number, ranges: readonly Range[]): Promise<number[]>;
  /** For each range, the assignments marked done within it. */
  tasksDone(campaignId: number, ranges: readonly Range[]): Promise<number[]>;
  /** For each range, the yes answers to scheduled events that started within it, and check-ins. */
  attendance(campaignId: number, ranges: readonly Range[]): Promise<AttendanceCount[]>;
  /** Scheduled events that started within the range, soonest first, with their attendance. */
  eventsHeld(campaignId: number, range: Range): Promise<HeldEvent[]>;
  /** Yes, maybe and waitlist answers of these events. */
  eventAnswers(campaignId: number, eventIds: number[]): Promise<EventAnswers[]>;
  /**
   * Registered, active supporters last seen before `before`: how many, and the `limit` seen most
   * recently (those who went quiet last come first).
   */
  silent(
    campaignId: number,
    before: Date,
    limit: number,
  ): Promise<{ total: number; supporters: Supporter[] }>;
  /**
   * Who receives the organizers' report: non-erased supporters who are organizers or admins,
   * or who hold one of the `admins` platform accounts (ADMIN_IDS, the console).
   */
  organizers(
    campaignId: number,
    admins: readonly { platform: string; externalId: string }[],
  ): Promise<number[]>;
}
