import type { FeedAddress } from '../calendars/calendars.service.ts';
import { type CommandContext, defineCommand } from './define-command.ts';

function feedReply(
  ctx: CommandContext,
  heading: 'calendar.yours' | 'calendar.reset_done',
  feed: FeedAddress,
) {
  return ctx.reply([
    ctx.t(heading),
    ctx.t('calendar.addresses', { webcal: feed.webcal, https: feed.https }),
    ctx.t('calendar.keep_private'),
  ]);
}

const showCalendar = defineCommand({
  name: 'calendar',
  subcommand: 'show',
  description: {
    en: 'Your private calendar feed address',
    fr: 'L’adresse privée de votre agenda',
  },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    const feed = await ctx.services.calendars.personalFeed(ctx.campaign.id, ctx.self().id);
    return feedReply(ctx, 'calendar.yours', feed);
  },
});

const resetCalendar = defineCommand({
  name: 'calendar',
  subcommand: 'reset',
  description: {
    en: 'Replace your calendar feed address (the old one stops working)',
    fr: 'Remplacer l’adresse de votre agenda (l’ancienne ne fonctionnera plus)',
  },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    const feed = await ctx.services.calendars.resetPersonalFeed(ctx.campaign.id, ctx.self().id);
    return feedReply(ctx, 'calendar.reset_done', feed);
  },
});

/** `/calendar` (Discord `/calendar show`) and `/calendar reset`. */
export const calendarCommands = [showCalendar, resetCalendar];
