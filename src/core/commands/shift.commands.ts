import { DateTime } from 'luxon';
import { DomainError } from '../errors.ts';
import { shiftHours } from '../events/shifts.ts';
import { parseWhen } from '../time/when.ts';
import { type CommandContext, defineCommand } from './define-command.ts';
import { eventId, shiftNumber } from './event-options.ts';
import { integer, text } from './options.ts';

/**
 * A shift's time typed as `10:00` (or a full date), read on the event's day in the campaign's
 * zone; `from` is where a bare time counts from.
 */
function shiftTime(ctx: CommandContext, typed: string, from: Date): Date {
  const zone = ctx.campaign.timezone;
  const when = parseWhen(typed, from, zone, ctx.locale);
  if (!when) throw new DomainError('TIME_UNPARSEABLE', { text: typed });
  return when;
}

const addShift = defineCommand({
  name: 'event',
  subcommand: 'shift add',
  description: { en: 'Add a shift to an event', fr: 'Ajouter un créneau à un événement' },
  access: 'organizer',
  options: {
    id: eventId,
    start: text({
      required: true,
      max: 100,
      description: { en: 'When the shift starts', fr: 'Début du créneau' },
      example: '10:00',
    }),
    end: text({
      required: true,
      max: 100,
      description: { en: 'When the shift ends', fr: 'Fin du créneau' },
      example: '12:00',
    }),
    capacity: integer({
      required: true,
      min: 1,
      max: 10_000,
      description: { en: 'Seats in the shift', fr: 'Nombre de places du créneau' },
      example: '6',
    }),
    tag: text({
      max: 50,
      description: { en: 'Tag needed to take it', fr: 'Étiquette requise pour le prendre' },
      example: { en: 'drivers', fr: 'chauffeurs' },
    }),
    label: text({
      max: 60,
      description: { en: 'Name of the shift', fr: 'Nom du créneau' },
      example: { en: 'Drivers', fr: 'Chauffeurs' },
    }),
  },
  async run(ctx, args) {
    const event = await ctx.services.events.get(ctx.campaign.id, args.id);
    const day = DateTime.fromJSDate(event.startsAt, { zone: event.timezone }).startOf('day');
    const startsAt = shiftTime(ctx, args.start, day.toJSDate());
    const endsAt = shiftTime(ctx, args.end, startsAt);
    const shift = await ctx.services.events.addShift(ctx.campaign, args.id, {
      startsAt,
      endsAt,
      capacity: args.capacity,
      tag: args.tag ?? null,
      label: args.label ?? null,
    });
    const added = ctx.t('event.shift_added', {
      id: args.id,
      shift: shift.shiftNumber ?? 0,
      label: shift.label ? `${shift.label} ` : '',
      hours: shiftHours(shift),
      capacity: args.capacity,
    });
    const tag = shift.requiredTag
      ? [ctx.t('event.shift_tag_line', { tag: shift.requiredTag })]
      : [];
    return ctx.reply([added, ...tag].join('\n'));
  },
});

const removeShift = defineCommand({
  name: 'event',
  subcommand: 'shift remove',
  description: { en: 'Remove a shift of an event', fr: 'Supprimer un créneau d’un événement' },
  access: 'organizer',
  options: { id: eventId, shift: shiftNumber({ required: true }) },
  async run(ctx, args) {
    const change = await ctx.services.events.removeShift(ctx.campaign, args.id, args.shift);
    return ctx.reply(
      ctx.t('event.shift_removed', { id: args.id, shift: args.shift, count: change.notified }),
    );
  },
});

/** `/event shift add` and `/event shift remove`. */
export const shiftCommands = [addShift, removeShift];
