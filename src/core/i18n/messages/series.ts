import { defineMessages } from './define.ts';

/** Messages of recurring series: creating, editing, cancelling, standing answers, refusals. */
export const seriesMessages = defineMessages({
  'series.created': {
    en: 'It repeats: {rule}{end}. {count, plural, one {# date is scheduled so far} other {# dates are scheduled so far}}, up to {last}.',
    fr: 'Il se répète : {rule}{end}. {count, plural, one {# date est prévue pour l’instant} other {# dates sont prévues pour l’instant}}, jusqu’au {last}.',
  },
  'series.later': {
    en: 'Later dates are added as time goes on.',
    fr: 'Les dates suivantes s’ajoutent au fil du temps.',
  },
  'series.until': {
    en: ' until {date}',
    fr: ' jusqu’au {date}',
  },
  'series.count': {
    en: ', {count, plural, one {# time} other {# times}}',
    fr: ', {count, plural, one {# fois} other {# fois}}',
  },
  'series.edited': {
    en: '{count, plural, =0 {No date of the series needed a change.} one {# date of the series is changed.} other {# dates of the series are changed.}}',
    fr: '{count, plural, =0 {Aucune date de la série n’avait besoin d’être changée.} one {# date de la série est modifiée.} other {# dates de la série sont modifiées.}}',
  },
  'series.cancelled': {
    en: '{count, plural, =0 {No date of the series was left to cancel} one {# date of the series is cancelled} other {# dates of the series are cancelled}}, and no new date will be added. {people, plural, =0 {Nobody had answered, so nobody needs to be told.} other {Everyone who answered (#) will be told.}}',
    fr: '{count, plural, =0 {Aucune date de la série ne restait à annuler} one {# date de la série est annulée} other {# dates de la série sont annulées}}, et aucune nouvelle date ne sera ajoutée. {people, plural, =0 {Personne n’avait répondu : personne à prévenir.} one {La personne qui avait répondu (#) sera prévenue.} other {Toutes les personnes qui avaient répondu (#) seront prévenues.}}',
  },
  'series.answer_on': {
    en: 'The same answer goes to {count, plural, =0 {every later date of the series} one {the # later date already scheduled and to every new one} other {the # later dates already scheduled and to every new one}}. To stop: series:off',
    fr: 'La même réponse vaut pour {count, plural, =0 {toutes les dates suivantes de la série} one {la date suivante déjà prévue (#) et pour chaque nouvelle} other {les # dates suivantes déjà prévues et pour chaque nouvelle}}. Pour arrêter : series:désactivé',
  },
  'series.answer_off': {
    en: 'New dates of the series will no longer be answered for you; the answers already given stay.',
    fr: 'Les nouvelles dates de la série ne recevront plus votre réponse d’office ; les réponses déjà données restent.',
  },
  'series.later_dates': {
    en: 'Repeats; next dates: {ids}. To answer them all: /event rsvp {id} yes series:on',
    fr: 'Se répète ; dates suivantes : {ids}. Pour répondre à toutes : /event rsvp {id} oui series:activé',
  },
  'series.bad_rule': {
    en: 'I do not understand the repeat rule “{text}”. For example: repeat:weekly, repeat:weekly:mon,thu or repeat:every:2w',
    fr: 'Je ne comprends pas la règle de répétition « {text} ». Par exemple : repeat:hebdomadaire, repeat:hebdomadaire:lun,jeu ou repeat:chaque:2s',
  },
  'series.until_past': {
    en: 'The series would end ({until}) before its first date ({start}). For example: until:"2027-06-30"',
    fr: 'La série se terminerait ({until}) avant sa première date ({start}). Par exemple : until:"2027-06-30"',
  },
  'series.too_many': {
    en: 'A series holds at most {max} dates, and this one would have more. For example: count:52',
    fr: 'Une série compte au plus {max} dates, et celle-ci en aurait davantage. Par exemple : count:52',
  },
  'series.until_and_count': {
    en: 'Give until or count, not both. For example: repeat:weekly count:10',
    fr: 'Indiquez until ou count, pas les deux. Par exemple : repeat:hebdomadaire count:10',
  },
  'series.end_without_repeat': {
    en: 'until and count only go with repeat. For example: repeat:weekly until:"2027-06-30"',
    fr: 'until et count ne vont qu’avec repeat. Par exemple : repeat:hebdomadaire until:"2027-06-30"',
  },
  'series.not_series': {
    en: 'Event #{id} does not repeat, so {option} does not apply to it. For example: {example}',
    fr: 'L’événement #{id} ne se répète pas : {option} ne s’y applique pas. Par exemple : {example}',
  },
  'series.choose_scope': {
    en: 'Event #{id} is one date of a series: say which dates, scope:this (this one), scope:following (this one and the later ones) or scope:all. For example: {example} scope:this',
    fr: 'L’événement #{id} est une date d’une série : précisez lesquelles, scope:celle-ci (cette date), scope:suivantes (celle-ci et les suivantes) ou scope:toutes. Par exemple : {example} scope:celle-ci',
  },
});
