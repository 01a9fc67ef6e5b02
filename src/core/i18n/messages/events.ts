import { defineMessages } from './define.ts';

/** Messages of events: listings, RSVPs, organizer commands and their refusals. */
export const eventMessages = defineMessages({
  'event.not_found': {
    en: 'There is no event #{id} in this campaign. Type /events to see the upcoming ones.',
    fr: 'Il n’y a pas d’événement #{id} dans cette campagne. Tapez /events pour voir ceux à venir.',
  },
  'event.cancelled': {
    en: 'Event #{id} {title} has been cancelled: it can no longer be answered or changed.',
    fr: 'L’événement #{id} {title} a été annulé : on ne peut plus y répondre ni le modifier.',
  },
  'event.started': {
    en: 'Event #{id} {title} has already started, so it no longer takes answers. Type /events to see what is coming up.',
    fr: 'L’événement #{id} {title} a déjà commencé et n’accepte plus de réponses. Tapez /events pour voir les prochains.',
  },
  'event.over': {
    en: 'Event #{id} {title} is already over, so it can no longer be changed.',
    fr: 'L’événement #{id} {title} est terminé et ne peut plus être modifié.',
  },
  'event.end_before_start': {
    en: 'The end ({end}) must be after the start ({start}). For example: end:"2026-12-05 20:00" or duration:2h',
    fr: 'La fin ({end}) doit être après le début ({start}). Par exemple : end:"2026-12-05 20:00" ou duration:2h',
  },
  'event.end_and_duration': {
    en: 'Give either an end or a duration, not both. For example: duration:2h',
    fr: 'Donnez soit une fin, soit une durée, pas les deux. Par exemple : duration:2h',
  },
  'event.bad_duration': {
    en: '"{text}" is not a duration. Use minutes, hours or days, for example duration:90m or duration:2h.',
    fr: '« {text} » n’est pas une durée. Utilisez des minutes, heures ou jours, par exemple duration:90m ou duration:2h.',
  },
  'event.bad_reminders': {
    en: '"{text}" is not a list of reminder times. Give durations before the start, for example reminders:24h,2h or reminders:90m.',
    fr: '« {text} » n’est pas une liste de rappels. Donnez des durées avant le début, par exemple reminders:24h,2h ou reminders:90m.',
  },
  'event.unregistered': {
    en: '{user} has not registered in this campaign yet. Ask them to /join first.',
    fr: '{user} n’est pas encore inscrit·e dans cette campagne. Demandez-lui de s’inscrire d’abord avec /join.',
  },
  'event.not_answered': {
    en: 'This person never answered for #{id} {title}, so they cannot be marked as a no-show.',
    fr: 'Cette personne n’a pas répondu à l’événement #{id} {title} : impossible de noter son absence.',
  },
  'event.organizers_or_host': {
    en: 'Only organizers or the host of this event can use {command}.',
    fr: 'Seuls les organisateurs ou le responsable de cet événement peuvent utiliser {command}.',
  },
  'event.nothing_to_change': {
    en: 'Tell me what to change, for example: /event edit 12 start:"2026-12-05 19:00" location:"Town hall"',
    fr: 'Dites-moi quoi changer, par exemple : /event edit 12 start:"2026-12-05 19:00" location:"Mairie"',
  },
  'event.title': { en: '#{id} {title}', fr: '#{id} {title}' },
  'event.starts': { en: 'Starts: {when}', fr: 'Début : {when}' },
  'event.ends': { en: 'Ends: {when}', fr: 'Fin : {when}' },
  'event.where': { en: 'Where: {location}', fr: 'Lieu : {location}' },
  'event.fill': { en: 'Going: {yes}/{capacity}', fr: 'Participants : {yes}/{capacity}' },
  'event.fill_open': { en: 'Going: {yes}', fr: 'Participants : {yes}' },
  'event.reminders': {
    en: 'Reminders: {offsets} before the start',
    fr: 'Rappels : {offsets} avant le début',
  },
  'event.host': { en: 'Host: {name}', fr: 'Responsable : {name}' },
  'event.your_answer': { en: 'Your answer: {answer}', fr: 'Votre réponse : {answer}' },
  'event.answer_yes': { en: 'yes', fr: 'oui' },
  'event.answer_maybe': { en: 'maybe', fr: 'peut-être' },
  'event.answer_no': { en: 'no', fr: 'non' },
  'event.answer_waitlist': { en: 'waiting list', fr: 'liste d’attente' },
  'event.button_yes': { en: 'Yes #{id}', fr: 'Oui #{id}' },
  'event.button_maybe': { en: 'Maybe #{id}', fr: 'Peut-être #{id}' },
  'event.button_no': { en: 'No #{id}', fr: 'Non #{id}' },
  'event.button_calendar': { en: 'Calendar #{id}', fr: 'Agenda #{id}' },
  'event.list_title': { en: 'Upcoming events:', fr: 'Événements à venir :' },
  'event.list_none': {
    en: 'No upcoming events yet.',
    fr: 'Aucun événement à venir pour le moment.',
  },
  'event.list_more': {
    en: '… and {count} more. Answer any event with /event rsvp, for example /event rsvp 12 yes.',
    fr: '{count, plural, one {… et # autre.} other {… et # autres.}} Répondez à n’importe quel événement avec /event rsvp, par exemple /event rsvp 12 oui.',
  },
  'event.mine_title': { en: 'Your upcoming events:', fr: 'Vos événements à venir :' },
  'event.mine_none': {
    en: 'You have not answered yes or maybe to any upcoming event. Type /events to see them.',
    fr: 'Vous n’avez répondu oui ou peut-être à aucun événement à venir. Tapez /events pour les voir.',
  },
  'event.rsvp_yes': {
    en: 'You are going to #{id} {title}, {when}.',
    fr: 'C’est noté : vous venez à l’événement #{id} {title}, {when}.',
  },
  'event.rsvp_maybe': {
    en: 'Noted as maybe for #{id} {title}, {when}.',
    fr: 'C’est noté : « peut-être » pour l’événement #{id} {title}, {when}.',
  },
  'event.will_remind': {
    en: 'I will remind you before it starts.',
    fr: 'Je vous le rappellerai avant le début.',
  },
  'event.rsvp_no': {
    en: 'Noted: you are not going to #{id} {title}. Thanks for letting us know.',
    fr: 'C’est noté : vous ne venez pas à l’événement #{id} {title}. Merci de nous avoir prévenus.',
  },
  'event.rsvp_waitlist': {
    en: '#{id} {title} is full, so you are on the waiting list (number {position}). I will tell you if a seat frees up.',
    fr: 'L’événement #{id} {title} est complet : vous êtes sur la liste d’attente, en position {position}. Je vous préviendrai si une place se libère.',
  },
  'event.ics_ready': {
    en: 'Here is #{id} {title} as a calendar file: open it to add the event to your calendar.',
    fr: 'Voici l’événement #{id} {title} sous forme de fichier d’agenda : ouvrez-le pour l’ajouter à votre agenda.',
  },
  'event.created': { en: 'Event #{id} created: {title}', fr: 'Événement #{id} créé : {title}' },
  'event.announcement': {
    en: 'New event #{id}: {title}\n{when}{where}\nAnswer with /event rsvp {id} yes (or maybe, no).',
    fr: 'Nouvel événement #{id} : {title}\n{when}{where}\nRépondez avec /event rsvp {id} oui (ou peut-être, non).',
  },
  'event.edited': { en: 'Event #{id} updated: {title}', fr: 'Événement #{id} modifié : {title}' },
  'event.people_told': {
    en: '{count, plural, =0 {Nobody has answered yet, so nobody needs to be told.} other {Everyone who answered (#) will be told about the change.}}',
    fr: '{count, plural, =0 {Personne n’a encore répondu : personne à prévenir.} one {La personne qui a répondu (#) sera prévenue du changement.} other {Toutes les personnes qui ont répondu (#) seront prévenues du changement.}}',
  },
  'event.cancel_done': {
    en: 'Event #{id} {title} is cancelled. {count, plural, =0 {Nobody had answered, so nobody needs to be told.} other {Everyone who answered (#) will be told.}}',
    fr: 'L’événement #{id} {title} est annulé. {count, plural, =0 {Personne n’avait répondu : personne à prévenir.} one {La personne qui avait répondu (#) sera prévenue.} other {Toutes les personnes qui avaient répondu (#) seront prévenues.}}',
  },
  'event.attendees_title': {
    en: 'Answers for #{id} {title}, {when}:',
    fr: 'Réponses pour l’événement #{id} {title}, {when} :',
  },
  'event.group_yes': { en: 'Going', fr: 'Viennent' },
  'event.group_maybe': { en: 'Maybe', fr: 'Viendront peut-être' },
  'event.group_waitlist': { en: 'Waiting list', fr: 'Liste d’attente' },
  'event.group_no': { en: 'Not going', fr: 'Ne viennent pas' },
  'event.attendees_group': { en: '{label} ({count}): {names}', fr: '{label} ({count}) : {names}' },
  'event.more_names': {
    en: '+{count} more',
    fr: '{count, plural, one {+# autre} other {+# autres}}',
  },
  'event.nobody': { en: 'nobody', fr: 'personne' },
  'event.attended': { en: 'came', fr: 'présent·e' },
  'event.no_show': { en: 'did not come', fr: 'absent·e' },
  'event.someone': { en: 'supporter {id}', fr: 'soutien {id}' },
  'event.checked_in': {
    en: '{name} is marked as having come to #{id} {title}.',
    fr: 'Présence notée pour {name} à l’événement #{id} {title}.',
  },
  'event.checked_no_show': {
    en: '{name} is marked as not having come to #{id} {title}.',
    fr: 'Absence notée pour {name} à l’événement #{id} {title}.',
  },
});
