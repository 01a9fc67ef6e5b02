/**
 * Options and reply lines of recurring series on the event commands: `repeat`, `until`, `count`
 * on `/event create`, `scope` on `/event edit|cancel`, `series` on `/event rsvp`.
 */
import { DateTime } from 'luxon';
import type { CampaignEvent } from '../events/event.types.ts';
import type { EventDraft } from '../events/events.service.ts';
import type { CreatedSeries } from '../events/series.service.ts';
import { SERIES_SCOPES } from '../events/series.types.ts';
import type { RepeatInput } from '../events/series-input.ts';
import { firstOccurrences, hasEnd, MAX_OCCURRENCES } from '../events/series-rule.ts';
import type { CommandContext } from './define-command.ts';
import { choice, flag, integer, text } from './options.ts';

/** `/event create` options making a series. */
export const repeatOptions = {
  repeat: text({
    max: 60,
    description: {
      en: 'Repeat: daily, weekly, weekly:mon,thu, monthly or every:2w',
      fr: 'Répéter : quotidien, hebdomadaire, hebdomadaire:lun,jeu, mensuel ou chaque:2s',
    },
    example: { en: 'weekly', fr: 'hebdomadaire' },
  }),
  until: text({
    max: 100,
    description: { en: 'Last day of the series', fr: 'Dernier jour de la série' },
    example: '2027-06-30',
  }),
  count: integer({
    min: 1,
    max: 100_000,
    description: { en: 'Number of dates in the series', fr: 'Nombre de dates de la série' },
    example: '10',
  }),
};

/** Which dates of a series `/event edit` and `/event cancel` are about. */
export const scopeOption = choice(SERIES_SCOPES, {
  description: {
    en: 'Dates of a series: this, following or all',
    fr: 'Dates d’une série : celle-ci, suivantes ou toutes',
  },
  example: 'this',
});

/** `series:on` on `/event rsvp`: the same answer to every later date; `series:off` stops it. */
export const seriesFlag = flag({
  description: {
    en: 'Give this answer to every later date of the series',
    fr: 'Donner cette réponse à toutes les dates suivantes de la série',
  },
  example: 'on',
});

/** Whether `/event create` was asked for a series. */
export function wantsSeries(args: RepeatInput): boolean {
  return args.repeat !== undefined || args.until !== undefined || args.count !== undefined;
}

/** Creates the series `/event create ... repeat:...` asks for. */
export function createSeries(
  ctx: CommandContext,
  draft: EventDraft,
  args: RepeatInput,
): Promise<CreatedSeries> {
  const { repeat, until, count } = args;
  const input = { repeat, ...(until !== undefined && { until }), ...(count && { count }) };
  return ctx.services.series.create(ctx.campaign, draft, input, ctx.supporter?.id ?? null);
}

/** What the organizer is told about a new series. */
export function seriesLines(
  ctx: CommandContext,
  created: CreatedSeries,
  args: RepeatInput,
): string {
  const { series, scheduled } = created;
  const day = (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: series.timezone })
      .setLocale(ctx.locale)
      .toLocaleString(DateTime.DATE_FULL);
  const untilMatch = /UNTIL=(\d{8})/.exec(series.rule)?.[1];
  const end = untilMatch
    ? ctx.t('series.until', {
        date: DateTime.fromFormat(untilMatch, 'yyyyLLdd', { zone: series.timezone })
          .setLocale(ctx.locale)
          .toLocaleString(DateTime.DATE_FULL),
      })
    : args.count
      ? ctx.t('series.count', { count: args.count })
      : '';
  const last = scheduled.at(-1)!;
  const lines = [
    ctx.t('series.created', {
      rule: args.repeat ?? '',
      end,
      count: scheduled.length,
      last: day(last.startsAt),
    }),
  ];
  const allMade =
    hasEnd(series.rule) && firstOccurrences(series, MAX_OCCURRENCES + 1).length <= scheduled.length;
  if (!allMade) lines.push(ctx.t('series.later'));
  return lines.join(' ');
}

/** Later dates named under a series' next date in `/events`. */
const LATER_SHOWN = 3;

/**
 * `/events` shows a series once, at its next date, so one series does not fill the list; each
 * item gets the line naming its later dates (empty for an event outside a series).
 */
export function oneDatePerSeries<T extends { event: CampaignEvent }>(
  ctx: CommandContext,
  listing: readonly T[],
): (T & { laterLine: string[] })[] {
  const seen = new Set<number>();
  const kept: (T & { laterLine: string[] })[] = [];
  for (const item of listing) {
    const { seriesId, id } = item.event;
    if (seriesId !== null && seen.has(seriesId)) continue;
    if (seriesId !== null) seen.add(seriesId);
    const later = listing
      .filter((other) => seriesId !== null && other.event.seriesId === seriesId)
      .slice(1);
    const ids = later.slice(0, LATER_SHOWN).map((other) => `#${other.event.id}`);
    const more = later.length > LATER_SHOWN ? '…' : '';
    const laterLine =
      later.length > 0 ? [ctx.t('series.later_dates', { ids: ids.join(', ') + more, id })] : [];
    kept.push({ ...item, laterLine });
  }
  return kept;
}
