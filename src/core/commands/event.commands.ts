import { shownId } from '../events/event.types.ts';
import { reminderOffsets } from '../events/event-reminders.ts';
import {
  answerLabel,
  calendarButton,
  EVENT_BUTTON_ROWS,
  eventBlock,
  eventListing,
  rsvpButton,
  rsvpRow,
} from '../views/event-view.ts';
import { type CommandDefinition, defineCommand } from './define-command.ts';
import { eventId, rsvpAnswer, shiftNumber } from './event-options.ts';
import { eventOrganizerCommands } from './event-organizer.commands.ts';

const upcomingEvents = defineCommand({
  name: 'events',
  description: { en: 'Upcoming events to answer', fr: 'Les événements à venir' },
  access: 'supporter',
  options: {},
  async run(ctx) {
    const listing = await ctx.services.events.listing(ctx.campaign.id);
    if (listing.length === 0) return ctx.reply(ctx.t('event.list_none'));
    const mine = await ctx.services.events.mine(ctx.campaign.id, ctx.self().id);
    const blocks = listing.map(({ event, shifts }) => {
      const answers = mine.filter(
        (m) => m.event.id === event.id || shifts.some((s) => s.id === m.event.id),
      );
      const extra = answers.map(({ event: answered, rsvp }) =>
        ctx.t('event.your_answer', {
          answer: `${answerLabel(ctx, rsvp.answer)}${answered.parentId ? ` (#${shownId(answered)})` : ''}`,
        }),
      );
      return eventBlock(ctx, event, extra, shifts);
    });
    // One row of Yes / Maybe / No per event, or per shift of an event with shifts.
    const buttons = listing
      .flatMap(({ event, shifts }) => (shifts.length > 0 ? shifts : [event]))
      .slice(0, EVENT_BUTTON_ROWS)
      .map((event) => rsvpRow(ctx, event));
    return ctx.reply(eventListing(ctx, ctx.t('event.list_title'), blocks), { buttons });
  },
});

const answerEvent = defineCommand({
  name: 'event',
  subcommand: 'rsvp',
  description: {
    en: 'Answer an event: yes, maybe or no',
    fr: 'Répondre à un événement : oui, peut-être ou non',
  },
  access: 'supporter',
  private: true,
  options: {
    id: eventId,
    answer: rsvpAnswer,
    shift: shiftNumber(),
  },
  async run(ctx, args) {
    const { event, rsvp, position, cover } = await ctx.services.events.rsvp(
      ctx.campaign,
      args.id,
      ctx.self().id,
      args.answer,
      args.shift,
    );
    const params = { id: shownId(event), title: event.title, when: ctx.formatWhen(event.startsAt) };
    const coming = rsvp.answer === 'yes' || rsvp.answer === 'maybe';
    // Promise a reminder only when one is still due: after the last one, "Still coming" says so.
    const reminderAhead =
      ctx.self().remindersEnabled &&
      reminderOffsets(event, ctx.campaign).some(
        (minutes) => event.startsAt.getTime() - minutes * 60_000 > ctx.now.getTime(),
      );
    const said = [
      ctx.t(`event.rsvp_${rsvp.answer}`, { ...params, position: position ?? 0 }),
      ...(coming && reminderAhead ? [ctx.t('event.will_remind')] : []),
      ...(cover ? [ctx.t('cover.after_cancel', { count: cover.offered })] : []),
    ].join(' ');
    return ctx.reply(said, coming ? { buttons: [[calendarButton(ctx, event)]] } : {});
  },
});

const myEvents = defineCommand({
  name: 'myevents',
  description: { en: 'Events you are going to', fr: 'Les événements auxquels vous participez' },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    const mine = await ctx.services.events.mine(ctx.campaign.id, ctx.self().id);
    if (mine.length === 0) return ctx.reply(ctx.t('event.mine_none'));
    const blocks = mine.map(({ event, rsvp }) =>
      eventBlock(ctx, event, [
        ctx.t('event.your_answer', { answer: answerLabel(ctx, rsvp.answer) }),
      ]),
    );
    const buttons = mine
      .slice(0, EVENT_BUTTON_ROWS)
      .map(({ event }) => [calendarButton(ctx, event), rsvpButton(ctx, event, 'no')]);
    return ctx.reply(eventListing(ctx, ctx.t('event.mine_title'), blocks), { buttons });
  },
});

const eventFile = defineCommand({
  name: 'event',
  subcommand: 'ics',
  description: { en: 'Calendar file of an event', fr: 'Fichier d’agenda d’un événement' },
  access: 'supporter',
  private: true,
  options: { id: eventId, shift: shiftNumber() },
  async run(ctx, args) {
    const target = await ctx.services.events.target(ctx.campaign.id, args.id, args.shift, null);
    const { event, ics } = await ctx.services.events.eventCalendar(ctx.campaign.id, target.id);
    return ctx.reply(ctx.t('event.ics_ready', { id: shownId(event), title: event.title }), {
      files: [{ name: `event-${shownId(event)}.ics`, mimeType: 'text/calendar', content: ics }],
    });
  },
});

/** Event commands: volunteers' listing, answers and calendar files, then organizers'. */
export const eventCommands: CommandDefinition[] = [
  upcomingEvents,
  answerEvent,
  myEvents,
  eventFile,
  ...eventOrganizerCommands,
];
