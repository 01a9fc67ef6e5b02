import { defineMessages } from './define.ts';

/** Messages of events shown on a server's own calendar (Discord's Events). */
export const mirrorMessages = defineMessages({
  'mirror.answer_line': {
    en: 'Event #{id}. Press "Interested" to answer maybe, or answer with /event rsvp {id} yes.',
    fr: 'Événement #{id}. Cliquez sur « Intéressé » pour répondre « peut-être », ou répondez avec /event rsvp {id} oui.',
  },
  'mirror.shifts_title': { en: 'Shifts:', fr: 'Créneaux :' },
  'mirror.shift_line': {
    en: 'Shift {shift}: {hours}{label}',
    fr: 'Créneau {shift} : {hours}{label}',
  },
  'mirror.series_line': {
    en: 'Repeats: the later dates are in /events; answer them all with /event rsvp {id} yes series:on',
    fr: 'Se répète : les dates suivantes sont dans /events ; répondez à toutes avec /event rsvp {id} oui series:activé',
  },
  'mirror.no_location': { en: 'To be announced', fr: 'Lieu à préciser' },
  'mirror.missing_permission': {
    en: 'The events of {campaign} cannot appear in the Events of the server {server}: the bot needs the Create Events and Manage Events permissions there. Give them to its role in Server Settings > Roles, and they will appear at the next check.',
    fr: 'Les événements de {campaign} ne peuvent pas apparaître dans les Événements du serveur {server} : le bot y a besoin des permissions « Créer des événements » et « Gérer les événements ». Accordez-les à son rôle dans Paramètres du serveur > Rôles, et ils apparaîtront à la prochaine vérification.',
  },
});
