import { defineMessages } from './define.ts';

/** Messages of live calendar feeds. */
export const calendarMessages = defineMessages({
  'calendar.yours': {
    en: 'Your calendar: the events you said yes to (shifts included) and the due times of your tasks, kept up to date.',
    fr: 'Votre agenda : les événements auxquels vous avez dit oui (créneaux compris) et les échéances de vos tâches, tenus à jour.',
  },
  'calendar.reset_done': {
    en: 'Your calendar has a new address; the old one no longer works. Subscribe again with the new one.',
    fr: 'Votre agenda a une nouvelle adresse ; l’ancienne ne fonctionne plus. Abonnez-vous de nouveau avec la nouvelle.',
  },
  'calendar.addresses': {
    en: 'Subscribe: {webcal}\nOr paste in your calendar app ("add from URL"): {https}',
    fr: 'Abonnez-vous : {webcal}\nOu collez dans votre application d’agenda (« ajouter par URL ») : {https}',
  },
  'calendar.keep_private': {
    en: 'Keep it private: anyone with this address sees your calendar. /calendar reset replaces it.',
    fr: 'Gardez-la pour vous : toute personne qui a cette adresse voit votre agenda. /calendar reset la remplace.',
  },
  'calendar.no_address': {
    en: 'Calendar feeds are off here: the assistant runs no web server (HTTP_PORT is not set, or is 0). Ask whoever runs it to set HTTP_PORT and PUBLIC_BASE_URL, for example HTTP_PORT=8080 PUBLIC_BASE_URL=https://organizer.example.org',
    fr: 'Les agendas en ligne sont désactivés ici : l’assistant ne fait tourner aucun serveur web (HTTP_PORT n’est pas réglé, ou vaut 0). Demandez à la personne qui l’héberge de régler HTTP_PORT et PUBLIC_BASE_URL, par exemple HTTP_PORT=8080 PUBLIC_BASE_URL=https://organizer.example.org',
  },
  'setup.calendar_feed': {
    en: 'Campaign calendar (upcoming events, for organizers to share): {webcal}',
    fr: 'Agenda de la campagne (événements à venir, à partager par les organisateurs) : {webcal}',
  },
});
