import { parseAudience } from '../broadcasts/audience.ts';
import { defineCommand } from './define-command.ts';
import { id, text } from './options.ts';

// Declared apart so that `required: true` is inferred from the call itself, not from the catalogue.
const messageOption = text({
  required: true,
  rest: true,
  max: 2000,
  description: { en: 'The message to send', fr: 'Le message à envoyer' },
  example: {
    en: 'Canvass moved to 10:00 tomorrow',
    fr: 'Le porte-à-porte est décalé à 10h demain',
  },
});

/**
 * `/broadcast`: one message to everyone, a tag or an event's attendees, now or later;
 * `/broadcast status <id>` (Telegram and the console): how far it got.
 */
export const broadcastCommands = [
  defineCommand({
    name: 'broadcast',
    description: {
      en: 'Send a message to supporters',
      fr: 'Envoyer un message aux soutiens',
    },
    access: 'organizer',
    private: true,
    options: {
      message: messageOption,
      audience: text({
        max: 100,
        description: {
          en: 'Who gets it: all, tag:<name> or event:<id>',
          fr: 'Destinataires : tous, tag:<nom> ou event:<numéro>',
        },
        example: { en: 'tag:canvassers', fr: 'tag:porte-à-porte' },
      }),
      at: text({
        max: 100,
        description: {
          en: 'When to send it (default now)',
          fr: 'Quand l’envoyer (par défaut maintenant)',
        },
        example: { en: 'tomorrow 18:00', fr: 'demain 18h' },
      }),
    },
    async run(ctx, args) {
      const audience = parseAudience(args.audience);
      const sendAt = args.at === undefined ? undefined : ctx.when(args.at);
      const { broadcast, recipients, queuing } = await ctx.services.broadcasts.send(
        ctx.campaign.id,
        { message: args.message, audience, sendAt, actorId: ctx.supporter?.id ?? null },
      );
      const params = {
        id: broadcast.id,
        audience:
          audience.kind === 'all'
            ? ctx.t('broadcast.audience_all')
            : audience.kind === 'tag'
              ? ctx.t('broadcast.audience_tag', { tag: broadcast.audience.slice('tag:'.length) })
              : ctx.t('broadcast.audience_event', { id: audience.eventId }),
        count: recipients,
      };
      if (sendAt) {
        const when = ctx.formatWhen(sendAt);
        return ctx.reply(
          ctx.t(queuing ? 'broadcast.queuing_at' : 'broadcast.queued_at', { ...params, when }),
        );
      }
      return ctx.reply(ctx.t(queuing ? 'broadcast.queuing_now' : 'broadcast.queued_now', params));
    },
  }),
  defineCommand({
    name: 'broadcast',
    subcommand: 'status',
    textOnly: true,
    description: {
      en: 'How far a broadcast got',
      fr: 'Où en est une diffusion',
    },
    access: 'organizer',
    private: true,
    options: {
      id: id({
        required: true,
        description: { en: 'Broadcast number', fr: 'Numéro de la diffusion' },
        example: '3',
      }),
    },
    async run(ctx, args) {
      const { broadcast, fanOut, delivery } = await ctx.services.broadcasts.progress(
        ctx.campaign.id,
        args.id,
      );
      const running = fanOut?.status === 'running';
      return ctx.reply(
        ctx.t('broadcast.status', {
          id: broadcast.id,
          audience: broadcast.audience,
          when: ctx.formatWhen(broadcast.sendAt),
          written: fanOut?.written ?? broadcast.queuedCount,
          total: broadcast.queuedCount,
          state: ctx.t(running ? 'broadcast.status_running' : 'broadcast.status_done'),
          ...delivery,
        }),
      );
    },
  }),
];
