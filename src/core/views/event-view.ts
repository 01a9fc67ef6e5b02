import {
  type Attendee,
  type CampaignEvent,
  type RsvpAnswer,
  type RsvpChoice,
  shownId,
} from '../events/event.types.ts';
import type { MessageId } from '../i18n/i18n.ts';
import type { Button } from '../interaction/reply.ts';
import type { View } from '../interaction/view.ts';

/** Events shown in one listing; the rest are counted so replies stay within platform limits. */
export const EVENT_LISTING_LIMIT = 6;

/** Names shown per answer in `/event attendees`; the rest are counted. */
const NAMES_PER_GROUP = 15;

/** Longest title or place shown in a listing (full texts are in `/event ics`). */
const LISTED_TEXT = 80;

/** Events given buttons in one listing: Discord holds five rows of buttons. */
export const EVENT_BUTTON_ROWS = 5;

/**
 * `#12 Canvass` then its start, place and fill (`Going: 12/30`), one per line; an event with
 * shifts shows one line per shift instead of its own fill.
 */
export function eventBlock(
  view: View,
  event: CampaignEvent,
  extra: string[] = [],
  shifts: readonly CampaignEvent[] = [],
): string {
  const location = event.location && shorten(event.location);
  return [
    view.t('event.title', { id: shownId(event), title: shorten(event.title) }),
    view.t('event.starts', { when: view.formatWhen(event.startsAt) }),
    ...(location ? [view.t('event.where', { location })] : []),
    ...(shifts.length > 0
      ? shifts.map((shift) => shiftLine(view, shift))
      : [fillLine(view, event)]),
    ...extra,
  ].join('\n');
}

/** `Shift 2: Drivers 10:00-12:00 · 1/2`. */
export function shiftLine(view: View, shift: CampaignEvent): string {
  return view.t('event.shift_line', {
    shift: shift.shiftNumber ?? 0,
    label: shift.label ? `${shift.label} ` : '',
    hours: view.formatHours(shift),
    fill: shift.capacity ? `${shift.yesCount}/${shift.capacity}` : String(shift.yesCount),
  });
}

/** `Going: 12/30` with a capacity, `Going: 12` without. */
export function fillLine(view: View, event: CampaignEvent): string {
  return event.capacity
    ? view.t('event.fill', { yes: event.yesCount, capacity: event.capacity })
    : view.t('event.fill_open', { yes: event.yesCount });
}

/** The word for an answer in the reader's language. */
export function answerLabel(view: View, answer: RsvpAnswer): string {
  return view.t(`event.answer_${answer}` as MessageId);
}

/** Yes / Maybe / No buttons of one event, as one row. */
export function rsvpRow(view: View, event: CampaignEvent): Button[] {
  return (['yes', 'maybe', 'no'] as const).map((answer) => rsvpButton(view, event, answer));
}

/** The button answering an event (`/event rsvp id:12 answer:yes`, plus `shift:2` for a shift). */
export function rsvpButton(view: View, event: CampaignEvent, answer: RsvpChoice): Button {
  return {
    label: view.t(`event.button_${answer}`, { id: shownId(event) }),
    action: { command: 'event', subcommand: 'rsvp', args: { ...eventArgs(event), answer } },
    style: answer === 'yes' ? 'primary' : 'secondary',
  };
}

/** The button sending the event's calendar file (`/event ics id:12`). */
export function calendarButton(view: View, event: CampaignEvent): Button {
  return {
    label: view.t('event.button_calendar', { id: shownId(event) }),
    action: { command: 'event', subcommand: 'ics', args: eventArgs(event) },
    style: 'secondary',
  };
}

/** The options naming an event (`id:12`) or a shift of it (`id:12 shift:2`). */
function eventArgs(event: CampaignEvent): { id: number; shift?: number } {
  return event.parentId === null
    ? { id: event.id }
    : { id: event.parentId, shift: event.shiftNumber ?? 0 };
}

/** A listing: its title, up to the limit of event blocks, and how many more there are. */
export function eventListing(view: View, title: string, blocks: string[]): string[] {
  const shown = blocks.slice(0, EVENT_LISTING_LIMIT);
  const hidden = blocks.length - shown.length;
  return [title, ...shown, ...(hidden > 0 ? [view.t('event.list_more', { count: hidden })] : [])];
}

/** How an attendee is named to organizers, with their attendance once checked in. */
export function attendeeName(view: View, attendee: Attendee): string {
  const name =
    attendee.displayName ??
    (attendee.username
      ? `@${attendee.username}`
      : view.t('event.someone', { id: attendee.supporterId }));
  if (!attendee.attendance) return name;
  return `${name} (${view.t(attendee.attendance === 'attended' ? 'event.attended' : 'event.no_show')})`;
}

/** `Going (2): Ana, @bob` for each answer, in the order yes, maybe, waitlist, no. */
export function attendeeGroups(view: View, attendees: Attendee[]): string[] {
  const order = ['yes', 'maybe', 'waitlist', 'no'] as const;
  return order.map((answer) => {
    const group = attendees.filter((a) => a.answer === answer);
    const hidden = group.length - NAMES_PER_GROUP;
    const names = [
      ...group.slice(0, NAMES_PER_GROUP).map((a) => attendeeName(view, a)),
      ...(hidden > 0 ? [view.t('event.more_names', { count: hidden })] : []),
    ].join(', ');
    return view.t('event.attendees_group', {
      label: view.t(`event.group_${answer}`),
      count: group.length,
      names: names || view.t('event.nobody'),
    });
  });
}

function shorten(text: string): string {
  return text.length <= LISTED_TEXT ? text : `${text.slice(0, LISTED_TEXT - 1)}…`;
}
