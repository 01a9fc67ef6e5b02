import { defineMessages } from './define.ts';

/** Messages of event shifts: adding, removing, answering and their refusals. */
export const shiftMessages = defineMessages({
  'event.shift_added': {
    en: 'Shift {shift} added to event #{id}: {label}{hours}, {capacity, plural, one {# seat} other {# seats}}. Volunteers answer it with /event rsvp {id} yes shift:{shift}.',
    fr: 'Créneau {shift} ajouté à l’événement #{id} : {label}{hours}, {capacity, plural, one {# place} other {# places}}. Les bénévoles y répondent avec /event rsvp {id} oui shift:{shift}.',
  },
  'event.shift_tag_line': {
    en: 'Only for people tagged {tag}.',
    fr: 'Réservé aux personnes ayant l’étiquette {tag}.',
  },
  'event.shift_removed': {
    en: 'Shift {shift} of event #{id} is removed. {count, plural, =0 {Nobody had answered it, so nobody needs to be told.} other {Everyone who answered it (#) will be told.}}',
    fr: 'Le créneau {shift} de l’événement #{id} est supprimé. {count, plural, =0 {Personne n’y avait répondu : personne à prévenir.} one {La personne qui y avait répondu (#) sera prévenue.} other {Toutes les personnes qui y avaient répondu (#) seront prévenues.}}',
  },
  'event.shift_line': {
    en: 'Shift {shift}: {label}{hours} · {fill}',
    fr: 'Créneau {shift} : {label}{hours} · {fill}',
  },
  'event.shift_outside': {
    en: 'A shift must fit inside event #{id}, from {start} to {end}. For example: start:"10:00" end:"12:00"',
    fr: 'Un créneau doit tenir dans l’événement #{id}, de {start} à {end}. Par exemple : start:"10:00" end:"12:00"',
  },
  'event.choose_shift': {
    en: 'Event #{id} has shifts: {shifts}. Say which one, for example: {example}',
    fr: 'L’événement #{id} a des créneaux : {shifts}. Dites lequel, par exemple : {example}',
  },
  'event.no_shifts': {
    en: 'Event #{id} has no shifts. Add one with /event shift add {id} start:"10:00" end:"12:00" capacity:6',
    fr: 'L’événement #{id} n’a aucun créneau. Ajoutez-en un avec /event shift add {id} start:"10:00" end:"12:00" capacity:6',
  },
  'event.unknown_shift': {
    en: 'Event #{id} has no shift {shift}. Its shifts are: {shifts}. For example: shift:1',
    fr: 'L’événement #{id} n’a pas de créneau {shift}. Ses créneaux sont : {shifts}. Par exemple : shift:1',
  },
  'event.shift_tag': {
    en: 'Shift #{id} is for people tagged {tag}. Ask an organizer to tag you (/tag add), or pick another shift in /events.',
    fr: 'Le créneau #{id} est réservé aux personnes ayant l’étiquette {tag}. Demandez à un organisateur de vous la donner (/tag add), ou choisissez un autre créneau dans /events.',
  },
  'event.shift_clash': {
    en: 'Shift #{id} overlaps your shift #{other} {title} ({hours}). Answer no to that one first, for example: {example}',
    fr: 'Le créneau #{id} chevauche votre créneau #{other} {title} ({hours}). Répondez d’abord non à celui-là, par exemple : {example}',
  },
  'event.capacity_below_going': {
    en: '{going, plural, one {# person is} other {# people are}} going to #{id}; with capacity {capacity}, {moved, plural, one {this person} other {these # people}} would move to the waiting list: {names}. Add confirm:on to do it, for example: capacity:{capacity} confirm:on',
    fr: '{going, plural, one {# personne participe} other {# personnes participent}} à l’événement #{id} ; avec {capacity, plural, one {# place} other {# places}}, {moved, plural, one {cette personne passerait} other {ces # personnes passeraient}} sur la liste d’attente : {names}. Ajoutez confirm:oui pour le faire, par exemple : capacity:{capacity} confirm:oui',
  },
});
