import type { MessageId } from './i18n/i18n.ts';
import type { messages } from './i18n/messages/index.ts';

/**
 * Every code a {@link DomainError} may carry, with the message it shows. `null` declares an
 * internal failure: it is logged and the person gets the generic apology.
 */
export const ERROR_MESSAGES = {
  BROADCAST_BAD_AUDIENCE: 'broadcast.bad_audience',
  BROADCAST_NO_RECIPIENTS: 'broadcast.no_recipients',
  BROADCAST_UNKNOWN_EVENT: 'broadcast.unknown_event',
  BROADCAST_UNKNOWN: 'broadcast.unknown',
  COVER_ALREADY_GOING: 'cover.already_going',
  COVER_BAD_TARGET: 'cover.bad_target',
  COVER_GONE: 'cover.gone',
  COVER_NO_FREE_SEATS: 'cover.no_free_seats',
  COVER_NOT_GOING: 'cover.not_going',
  COVER_STARTED: 'cover.started',
  COVER_TAKEN: 'cover.taken',
  CAMPAIGN_NOT_FOUND: null,
  ERROR_ADMINS_ONLY: 'error.admins_only',
  ERROR_JOIN_FIRST: 'error.join_first',
  ERROR_ORGANIZERS_ONLY: 'error.organizers_only',
  CALENDAR_NO_ADDRESS: 'calendar.no_address',
  EVENT_BAD_DURATION: 'event.bad_duration',
  EVENT_BAD_REMINDERS: 'event.bad_reminders',
  EVENT_CANCELLED: 'event.cancelled',
  EVENT_CAPACITY_BELOW_GOING: 'event.capacity_below_going',
  EVENT_CHOOSE_SHIFT: 'event.choose_shift',
  EVENT_END_AND_DURATION: 'event.end_and_duration',
  EVENT_END_BEFORE_START: 'event.end_before_start',
  EVENT_NO_SHIFTS: 'event.no_shifts',
  EVENT_NOT_ANSWERED: 'event.not_answered',
  EVENT_NOT_FOUND: 'event.not_found',
  EVENT_NOTHING_TO_CHANGE: 'event.nothing_to_change',
  EVENT_ORGANIZERS_OR_HOST: 'event.organizers_or_host',
  EVENT_OVER: 'event.over',
  EVENT_SHIFT_CLASH: 'event.shift_clash',
  EVENT_SHIFT_OUTSIDE: 'event.shift_outside',
  EVENT_SHIFT_TAG: 'event.shift_tag',
  EVENT_STARTED: 'event.started',
  EVENT_UNKNOWN_SHIFT: 'event.unknown_shift',
  EVENT_UNREGISTERED: 'event.unregistered',
  SERIES_BAD_RULE: 'series.bad_rule',
  SERIES_CHOOSE_SCOPE: 'series.choose_scope',
  SERIES_END_WITHOUT_REPEAT: 'series.end_without_repeat',
  SERIES_NOT_SERIES: 'series.not_series',
  SERIES_TOO_MANY: 'series.too_many',
  SERIES_UNTIL_AND_COUNT: 'series.until_and_count',
  SERIES_UNTIL_PAST: 'series.until_past',
  IDENTITY_NOT_FOUND: null,
  JOIN_UNKNOWN_CODE: 'join.unknown_code',
  LINK_EXPIRED: 'link.expired',
  LINK_SAME_SUPPORTER: 'link.same_supporter',
  LINK_UNKNOWN: 'link.unknown',
  LINK_USED: 'link.used',
  ORGANIZER_BAD_TAG: 'organizer.bad_tag',
  ORGANIZER_CANNOT_DEMOTE_ADMIN: 'organizer.cannot_demote_admin',
  ORGANIZER_NO_TAGS: 'organizer.no_tags',
  ORGANIZER_UNKNOWN_TAG: 'organizer.unknown_tag',
  PROFILE_BAD_QUIET_HOURS: 'profile.bad_quiet_hours',
  PROFILE_BAD_SKILLS: 'profile.bad_skills',
  ROSTER_BAD_INACTIVE: 'roster.bad_inactive',
  SETUP_BAD_CHANNEL: 'setup.bad_channel',
  SETUP_BAD_COVER_WINDOW: 'setup.bad_cover_window',
  SETUP_BAD_DIGEST: 'setup.bad_digest',
  SETUP_BAD_REPORT: 'setup.bad_report',
  SETUP_BAD_PING_ROLE: 'setup.bad_ping_role',
  SETUP_BAD_ROLE: 'setup.bad_role',
  SETUP_CHANNEL_NEEDS_SERVER: 'setup.channel_needs_server',
  SETUP_INVITE_NEEDS_SPACE: 'setup.invite_needs_space',
  SETUP_NOT_YOUR_CAMPAIGN: 'setup.not_your_campaign',
  SETUP_PING_ROLE_NEEDS_SERVER: 'setup.ping_role_needs_server',
  SETUP_ROLE_NEEDS_SERVER: 'setup.role_needs_server',
  SETUP_SPACE_ADMIN_ONLY: 'setup.space_admin_only',
  SETUP_UNKNOWN_INVITE: 'setup.unknown_invite',
  SUPPORTER_NOT_FOUND: null,
  TASK_ALREADY_CLAIMED: 'task.already_claimed',
  TASK_ALREADY_DONE: 'task.already_done',
  TASK_ASSIGNEE_DONE: 'task.assignee_done',
  TASK_ASSIGNEE_HOLDS: 'task.assignee_holds',
  TASK_BAD_LINK: 'task.bad_link',
  TASK_CLOSED: 'task.closed',
  TASK_FULL: 'task.full',
  TASK_NOT_CLAIMED: 'task.not_claimed',
  TASK_NOT_FOUND: 'task.not_found',
  TASK_TAG_REQUIRED: 'task.tag_required',
  TIME_BAD_DURATION: 'time.bad_duration',
  TIME_PAST: 'time.past',
  TIME_UNKNOWN_ZONE: 'time.unknown_zone',
  TIME_UNPARSEABLE: 'time.unparseable',
  USER_NOT_FOUND: 'user.not_found',
} as const satisfies Record<string, MessageId | null>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * Codes that say a given value cannot be used (unknown id, unreadable time, bad rule). When one
 * answers a guided question, the same question is asked again, keeping the answers given before.
 */
