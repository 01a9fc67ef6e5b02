import type { Campaign } from '../campaigns/campaign.types.ts';
import { type CampaignEvent, shownId } from '../events/event.types.ts';
import { shiftHours } from '../events/shifts.ts';
import { translator } from '../i18n/i18n.ts';
import type { Button } from '../interaction/reply.ts';
import { type ShowInstant, showInstant, type View } from '../interaction/view.ts';
import type { Task } from '../tasks/task.types.ts';
import { formatWhen } from '../time/when.ts';
import { fillLine, rsvpButton, rsvpRow, shiftLine } from '../views/event-view.ts';
import { claimButton } from '../views/task-replies.ts';

/** What a card shows, in the campaign's language: its text, then its buttons. */
export interface CardBody {
  blocks: string[];
  buttons: Button[][];
}

/** The campaign's view (its language and zone), with instants as the platform shows them. */
export function campaignView(campaign: Campaign, show?: ShowInstant): View {
  const { locale, timezone } = campaign;
  return {
    t: translator(locale),
    formatWhen: (instant, zone) =>
      showInstant(show, instant, formatWhen(instant, zone ?? timezone, locale)),
    formatHours: (hours) => shiftHours(hours, show),
  };
}

/**
 * An event's card: what, when and where, then how full it (or each shift) is, with Yes / Maybe
 * / No (or one Yes per shift); a cancelled event says so and loses its buttons.
 */
export function eventCard(
  view: View,
  event: CampaignEvent,
  shifts: readonly CampaignEvent[],
): CardBody {
  const where = event.location ? `\n${view.t('event.where', { location: event.location })}` : '';
  const heading = view.t('event.announcement', {
    id: shownId(event),
    title: event.title,
    when: view.formatWhen(event.startsAt),
    where,
  });
  if (event.status === 'cancelled') {
    return { blocks: [heading, view.t('card.cancelled')], buttons: [] };
  }
  const fill =
    shifts.length > 0 ? shifts.map((s) => shiftLine(view, s)).join('\n') : fillLine(view, event);
  const full = shifts.length === 0 && isFull(event);
  const blocks = [heading, full ? `${fill}\n${view.t('card.full')}` : fill];
  const buttons =
    shifts.length > 0
      ? chunk(shifts.map((shift) => rsvpButton(view, shift, 'yes')))
      : [rsvpRow(view, event)];
  return { blocks, buttons };
}

/** A task's card: its title and due time, how many took it, and Claim until it is full or closed. */
export function taskCard(view: View, task: Task): CardBody {
  const lines = [view.t('task.announcement', { id: task.id, title: task.title })];
  if (task.dueAt) lines.push(view.t('task.created_due', { due: view.formatWhen(task.dueAt) }));
  const fill = view.t('task.line_fill', { filled: task.filled, slots: task.slots });
  if (task.status === 'closed')
    return { blocks: [lines.join('\n'), view.t('card.closed')], buttons: [] };
  if (task.filled >= task.slots) {
    return { blocks: [lines.join('\n'), `${fill}\n${view.t('card.full')}`], buttons: [] };
  }
  return { blocks: [lines.join('\n'), fill], buttons: [[claimButton(view, task)]] };
}

function isFull(event: CampaignEvent): boolean {
  return event.capacity !== null && event.yesCount >= event.capacity;
}

/** Buttons five to a row, as Discord allows. */
function chunk(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 5) rows.push(buttons.slice(i, i + 5));
  return rows.slice(0, 5);
}
