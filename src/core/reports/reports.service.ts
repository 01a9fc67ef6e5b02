import { DateTime } from 'luxon';
import type { Campaign, Locale } from '../campaigns/campaign.types.ts';
import type { HeldEvent } from '../campaigns/stats.types.ts';
import type { CoreDeps } from '../deps.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import type { ReplyFile } from '../interaction/reply.ts';
import type { Task } from '../tasks/task.types.ts';
import type { StatsChart } from './chart.types.ts';
import type { Period, Range } from './periods.ts';
import { chartFigures, statsChart } from './stats-chart.ts';

/** "Silent": registered and active, but not seen for this many days. */
export const SILENT_DAYS = 30;

const DAY_MS = 86_400_000;

/** What the organizers' report tells about the week before it and the week after. */
export interface WeeklyReport {
  week: Range;
  newSupporters: number;
  tasksDone: number;
  held: HeldEvent[];
  /** Open tasks not yet full, due in the coming week or without a due time. */
  unfilledTasks: Task[];
  /** Events of the coming week with a capacity and free seats. */
  unfilledEvents: CampaignEvent[];
  /** Registered, active volunteers seen before but not in the last {@link SILENT_DAYS} days. */
  silent: number;
}

/** Organizers' pictures and reports: the `/stats` chart and the weekly report's figures. */
export class ReportsService {
  constructor(private readonly deps: CoreDeps) {}

  /** What the `/stats` picture of `period` shows, in `locale`. */
  async chart(campaign: Campaign, period: Period, locale: Locale): Promise<StatsChart> {
    const now = this.deps.clock.now();
    const figures = await chartFigures(this.deps.store, campaign, period, now, locale);
    return statsChart(figures, campaign, period, locale);
  }

  /** The `/stats` picture as a PNG file. */
  async picture(campaign: Campaign, period: Period, locale: Locale): Promise<ReplyFile> {
    const png = await this.deps.charts.png(await this.chart(campaign, period, locale));
    return { name: `stats-${period}.png`, mimeType: 'image/png', content: png };
  }

  /** The week (in the campaign's zone) that ends at `end`, and the one ahead of now. */
  async weekly(campaign: Campaign, end: Date): Promise<WeeklyReport> {
    const { store, clock } = this.deps;
    const now = clock.now().getTime();
    const start = DateTime.fromJSDate(end, { zone: campaign.timezone }).minus({ weeks: 1 });
    const week = { start: start.toJSDate(), end };
    const ahead = now + 7 * DAY_MS;
    const soon = (at: Date | null) => at === null || (at.getTime() >= now && at.getTime() < ahead);
    const [[newSupporters], [tasksDone], held, open, upcoming, silent] = await Promise.all([
      store.stats.registrations(campaign.id, [week]),
      store.stats.tasksDone(campaign.id, [week]),
      store.stats.eventsHeld(campaign.id, week),
      store.tasks.list(campaign.id, { status: 'open' }),
      store.events.listUpcoming(campaign.id, new Date(now)),
      store.stats.silent(campaign.id, new Date(now - SILENT_DAYS * DAY_MS), 0),
    ]);
    return {
      week,
      newSupporters: newSupporters ?? 0,
      tasksDone: tasksDone ?? 0,
      held,
      unfilledTasks: open.filter((task) => task.filled < task.slots && soon(task.dueAt)),
      unfilledEvents: upcoming.filter(
        (event) =>
          event.capacity !== null && event.yesCount < event.capacity && soon(event.startsAt),
      ),
      silent: silent.total,
    };
  }
}