export const VALUE_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BROADCAST_BAD_AUDIENCE',
  'BROADCAST_UNKNOWN',
  'BROADCAST_UNKNOWN_EVENT',
  'EVENT_BAD_DURATION',
  'EVENT_BAD_REMINDERS',
  'EVENT_END_BEFORE_START',
  'EVENT_NOT_FOUND',
  'EVENT_UNKNOWN_SHIFT',
  'IDENTITY_NOT_FOUND',
  'JOIN_UNKNOWN_CODE',
  'LINK_EXPIRED',
  'LINK_UNKNOWN',
  'ORGANIZER_BAD_TAG',
  'ORGANIZER_UNKNOWN_TAG',
  'PROFILE_BAD_QUIET_HOURS',
  'PROFILE_BAD_SKILLS',
  'ROSTER_BAD_INACTIVE',
  'SETUP_BAD_CHANNEL',
  'SETUP_BAD_DIGEST',
  'SETUP_BAD_PING_ROLE',
  'SETUP_BAD_REPORT',
  'SETUP_BAD_ROLE',
  'SETUP_UNKNOWN_INVITE',
  'SUPPORTER_NOT_FOUND',
  'TASK_BAD_LINK',
  'TASK_NOT_FOUND',
  'TIME_BAD_DURATION',
  'TIME_PAST',
  'TIME_UNKNOWN_ZONE',
  'TIME_UNPARSEABLE',
  'USER_NOT_FOUND',
]);

/**
 * The blanks of a message template: `{name}` and `{name, plural, one {...} other {...}}`. The text
 * of a plural branch (`# people are`) holds a space or `#`, so it is not taken for a blank.
 */
type Blanks<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? BlankName<Name> | Blanks<Rest>
  : never;
type BlankName<N extends string> = N extends `${infer Head},${string}`
  ? Head
  : N extends `${string} ${string}` | `${string}#${string}`
    ? never
    : N;

/** What fills the blanks of a code's message (in every language); internal codes take any. */
export type ErrorParams<C extends ErrorCode> = (typeof ERROR_MESSAGES)[C] extends infer Id extends
  MessageId
  ? Record<Blanks<(typeof messages)[Id]['en'] | (typeof messages)[Id]['fr']>, string | number>
  : Record<string, string | number>;

/** The arguments after the code: the params, which may be left out when the message has no blank. */
export type ErrorArgs<C extends ErrorCode> = C extends ErrorCode
  ? object extends ErrorParams<C>
    ? [params?: ErrorParams<C>]
    : [params: ErrorParams<C>]
  : never;
