import { defineMessages } from './define.ts';

/** Messages the assistant sends on its own: reminders, notices, broadcasts and digests. */
export const notificationMessages = defineMessages({
  'notification.reminder': {
    en: 'Reminder: #{id} {title} starts {when}',
    fr: 'Rappel : l’événement #{id} {title} commence le {when}',
  },
  'notification.reminder_at': {
    en: 'Reminder: #{id} {title} starts {when} at {location}',
    fr: 'Rappel : l’événement #{id} {title} commence le {when}, lieu : {location}',
  },
  'notification.broadcast_queued': {
    en: 'Broadcast #{id} is queued for all its recipients: {count}.',
    fr: 'La diffusion #{id} est en file d’attente pour tous ses destinataires : {count}.',
  },
  'notification.still_coming': { en: 'Still coming', fr: 'Je viens toujours' },
  'notification.cant_make_it': { en: "Can't make it", fr: 'Je ne peux plus venir' },
  'notification.promoted': {
    en: 'Good news: a seat freed up for #{id} {title}, {when}. You are now going.',
    fr: 'Bonne nouvelle : une place s’est libérée pour l’événement #{id} {title}, {when}. Vous y participez désormais.',
  },
  'notification.changed': {
    en: '#{id} {title} has changed:',
    fr: 'L’événement #{id} {title} a changé :',
  },
  'notification.changed_start': {
    en: 'New start: {when} (was {before})',
    fr: 'Nouveau début : {when} (au lieu de {before})',
  },
  'notification.changed_end': { en: 'New end: {when}', fr: 'Nouvelle fin : {when}' },
  'notification.changed_place': {
    en: 'New place: {location}',
    fr: 'Nouveau lieu : {location}',
  },
  'notification.changed_no_place': {
    en: 'The place has been removed; the organizers will tell you where.',
    fr: 'Le lieu a été retiré ; les organisateurs vous diront où aller.',
  },
  'notification.cancelled': {
    en: '#{id} {title}, {when}, has been cancelled.',
    fr: 'L’événement #{id} {title}, {when}, est annulé.',
  },
  'notification.cancel_reason': { en: 'Reason: {reason}', fr: 'Motif : {reason}' },
  'notification.task_due': {
    en: 'Reminder: task #{id} {title} is due {when}.',
    fr: 'Rappel : la tâche #{id} {title} est à faire pour le {when}.',
  },
  'notification.handout': { en: 'New task #{id}: {title}', fr: 'Nouvelle tâche #{id} : {title}' },
  'notification.assigned': {
    en: 'An organizer gave you task #{id}: {title}',
    fr: 'Un organisateur vous a confié la tâche #{id} : {title}',
  },
  'notification.due_line': { en: 'Due {when}', fr: 'À faire pour le {when}' },
  'notification.places_left': {
    en: 'Places left: {left} of {slots}',
    fr: 'Places libres : {left} sur {slots}',
  },
  'notification.broadcast_from': {
    en: 'Message from the organizers of {campaign}:',
    fr: 'Message des organisateurs de la campagne « {campaign} » :',
  },
  'notification.digest_title': {
    en: 'News from {campaign}',
    fr: 'Nouvelles de la campagne « {campaign} »',
  },
  'notification.digest_tasks': {
    en: 'New tasks you can take ({count}):',
    fr: 'Nouvelles tâches que vous pouvez prendre ({count}) :',
  },
  'notification.digest_events': {
    en: 'Events in the next {days, plural, one {day} other {# days}} ({count}):',
    fr: 'Événements {days, plural, one {de demain} other {des # prochains jours}} ({count}) :',
  },
  'notification.digest_hint': {
    en: 'Type /tasks or /events to see everything.',
    fr: 'Tapez /tasks ou /events pour tout voir.',
  },
});
