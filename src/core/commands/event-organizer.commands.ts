import { campaignView, eventCard } from '../cards/card-view.ts';
import { openCoverBlock } from '../covers/cover-view.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { type CampaignEvent, type EventPatch, shownId } from '../events/event.types.ts';
import { readReminders, resolveEnd, type TimeFrame } from '../events/event-input.ts';
import { scopeFor } from '../events/series-input.ts';
import { isRegistered } from '../interaction/registered.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import { attendeeGroups, fillLine } from '../views/event-view.ts';
import { type CommandContext, defineCommand } from './define-command.ts';
import { attendeeUser, eventId, eventOptions, noShowFlag, shiftNumber } from './event-options.ts';
import { flag, text } from './options.ts';
import {
  createSeries,
  repeatOptions,
  scopeOption,
  seriesLines,
  wantsSeries,
} from './series-options.ts';
import { shiftCommands } from './shift.commands.ts';

function frameOf(ctx: CommandContext): TimeFrame {
  return {
    zone: ctx.campaign.timezone,
    locale: ctx.locale,
    now: ctx.now,
    ...(ctx.request.words.showInstant && { show: ctx.request.words.showInstant }),
  };
}

/** The person an option names, who must have registered in the campaign. */
async function registeredUser(ctx: CommandContext, value: string): Promise<Supporter> {
  const supporter = await ctx.findUser(value);
  if (!isRegistered(supporter)) throw new DomainError('EVENT_UNREGISTERED', { user: value });
  return supporter;
}

/**
 * The event an organizer, or that event's own host, is acting on. Anyone else is refused
 * before learning whether the event exists.
 */
async function managedEvent(
  ctx: CommandContext,
  eventNumber: number,
  command: string,
): Promise<CampaignEvent> {
  const event = await ctx.services.events.find(ctx.campaign.id, eventNumber);
  const isHost = !!event && isRegistered(ctx.supporter) && event.hostId === ctx.supporter.id;
  if (ctx.role === 'volunteer' && !isHost) {
    throw new DomainError('EVENT_ORGANIZERS_OR_HOST', { command });
  }
  if (!event) throw new NotFoundError('event', eventNumber);
  return event;
}

/** Start, end, place, seats, reminders and host of an event, as confirmation lines. */
function details(ctx: CommandContext, event: CampaignEvent, host?: string): string {
  const offsets = (event.reminderOffsets ?? ctx.campaign.reminderOffsets).replaceAll(',', ', ');
  return [
    ctx.t('event.title', { id: event.id, title: event.title }),
    ctx.t('event.starts', { when: ctx.formatWhen(event.startsAt) }),
    ctx.t('event.ends', { when: ctx.formatWhen(event.endsAt) }),
    ...(event.location ? [ctx.t('event.where', { location: event.location })] : []),
    fillLine(ctx, event),
    ctx.t('event.reminders', { offsets }),
    ...(host ? [ctx.t('event.host', { name: host })] : []),
  ].join('\n');
}

const createEvent = defineCommand({
  name: 'event',
  subcommand: 'create',
  description: { en: 'Schedule an event', fr: 'Programmer un événement' },
  access: 'organizer',
  options: { ...eventOptions(true), ...repeatOptions },
  async run(ctx, args) {
    const startsAt = ctx.when(args.start);
    const endsAt = resolveEnd(startsAt, args, frameOf(ctx));
    const reminderOffsets = args.reminders ? readReminders(args.reminders) : null;
    const host = args.host ? await registeredUser(ctx, args.host) : null;
    const draft = {
      title: args.title,
      description: args.description ?? null,
      location: args.location ?? null,
      startsAt,
      endsAt,
      capacity: args.capacity ?? null,
      reminderOffsets,
      hostId: host?.id ?? null,
    };
    const series = wantsSeries(args) ? await createSeries(ctx, draft, args) : null;
    const event =
      series?.first ??
      (await ctx.services.events.create(ctx.campaign, draft, ctx.supporter?.id ?? null));
    const view = campaignView(ctx.campaign, ctx.request.words.showInstant);
    const announcement = {
      ...eventCard(view, event, []),
      subject: { kind: 'event' as const, id: event.id },
    };
    return ctx.reply(
      [
        ctx.t('event.created', { id: event.id, title: event.title }),
        details(ctx, event, args.host),
        ...(series ? [seriesLines(ctx, series, args)] : []),
      ],
      { announcement },
    );
  },
});

