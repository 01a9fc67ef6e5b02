import { DateTime } from 'luxon';
import type { Campaign, Locale } from '../campaigns/campaign.types.ts';
import type { AttendanceCount, EventAnswers } from '../campaigns/stats.types.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import { translator } from '../i18n/i18n.ts';
import { shorten } from '../notifications/content-view.ts';
import type { Store } from '../ports.ts';
import type { StatsChart } from './chart.types.ts';
import { type Bucket, type Period, periodBuckets, rangeLabel } from './periods.ts';

/** The fill panel looks this far ahead, and shows at most this many events. */
const FILL_DAYS = 14;
const FILL_EVENTS = 10;
const TITLE_IN_CHART = 28;
const DAY_MS = 86_400_000;

/** The raw figures behind the picture, all from indexed counts. */
export interface ChartFigures {
  growth: Bucket[];
  /** Registered supporters at the end of each growth bucket. */
  supporters: number[];
  tasksDone: number[];
  fill: { event: CampaignEvent; answers: EventAnswers }[];
  attendance: Bucket[];
  attended: AttendanceCount[];
}

/** Reads the figures of one window of a campaign at `now`, with labels in `locale`. */
export async function chartFigures(
  store: Store,
  campaign: Campaign,
  period: Period,
  now: Date,
  locale: Locale,
): Promise<ChartFigures> {
  const id = campaign.id;
  const growth = periodBuckets(period, 'growth', now, campaign.timezone, locale);
  const attendance = periodBuckets(period, 'attendance', now, campaign.timezone, locale);
  const horizon = now.getTime() + FILL_DAYS * DAY_MS;
  const [before, joined, tasksDone, attended, upcoming] = await Promise.all([
    store.stats.registeredBefore(id, growth[0]!.start),
    store.stats.registrations(id, growth),
    store.stats.tasksDone(id, growth),
    store.stats.attendance(id, attendance),
    store.events.startingAfter(id, now, FILL_EVENTS),
  ]);
  const coming = upcoming.events.filter((event) => event.startsAt.getTime() < horizon);
  const answers = await store.stats.eventAnswers(
    id,
    coming.map((event) => event.id),
  );
  let total = before;
  const supporters = joined.map((count) => (total += count));
  const fill = coming.map((event, i) => ({ event, answers: answers[i]! }));
  return { growth, supporters, tasksDone, fill, attendance, attended };
}

/** The picture's description in `locale`: every label, date and shown value as text. */
export function statsChart(
  figures: ChartFigures,
  campaign: Campaign,
  period: Period,
  locale: Locale,
): StatsChart {
  const t = translator(locale);
  const zone = campaign.timezone;
  const unit = period === '30d' ? 'day' : period === '12w' ? 'week' : 'month';
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rates = figures.attended.map(({ said, came }) => (said > 0 ? (100 * came) / said : null));
  const first = figures.growth[0]!;
  const last = figures.growth.at(-1)!;
  return {
    locale,
    title: t('chart.title', { campaign: campaign.name, period: t(`chart.period_${period}`) }),
    subtitle: rangeLabel({ start: first.start, end: last.end }, zone, locale),
    growth: {
      title: t(`chart.growth_${unit}`),
      labels: figures.growth.map((bucket) => bucket.label),
      supporters: figures.supporters,
      tasksDone: figures.tasksDone,
      supportersName: t('chart.supporters'),
      tasksDoneName: t('chart.tasks_done'),
    },
    fill: {
      title: t('chart.fill'),
      events: figures.fill.map(({ event, answers }) => ({
        label: `#${event.id} ${shorten(event.title, TITLE_IN_CHART)} · ${dayLabel(event, locale)}`,
        yes: answers.yes,
        maybe: answers.maybe,
        waitlist: answers.waitlist,
        capacity: event.capacity,
      })),
      yesName: t('chart.yes'),
      maybeName: t('chart.maybe'),
      waitlistName: t('chart.waitlist'),
      capacityName: t('chart.capacity'),
      empty: t('chart.no_events'),
    },
    attendance: {
      title: t(unit === 'month' ? 'chart.attendance_month' : 'chart.attendance_week'),
      labels: figures.attendance.map((bucket) => bucket.label),
      rates,
      shown: rates.map((rate) => (rate === null ? '' : percent.format(rate / 100))),
    },
  };
}

/** `Sat 5 Dec` in the event's own zone. */
function dayLabel(event: CampaignEvent, locale: Locale): string {
  return DateTime.fromJSDate(event.startsAt, { zone: event.timezone })
    .setLocale(locale)
    .toFormat('ccc d LLL');
}
