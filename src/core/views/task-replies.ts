import type { Button } from '../interaction/reply.ts';
import type { View } from '../interaction/view.ts';
import type { RosterEntry, Task } from '../tasks/task.types.ts';

/** Tasks shown in one listing; the rest are counted so replies stay within platform limits. */
export const LISTING_LIMIT = 10;

/** Organizers follow every open task, so their listing shows more. */
export const OVERVIEW_LIMIT = 20;

const TITLE_IN_LISTING = 80;
const BUTTONS_PER_ROW = 5;

/** `#3 Hand out flyers · 1/3 taken · due Sat 5 Dec 2026, 18:00 (Europe/Paris) · 10 points`. */
export function taskLine(ctx: View, task: Task, extra: string[] = []): string {
  const parts = [
    ctx.t('task.line', { id: task.id, title: shorten(task.title, TITLE_IN_LISTING) }),
    ctx.t('task.line_fill', { filled: task.filled, slots: task.slots }),
    ...(task.dueAt ? [ctx.t('task.line_due', { due: ctx.formatWhen(task.dueAt) })] : []),
    ...(task.points > 0 ? [ctx.t('task.line_points', { points: task.points })] : []),
    ...(task.requiredTag ? [ctx.t('task.line_tag', { tag: task.requiredTag })] : []),
    ...extra,
  ];
  return parts.join(' · ');
}

/** The blocks of a listing: a title, one line per task up to the limit, and how many are left. */
export function listing(
  ctx: View,
  title: string,
  lines: string[],
  limit = LISTING_LIMIT,
  total = lines.length,
): string[] {
  const shown = lines.slice(0, limit);
  const hidden = total - shown.length;
  return [title, ...shown, ...(hidden > 0 ? [ctx.t('task.more', { count: hidden })] : [])];
}

/** The Claim button of a task (`/task claim id:12`). */
export function claimButton(ctx: View, task: Task): Button {
  return {
    label: ctx.t('task.claim_button', { id: task.id }),
    action: { command: 'task', subcommand: 'claim', args: { id: task.id } },
    style: 'primary',
  };
}

/** Done and Drop buttons of a claimed task, as one row. */
export function doneDropRow(ctx: View, task: Task): Button[] {
  return [
    {
      label: ctx.t('task.done_button', { id: task.id }),
      action: { command: 'task', subcommand: 'done', args: { id: task.id } },
      style: 'primary',
    },
    {
      label: ctx.t('task.drop_button', { id: task.id }),
      action: { command: 'task', subcommand: 'drop', args: { id: task.id } },
      style: 'secondary',
    },
  ];
}

/** Buttons laid out in rows of five, the most a Discord row holds. */
export function inRows(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) {
    rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
  }
  return rows;
}

/** How a supporter is named to organizers: display name, else @username, else their number. */
export function personName(ctx: View, entry: RosterEntry): string {
  if (entry.displayName) return entry.displayName;
  if (entry.username) return `@${entry.username}`;
  return ctx.t('task.someone', { id: entry.supporterId });
}

/** `Claimed: Ana, @bob · done: Chloé`, or "nobody yet". */
export function rosterText(ctx: View, roster: RosterEntry[]): string {
  const names = (status: RosterEntry['status']) =>
    roster
      .filter((entry) => entry.status === status)
      .map((entry) => personName(ctx, entry))
      .join(', ');
  const claimed = names('claimed');
  const done = names('done');
  const parts = [
    ...(claimed ? [ctx.t('task.line_claimed_by', { names: claimed })] : []),
    ...(done ? [ctx.t('task.line_done_by', { names: done })] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : ctx.t('task.line_nobody');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