const editEvent = defineCommand({
  name: 'event',
  subcommand: 'edit',
  description: { en: 'Change an event', fr: 'Modifier un événement' },
  // Hosts may edit their own event: the organizer-or-host check is made inside.
  access: 'host',
  options: {
    id: eventId,
    ...eventOptions(false),
    confirm: flag({
      description: {
        en: 'Go ahead when fewer seats move people to the waiting list',
        fr: 'Confirmer même si la baisse du nombre de places envoie des personnes en liste d’attente',
      },
      example: 'on',
    }),
    scope: scopeOption,
  },
  async run(ctx, args) {
    const event = await managedEvent(ctx, args.id, '/event edit');
    const scope = scopeFor(event, args.scope, `/event edit ${event.id} location:"…"`);
    const patch: EventPatch = {};
    if (args.title) patch.title = args.title;
    if (args.description) patch.description = args.description;
    if (args.location) patch.location = args.location;
    if (args.capacity) patch.capacity = args.capacity;
    if (args.reminders) patch.reminderOffsets = readReminders(args.reminders);
    if (args.host) patch.hostId = (await registeredUser(ctx, args.host)).id;
    if (args.start || args.end || args.duration) {
      const startsAt = args.start ? ctx.when(args.start) : event.startsAt;
      const keepMinutes = (event.endsAt.getTime() - event.startsAt.getTime()) / 60_000;
      patch.endsAt = resolveEnd(startsAt, { ...args, keepMinutes }, frameOf(ctx));
      if (args.start) patch.startsAt = startsAt;
    }
    if (Object.keys(patch).length === 0) throw new DomainError('EVENT_NOTHING_TO_CHANGE');
    const confirm = { confirm: args.confirm ?? false };
    const several = scope === 'following' || scope === 'all';
    // One date of a series (scope:this) is edited like any event.
    const change = several
      ? await ctx.services.series.edit(ctx.campaign, event, patch, scope, confirm)
      : { ...(await ctx.services.events.edit(ctx.campaign, event.id, patch, confirm)), count: 1 };
    return ctx.reply([
      ctx.t('event.edited', { id: event.id, title: change.event.title }),
      details(ctx, change.event, args.host),
      ...(several ? [ctx.t('series.edited', { count: change.count })] : []),
      ...(change.notified > 0 ? [ctx.t('event.people_told', { count: change.notified })] : []),
    ]);
  },
});

const cancelEvent = defineCommand({
  name: 'event',
  subcommand: 'cancel',
  description: { en: 'Cancel an event', fr: 'Annuler un événement' },
  access: 'host',
  options: {
    id: eventId,
    reason: text({
      max: 500,
      rest: true,
      description: { en: 'Why it is cancelled', fr: 'Pourquoi il est annulé' },
      example: { en: 'Storm warning', fr: 'Alerte tempête' },
    }),
    scope: scopeOption,
  },
  async run(ctx, args) {
    const event = await managedEvent(ctx, args.id, '/event cancel');
    const scope = scopeFor(event, args.scope, `/event cancel ${event.id}`);
    const reason = args.reason ?? null;
    if (scope === 'following' || scope === 'all') {
      const change = await ctx.services.series.cancel(ctx.campaign, event, scope, reason);
      return ctx.reply(ctx.t('series.cancelled', { count: change.count, people: change.notified }));
    }
    // One date of a series (scope:this) is cancelled like any event.
    const change = await ctx.services.events.cancel(ctx.campaign, event.id, reason);
    return ctx.reply(
      ctx.t('event.cancel_done', { id: event.id, title: event.title, count: change.notified }),
    );
  },
});

const listAttendees = defineCommand({
  name: 'event',
  subcommand: 'attendees',
  description: { en: 'Who answered and who came', fr: 'Qui a répondu et qui est venu' },
  access: 'host',
  private: true,
  options: { id: eventId, shift: shiftNumber() },
  async run(ctx, args) {
    const parent = await managedEvent(ctx, args.id, '/event attendees');
    const { events } = ctx.services;
    const target = await events.target(ctx.campaign.id, parent.id, args.shift, null);
    const shifts = args.shift ? [] : await events.shifts(ctx.campaign.id, parent.id);
    const blocks = [];
    for (const shown of [target, ...shifts]) {
      const { event, attendees } = await events.attendees(ctx.campaign.id, shown.id);
      const title = ctx.t('event.attendees_title', {
        id: shownId(event),
        title: event.title,
        when: ctx.formatWhen(event.startsAt),
      });
      blocks.push([title, ...attendeeGroups(ctx, attendees)].join('\n'));
    }
    const shown = [target, ...shifts].map((event) => event.id);
    blocks.push(...openCoverBlock(ctx, await ctx.services.covers.open(ctx.campaign.id, shown)));
    return ctx.reply(blocks);
  },
});

const checkIn = defineCommand({
  name: 'event',
  subcommand: 'checkin',
  description: { en: 'Record who came', fr: 'Noter qui est venu' },
  access: 'host',
  private: true,
  options: {
    id: eventId,
    user: attendeeUser,
    no_show: noShowFlag(),
    shift: shiftNumber(),
  },
  async run(ctx, args) {
    const parent = await managedEvent(ctx, args.id, '/event checkin');
    const usage = `/event checkin ${parent.id} ${args.user}`;
    const event = await ctx.services.events.target(ctx.campaign.id, parent.id, args.shift, usage);
    const person = await registeredUser(ctx, args.user);
    const attendance = args.no_show ? 'no_show' : 'attended';
    await ctx.services.events.checkin(ctx.campaign.id, event.id, person.id, attendance);
    const name = person.displayName ?? args.user;
    const message = args.no_show ? 'event.checked_no_show' : 'event.checked_in';
    return ctx.reply(ctx.t(message, { name, id: shownId(event), title: event.title }));
  },
});

/** Organizer commands of events; hosts may run all but `create` on their own event. */
export const eventOrganizerCommands = [
  createEvent,
  editEvent,
  cancelEvent,
  listAttendees,
  checkIn,
  ...shiftCommands,
];
