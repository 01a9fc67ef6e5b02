import { defineMessages } from './define.ts';

/** The `/stats` picture, the organizers' weekly report and the lists behind them. */
export const reportMessages = defineMessages({
  'chart.title': { en: '{campaign} · {period}', fr: '{campaign} · {period}' },
  'chart.period_30d': { en: 'last 30 days', fr: '30 derniers jours' },
  'chart.period_12w': { en: 'last 12 weeks', fr: '12 dernières semaines' },
  'chart.period_1y': { en: 'last 12 months', fr: '12 derniers mois' },
  'chart.growth_day': {
    en: 'Supporters (total) and tasks done per day',
    fr: 'Soutiens (total) et tâches réalisées par jour',
  },
  'chart.growth_week': {
    en: 'Supporters (total) and tasks done per week',
    fr: 'Soutiens (total) et tâches réalisées par semaine',
  },
  'chart.growth_month': {
    en: 'Supporters (total) and tasks done per month',
    fr: 'Soutiens (total) et tâches réalisées par mois',
  },
  'chart.supporters': { en: 'Supporters', fr: 'Soutiens' },
  'chart.tasks_done': { en: 'Tasks done', fr: 'Tâches réalisées' },
  'chart.fill': { en: 'Events of the next 14 days', fr: 'Événements des 14 prochains jours' },
  'chart.yes': { en: 'Yes', fr: 'Oui' },
  'chart.maybe': { en: 'Maybe', fr: 'Peut-être' },
  'chart.waitlist': { en: 'Waitlist', fr: 'Liste d’attente' },
  'chart.capacity': { en: 'Capacity', fr: 'Capacité' },
  'chart.no_events': {
    en: 'No event in the next 14 days',
    fr: 'Aucun événement dans les 14 prochains jours',
  },
  'chart.attendance_week': {
    en: 'Attendance per week (came / said yes)',
    fr: 'Présence par semaine (venus / ayant dit oui)',
  },
  'chart.attendance_month': {
    en: 'Attendance per month (came / said yes)',
    fr: 'Présence par mois (venus / ayant dit oui)',
  },
  'report.title': {
    en: 'Organizers’ report for {campaign}, {range}',
    fr: 'Bilan pour les organisateurs de la campagne « {campaign} », {range}',
  },
  'report.numbers': {
    en: 'The week in numbers:\nNew supporters: {supporters}\nTasks done: {tasks}\nEvents held: {events}',
    fr: 'La semaine en chiffres :\nNouveaux soutiens : {supporters}\nTâches réalisées : {tasks}\nÉvénements tenus : {events}',
  },
  'report.held_line': {
    en: '#{id} {title} · {came} came of {said} who said yes, {no_show, plural, one {# no-show} other {# no-shows}}',
    fr: '#{id} {title} · présents : {came} sur {said} ayant dit oui, absents : {no_show}',
  },
  'report.unfilled_tasks': {
    en: 'Tasks still unfilled for the coming week ({count}):',
    fr: 'Tâches encore à pourvoir pour la semaine à venir ({count}) :',
  },
  'report.unfilled_events': {
    en: 'Events and shifts of the coming week with free seats ({count}):',
    fr: 'Événements et créneaux de la semaine à venir avec des places libres ({count}) :',
  },
  'report.all_filled': {
    en: 'Every task and event of the coming week is filled.',
    fr: 'Toutes les tâches et tous les événements de la semaine à venir sont pourvus.',
  },
  'report.silent': {
    en: 'Silent for {days, plural, one {# day} other {# days}}: {count, plural, one {# volunteer who was} other {# volunteers who were}} active before (list: /supporters inactive:{days}d).',
    fr: 'Silencieux depuis {days, plural, one {# jour} other {# jours}} : {count, plural, one {# bénévole auparavant actif} other {# bénévoles auparavant actifs}} (liste : /supporters inactive:{days}d).',
  },
  'report.handout_button': { en: 'Hand out #{id} again', fr: 'Relancer #{id}' },
  'task.handed_out_again': {
    en: 'Task #{id} was handed out again: {count, plural, one {# volunteer} other {# volunteers}} will get a message with a Claim button.',
    fr: 'La tâche #{id} a été relancée : {count, plural, one {# bénévole recevra} other {# bénévoles recevront}} un message avec un bouton Prendre.',
  },
  'task.handed_out_nobody': {
    en: 'Task #{id} was not handed out again: every matching volunteer already got it today or holds it.',
    fr: 'La tâche #{id} n’a pas été relancée : tous les bénévoles concernés l’ont déjà reçue aujourd’hui ou l’ont prise.',
  },
  'roster.title_inactive': {
    en: 'Supporters silent for {days, plural, one {# day} other {# days}} or more: {count} (most recently seen first)',
    fr: 'Soutiens silencieux depuis {days, plural, one {# jour} other {# jours}} ou plus : {count} (les plus récemment vus d’abord)',
  },
  'roster.bad_inactive': {
    en: '"{text}" is not a number of days. Write it like inactive:30d (1 to 365 days).',
    fr: '« {text} » n’est pas un nombre de jours. Écrivez-le comme inactive:30d (de 1 à 365 jours).',
  },
  'setup.report': {
    en: 'Organizers’ report: {report}',
    fr: 'Bilan pour les organisateurs : {report}',
  },
  'setup.bad_report': {
    en: '"{text}" is not a report schedule. Give a cron expression with five fields (minute hour day month weekday), for example 0 9 * * 1 for Mondays at 9:00, or off.',
    fr: '« {text} » n’est pas un horaire de bilan. Donnez une expression cron à cinq champs (minute heure jour mois jour de la semaine), par exemple 0 9 * * 1 pour le lundi à 9 h, ou désactivé.',
  },
});
