import { defineMessages } from './define.ts';

/** Messages of cover requests: the cover window, swaps, hand-outs and taking an offered seat. */
export const coverMessages = defineMessages({
  'setup.cover_window': {
    en: 'Cover window: {window}',
    fr: 'Délai de remplacement : {window}',
  },
  'setup.bad_cover_window': {
    en: '"{text}" is not a cover window. Give a duration up to 30 days, for example cover_window:48h, or off.',
    fr: '« {text} » n’est pas un délai de remplacement. Donnez une durée de 30 jours au plus, par exemple cover_window:48h, ou désactivé.',
  },
  'cover.after_cancel': {
    en: '{count, plural, =0 {Nobody matching can be asked right now; your seat will be offered again in 30 minutes.} one {Your seat is offered to # other volunteer.} other {Your seat is offered to # other volunteers.}}',
    fr: '{count, plural, =0 {Personne ne peut être sollicité pour l’instant ; votre place sera proposée de nouveau dans 30 minutes.} one {Votre place est proposée à # autre bénévole.} other {Votre place est proposée à # autres bénévoles.}}',
  },
  'cover.swap_asked': {
    en: 'You keep your seat at #{id} {title} until someone takes it. {count, plural, =0 {Nobody matching can be asked right now; it will be offered again in 30 minutes.} one {It is offered to # volunteer.} other {It is offered to # volunteers.}}',
    fr: 'Vous gardez votre place pour #{id} {title} jusqu’à ce que quelqu’un la prenne. {count, plural, =0 {Personne ne peut être sollicité pour l’instant ; elle sera proposée de nouveau dans 30 minutes.} one {Elle est proposée à # bénévole.} other {Elle est proposée à # bénévoles.}}',
  },
  'cover.swap_waitlisted': {
    en: 'Someone was waiting for #{id} {title}: your seat goes to them, and you are no longer going.',
    fr: 'Quelqu’un attendait une place pour #{id} {title} : votre place lui revient, et vous n’y participez plus.',
  },
  'cover.handout_done': {
    en: '{seats, plural, one {The free seat} other {The # free seats}} of #{id} {title}: {count, plural, =0 {nobody matching can be asked right now.} one {offered to # volunteer.} other {offered to # volunteers.}} More offers follow every 30 minutes while seats stay free.',
    fr: '{seats, plural, one {La place libre} other {Les # places libres}} de #{id} {title} : {count, plural, =0 {personne ne peut être sollicité pour l’instant.} one {proposition envoyée à # bénévole.} other {propositions envoyées à # bénévoles.}} D’autres propositions suivent toutes les 30 minutes tant qu’il reste des places.',
  },
  'cover.taken_done': {
    en: 'The seat is yours: you are going to #{id} {title}, {when}. Thank you!',
    fr: 'La place est à vous : vous participez à #{id} {title}, {when}. Merci !',
  },
  'cover.take_button': { en: 'Take this seat', fr: 'Prendre cette place' },
  'cover.offer': {
    en: 'A seat is free at #{id} {title}, {when}. Can you take it? The first to press gets it.',
    fr: 'Une place est libre pour #{id} {title}, {when}. Pouvez-vous la prendre ? La première personne à appuyer l’obtient.',
  },
  'cover.requester_told': {
    en: '{name} takes your seat at #{id} {title}: you are no longer going. Thank you for asking in time.',
    fr: '{name} prend votre place pour #{id} {title} : vous n’y participez plus. Merci d’avoir prévenu à temps.',
  },
  'cover.someone': { en: 'A volunteer', fr: 'Un ou une bénévole' },
  'cover.open_line': {
    en: '#{id} {title}: looking for {free, plural, one {# volunteer} other {# volunteers}} ({waves, plural, one {# wave of offers} other {# waves of offers}} so far)',
    fr: '#{id} {title} : {free, plural, one {# bénévole recherché} other {# bénévoles recherchés}} ({waves, plural, one {# vague de propositions} other {# vagues de propositions}} jusqu’ici)',
  },
  'cover.open_title': {
    en: 'Open cover requests ({count}):',
    fr: 'Remplacements en cours ({count}) :',
  },
  'cover.already_going': {
    en: 'You are already going to #{id} {title}, so there is no seat to take. Your events are in /myevents.',
    fr: 'Vous participez déjà à #{id} {title} : il n’y a pas de place à prendre. Vos événements sont dans /myevents.',
  },
  'cover.bad_target': {
    en: '"{text}" is not an event or shift number. For example: /event handout 12.2',
    fr: '« {text} » n’est pas un numéro d’événement ou de créneau. Par exemple : /event handout 12.2',
  },
  'cover.gone': {
    en: 'This seat is no longer offered. Seats still free are in /events.',
    fr: 'Cette place n’est plus proposée. Les places encore libres sont dans /events.',
  },
  'cover.no_free_seats': {
    en: '#{id} {title} has no free seats to hand out. To see who is going: /event attendees {id}',
    fr: '#{id} {title} n’a aucune place libre à proposer. Pour voir qui participe : /event attendees {id}',
  },
  'cover.not_going': {
    en: 'You are not going to #{id} {title}, so there is no seat to swap. To answer: {example}',
    fr: 'Vous ne participez pas à #{id} {title} : pas de place à échanger. Pour répondre : {example}',
  },
  'cover.started': {
    en: '#{id} {title} has already started, so its seat can no longer be taken. Seats still free are in /events.',
    fr: '#{id} {title} a déjà commencé : sa place ne peut plus être prise. Les places encore libres sont dans /events.',
  },
  'cover.taken': {
    en: 'Someone was quicker: the seat at #{id} {title} is taken. Seats still free are in /events.',
    fr: 'Quelqu’un a été plus rapide : la place pour #{id} {title} est prise. Les places encore libres sont dans /events.',
  },
});
