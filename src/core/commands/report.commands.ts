import { ACTIVE_DAYS } from '../campaigns/stats.service.ts';
import { openCoverBlock } from '../covers/cover-view.ts';
import { type CampaignEvent, shownId } from '../events/event.types.ts';
import { DEFAULT_PERIOD, PERIODS } from '../reports/periods.ts';
import { type CommandContext, defineCommand } from './define-command.ts';
import { exportName } from './export-name.ts';
import { choice, flag } from './options.ts';

/** Upcoming events listed by `/stats`. */
const LISTED_EVENTS = 10;

/**
 * `/stats` (figures and a picture), `/export supporters`, `/export events`: the campaign at a
 * glance, and its data.
 */
export const reportCommands = [
  defineCommand({
    name: 'stats',
    description: { en: 'Campaign figures', fr: 'Chiffres de la campagne' },
    access: 'organizer',
    options: {
      period: choice(PERIODS, {
        description: {
          en: 'Window of the picture: 30d, 12w (default) or 1y',
          fr: 'Période du graphique : 30d, 12w (par défaut) ou 1y',
        },
        example: '30d',
      }),
      chart: flag({
        description: {
          en: 'Send the picture (on by default)',
          fr: 'Envoyer le graphique (activé par défaut)',
        },
        example: 'off',
      }),
    },
    async run(ctx, args) {
      const { campaign } = ctx;
      const [{ counts, upcoming, upcomingTotal }, picture] = await Promise.all([
        ctx.services.stats.summary(campaign.id, LISTED_EVENTS),
        args.chart === false
          ? undefined
          : // The picture is the campaign's: its language and zone, whoever asks.
            ctx.services.reports.picture(campaign, args.period ?? DEFAULT_PERIOD, campaign.locale),
      ]);
      const figures = [
        ctx.t('stats.supporters', {
          count: counts.supporters,
          active: counts.activeSince,
          days: ACTIVE_DAYS,
        }),
        ctx.t('stats.tasks', {
          open: counts.tasksOpen,
          closed: counts.tasksClosed,
          done: counts.assignmentsDone,
        }),
      ];
      const events = upcoming.map((event) => eventFill(ctx, event));
      if (upcomingTotal > upcoming.length) {
        events.push(ctx.t('stats.more_events', { count: upcomingTotal - upcoming.length }));
      }
      const blocks = [
        ctx.t('stats.title', { name: campaign.name }),
        figures.join('\n'),
        events.length > 0
          ? [ctx.t('stats.events'), ...events].join('\n')
          : ctx.t('stats.no_events'),
        ...openCoverBlock(ctx, await ctx.services.covers.open(campaign.id)),
      ];
      return ctx.reply(blocks, picture ? { files: [picture] } : {});
    },
  }),
  defineCommand({
    name: 'export',
    subcommand: 'supporters',
    description: {
      en: 'Download the supporter list (CSV)',
      fr: 'Télécharger la liste des soutiens (CSV)',
    },
    access: 'organizer',
    private: true,
    options: {},
    async run(ctx) {
      const { csv, count } = await ctx.services.stats.exportSupporters(
        ctx.campaign.id,
        ctx.supporter?.id ?? null,
      );
      return ctx.reply(ctx.t('export.supporters', { count }), {
        files: [{ name: exportName(ctx, 'supporters', 'csv'), mimeType: 'text/csv', content: csv }],
      });
    },
  }),
  defineCommand({
    name: 'export',
    subcommand: 'events',
    description: {
      en: 'Download the events calendar (ICS)',
      fr: 'Télécharger le calendrier des événements (ICS)',
    },
    access: 'organizer',
    private: true,
    options: {},
    async run(ctx) {
      const calendar = await ctx.services.events.calendar(ctx.campaign.id);
      await ctx.services.stats.recordExport(
        ctx.campaign.id,
        ctx.supporter?.id ?? null,
        'export_events',
        'events.ics',
      );
      return ctx.reply(ctx.t('export.events'), {
        files: [
          { name: exportName(ctx, 'events', 'ics'), mimeType: 'text/calendar', content: calendar },
        ],
      });
    },
  }),
];

function eventFill(ctx: CommandContext, event: CampaignEvent): string {
  const params = {
    id: shownId(event),
    title: event.title,
    when: ctx.formatWhen(event.startsAt),
    yes: event.yesCount,
  };
  return event.capacity === null
    ? ctx.t('stats.event_open', params)
    : ctx.t('stats.event_fill', { ...params, capacity: event.capacity });
}
