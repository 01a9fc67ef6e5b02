import { shownId } from '../events/event.types.ts';
import { calendarButton } from '../views/event-view.ts';
import { type CommandDefinition, defineCommand } from './define-command.ts';
import { eventId, shiftNumber } from './event-options.ts';
import { id, text } from './options.ts';

const swapSeat = defineCommand({
  name: 'event',
  subcommand: 'swap',
  description: {
    en: 'Ask others to take your seat; you keep it until someone does',
    fr: 'Proposer votre place à d’autres ; vous la gardez jusqu’à ce que quelqu’un la prenne',
  },
  access: 'supporter',
  private: true,
  options: { id: eventId, shift: shiftNumber() },
  async run(ctx, args) {
    const result = await ctx.services.covers.swap(ctx.campaign, args.id, args.shift, ctx.self().id);
    const params = { id: shownId(result.event), title: result.event.title };
    if ('waitlisted' in result) return ctx.reply(ctx.t('cover.swap_waitlisted', params));
    return ctx.reply(ctx.t('cover.swap_asked', { ...params, count: result.offered }));
  },
});

const takeSeat = defineCommand({
  name: 'event',
  subcommand: 'take',
  description: { en: 'Take a seat offered to you', fr: 'Prendre une place qui vous est proposée' },
  access: 'supporter',
  private: true,
  options: {
    cover: id({
      required: true,
      description: { en: 'Number of the offer', fr: 'Numéro de la proposition' },
      example: '7',
    }),
  },
  async run(ctx, args) {
    const { event } = await ctx.services.covers.take(ctx.campaign, args.cover, ctx.self().id);
    const said = ctx.t('cover.taken_done', {
      id: shownId(event),
      title: event.title,
      when: ctx.formatWhen(event.startsAt),
    });
    return ctx.reply(said, { buttons: [[calendarButton(ctx, event)]] });
  },
});

const handOut = defineCommand({
  name: 'event',
  subcommand: 'handout',
  description: {
    en: 'Offer the free seats of an event or shift to matching volunteers',
    fr: 'Proposer les places libres d’un événement ou d’un créneau aux bénévoles qui conviennent',
  },
  access: 'organizer',
  private: true,
  options: {
    id: text({
      required: true,
      max: 20,
      description: { en: 'Event or shift number', fr: 'Numéro de l’événement ou du créneau' },
      example: '12.2',
    }),
    shift: shiftNumber(),
  },
  async run(ctx, args) {
    const { event, cover, offered } = await ctx.services.covers.handout(
      ctx.campaign,
      args.id,
      args.shift,
    );
    return ctx.reply(
      ctx.t('cover.handout_done', {
        id: shownId(event),
        title: event.title,
        seats: cover.seats,
        count: offered,
      }),
    );
  },
});

/** Cover requests: a volunteer's swap, taking an offered seat, an organizer's hand-out. */
export const coverCommands: CommandDefinition[] = [swapSeat, takeSeat, handOut];
