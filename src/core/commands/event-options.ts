/**
 * Options of the event commands. Required options are declared here, apart from the commands:
 * written inline in a command's options, `required: true` would widen to boolean.
 */
import { z } from 'zod';
import { answerValue } from '../i18n/french-words.ts';
import { choice, flag, id, integer, text, user } from './options.ts';

/** The `id` option of every event command. */
export const eventId = id({
  required: true,
  description: { en: 'Event number', fr: 'Numéro de l’événement' },
  example: '12',
});

/** Options shared by `/event create` and `/event edit` (only the title and start differ). */
export function eventOptions<R extends boolean>(required: R) {
  return {
    title: text({
      required,
      max: 200,
      rest: true,
      description: { en: 'Title of the event', fr: 'Titre de l’événement' },
      example: { en: 'Canvass the market', fr: 'Porte-à-porte au marché' },
    }),
    start: text({
      required,
      max: 100,
      description: { en: 'Start (date and time)', fr: 'Début (date et heure)' },
      example: '2026-12-05 18:00',
    }),
    end: text({
      max: 100,
      description: { en: 'End (date and time)', fr: 'Fin (date et heure)' },
      example: '2026-12-05 20:00',
    }),
    duration: text({
      max: 20,
      description: { en: 'How long it lasts (default 2h)', fr: 'Sa durée (2h par défaut)' },
      example: '90m',
    }),
    location: text({
      max: 300,
      description: { en: 'Place or link', fr: 'Lieu ou lien' },
      example: { en: 'Market square', fr: 'Place du marché' },
    }),
    capacity: integer({
      min: 1,
      max: 10_000,
      description: { en: 'Number of seats', fr: 'Nombre de places' },
      example: '30',
    }),
    description: text({
      max: 2000,
      description: { en: 'What it is about', fr: 'De quoi il s’agit' },
      example: { en: 'Bring comfortable shoes', fr: 'Prévoyez de bonnes chaussures' },
    }),
    reminders: text({
      max: 100,
      description: {
        en: 'Reminders before the start (replace the campaign’s)',
        fr: 'Rappels avant le début (remplacent ceux de la campagne)',
      },
      example: '24h,2h',
    }),
    host: user({
      description: { en: 'Who hosts it', fr: 'Qui l’anime' },
      example: '@ana',
    }),
  };
}

/** The answer of `/event rsvp`. */
export const rsvpAnswer = choice(['yes', 'maybe', 'no'], {
  required: true,
  description: { en: 'Your answer', fr: 'Votre réponse' },
  example: 'yes',
});

/** The person checked in by `/event checkin`. */
export const attendeeUser = user({
  required: true,
  description: { en: 'Who came (or did not)', fr: 'Qui est venu (ou non)' },
  example: '@ana',
});

/** on/off, also accepting the bare word `no_show` (`absent`) as in `/event checkin 12 @ana no_show`. */
export function noShowFlag() {
  const spec = flag({
    description: { en: 'They did not come', fr: 'La personne n’est pas venue' },
    example: 'on',
  });
  const bareWord = (v: unknown) =>
    typeof v === 'string' && answerValue(v) === 'no_show' ? true : v;
  return { ...spec, schema: z.preprocess(bareWord, spec.schema) };
}
