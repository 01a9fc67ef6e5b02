import type { Campaign } from '../campaigns/campaign.types.ts';
import { handoutButton } from '../covers/cover-view.ts';
import { type CampaignEvent, shownId } from '../events/event.types.ts';
import type { Button } from '../interaction/reply.ts';
import {
  linesWithin,
  MESSAGE_LIMIT,
  type NoticeBody,
  type NotificationView,
  shorten,
} from '../notifications/content-view.ts';
import type { Notification } from '../notifications/notification.types.ts';
import { taskLine } from '../views/task-replies.ts';
import { DEFAULT_PERIOD, rangeLabel } from './periods.ts';
import { type ReportsService, SILENT_DAYS, type WeeklyReport } from './reports.service.ts';

/** Lines per list of the report, and "hand out again" buttons under it (one row). */
const LISTED = 8;
const HANDOUT_BUTTONS = 5;
const TITLE_IN_REPORT = 60;

/**
 * The organizers' report: the week in numbers (new supporters, tasks done, events held with
 * attendance and no-shows), what is still unfilled for the coming week with a button to hand
 * each task, event or shift out again, how many volunteers went silent, and the `/stats` picture.
 */
export async function reportNotice(
  reports: ReportsService,
  view: NotificationView,
  campaign: Campaign,
  row: Notification,
): Promise<NoticeBody> {
  const [report, picture] = await Promise.all([
    reports.weekly(campaign, row.dueAt),
    // The picture is the campaign's, like the one of /stats: its language and zone.
    reports.picture(campaign, DEFAULT_PERIOD, campaign.locale),
  ]);
  const { t } = view;
  const range = rangeLabel(report.week, campaign.timezone, view.locale);
  const more = (count: number) => t('task.more', { count });
  const budget = Math.floor(MESSAGE_LIMIT / 4);
  const numbers = [
    t('report.numbers', {
      supporters: report.newSupporters,
      tasks: report.tasksDone,
      events: report.held.length,
    }),
    ...linesWithin(report.held.map(heldLine(view)), budget, LISTED, more),
  ];
  const blocks = [
    t('report.title', { campaign: campaign.name, range }),
    numbers.join('\n'),
    ...unfilled(view, report, budget),
    t('report.silent', { count: report.silent, days: SILENT_DAYS }),
  ];
  const taskButtons: Button[] = report.unfilledTasks.slice(0, HANDOUT_BUTTONS).map((task) => ({
    label: t('report.handout_button', { id: task.id }),
    action: { command: 'task', subcommand: 'handout', args: { id: task.id } },
  }));
  const eventButtons = report.unfilledEvents
    .slice(0, HANDOUT_BUTTONS)
    .map((event) => handoutButton(view, event));
  const buttons = [taskButtons, eventButtons].filter((row) => row.length > 0);
  return {
    blocks,
    ...(buttons.length > 0 && { buttons }),
    files: [{ ...picture, name: `report-${row.dueAt.toISOString().slice(0, 10)}.png` }],
  };
}

function heldLine(view: NotificationView) {
  return (event: WeeklyReport['held'][number]) =>
    view.t('report.held_line', {
      id: event.id,
      title: shorten(event.title, TITLE_IN_REPORT),
      came: event.came,
      said: event.said,
      no_show: event.noShow,
    });
}

function unfilled(view: NotificationView, report: WeeklyReport, budget: number): string[] {
  const { t } = view;
  const more = (count: number) => t('task.more', { count });
  const { unfilledTasks: tasks, unfilledEvents: events } = report;
  if (tasks.length === 0 && events.length === 0) return [t('report.all_filled')];
  const blocks: string[] = [];
  if (tasks.length > 0) {
    const lines = tasks.map((task) => taskLine(view, task));
    blocks.push(
      [
        t('report.unfilled_tasks', { count: tasks.length }),
        ...linesWithin(lines, budget, LISTED, more),
      ].join('\n'),
    );
  }
  if (events.length > 0) {
    const lines = events.map((event) => eventLine(view, event));
    blocks.push(
      [
        t('report.unfilled_events', { count: events.length }),
        ...linesWithin(lines, budget, LISTED, more),
      ].join('\n'),
    );
  }
  return blocks;
}

function eventLine(view: NotificationView, event: CampaignEvent): string {
  return view.t('stats.event_fill', {
    id: shownId(event),
    title: shorten(event.title, TITLE_IN_REPORT),
    when: view.formatWhen(event.startsAt),
    yes: event.yesCount,
    capacity: event.capacity ?? 0,
  });
}
