import { defineMessages } from './define.ts';

/** Messages of tasks: listings, claims, hand-outs and organizer replies. */
export const taskMessages = defineMessages({
  'task.not_found': {
    en: 'There is no task #{id} in this campaign. /tasks lists the open ones.',
    fr: 'Il n’y a pas de tâche #{id} dans cette campagne. /tasks liste celles qui sont ouvertes.',
  },
  'task.full': {
    en: 'Task #{id} is full: all its places ({slots}) are taken. Try /task next for another one.',
    fr: 'La tâche #{id} est complète : toutes ses places ({slots}) sont prises. Essayez /task next pour en trouver une autre.',
  },
  'task.closed': {
    en: 'Task #{id} is closed and can no longer be taken. Try /task next for another one.',
    fr: 'La tâche #{id} est fermée et ne peut plus être prise. Essayez /task next pour en trouver une autre.',
  },
  'task.already_claimed': {
    en: 'You already hold task #{id}. When it is finished, send /task done {id}.',
    fr: 'Vous avez déjà pris la tâche #{id}. Une fois terminée, envoyez /task done {id}.',
  },
  'task.already_done': {
    en: 'You already finished task #{id}. Thank you!',
    fr: 'Vous avez déjà terminé la tâche #{id}. Merci !',
  },
  'task.not_claimed': {
    en: 'You do not hold task #{id}. Take it first with /task claim {id}.',
    fr: 'Vous n’avez pas pris la tâche #{id}. Prenez-la d’abord avec /task claim {id}.',
  },
  'task.tag_required': {
    en: 'Task #{id} is for supporters tagged "{tag}". Ask an organizer if that should include you.',
    fr: 'La tâche #{id} est réservée aux personnes avec l’étiquette « {tag} ». Si vous pensez en faire partie, demandez à un organisateur.',
  },
  'task.bad_link': {
    en: 'link must be a web address starting with http:// or https://. For example: link:https://example.org/flyers',
    fr: 'link doit être une adresse web commençant par http:// ou https://. Par exemple : link:https://example.org/tracts',
  },
  'task.assignee_holds': {
    en: 'That supporter already holds task #{id}.',
    fr: 'Cette personne s’occupe déjà de la tâche #{id}.',
  },
  'task.assignee_done': {
    en: 'That supporter already finished task #{id}.',
    fr: 'Cette personne a déjà terminé la tâche #{id}.',
  },
  'task.line': { en: '#{id} {title}', fr: '#{id} {title}' },
  'task.line_fill': { en: '{filled}/{slots} taken', fr: 'places prises : {filled}/{slots}' },
  'task.line_due': { en: 'due {due}', fr: 'pour le {due}' },
  'task.line_points': {
    en: '{points, plural, one {# point} other {# points}}',
    fr: '{points, plural, one {# point} other {# points}}',
  },
  'task.line_tag': { en: 'tag {tag}', fr: 'étiquette {tag}' },
  'task.line_closed': { en: 'closed', fr: 'fermée' },
  'task.line_claimed_by': { en: 'claimed: {names}', fr: 'prise par : {names}' },
  'task.line_done_by': { en: 'done: {names}', fr: 'faite par : {names}' },
  'task.line_nobody': { en: 'nobody yet', fr: 'personne pour l’instant' },
  'task.someone': { en: 'supporter {id}', fr: 'soutien {id}' },
  'task.more': {
    en: '… and {count} more.',
    fr: '{count, plural, one {… et # autre.} other {… et # autres.}}',
  },
  'task.open_title': { en: 'Tasks you can take:', fr: 'Tâches que vous pouvez prendre :' },
  'task.open_none': {
    en: 'There is no open task for you right now. Thank you for checking! Your own tasks: /mytasks',
    fr: 'Aucune tâche ouverte pour vous en ce moment. Merci de votre intérêt ! Vos tâches : /mytasks',
  },
  'task.next_title': { en: 'Your best next task:', fr: 'La tâche qui vous convient le mieux :' },
  'task.next_none': {
    en: 'There is no task for you to take right now. Check again later, or see /mytasks.',
    fr: 'Il n’y a pas de tâche à prendre pour vous en ce moment. Revenez plus tard, ou consultez /mytasks.',
  },
  'task.claim_button': { en: 'Claim #{id}', fr: 'Prendre #{id}' },
  'task.done_button': { en: 'Done #{id}', fr: 'Terminer #{id}' },
  'task.drop_button': { en: 'Drop #{id}', fr: 'Rendre #{id}' },
  'task.claimed': {
    en: 'Task #{id} is yours: {title}. When it is finished, send /task done {id}.',
    fr: 'La tâche #{id} est à vous : {title}. Une fois terminée, envoyez /task done {id}.',
  },
  'task.claimed_due': {
    en: 'It is due {due}; I will remind you 24 hours before.',
    fr: 'Elle est à faire pour le {due} ; je vous le rappellerai 24 heures avant.',
  },
  'task.link': { en: 'Link: {link}', fr: 'Lien : {link}' },
  'task.done': {
    en: 'Well done! Task #{id} is finished: {title}.',
    fr: 'Bravo ! La tâche #{id} est terminée : {title}.',
  },
  'task.points_awarded': {
    en: '{points, plural, one {+# point} other {+# points}}: you now have {total, plural, one {# point} other {# points}}.',
    fr: '{points, plural, one {+# point} other {+# points}} : vous avez maintenant {total, plural, one {# point} other {# points}}.',
  },
  'task.dropped': {
    en: 'You dropped task #{id}: {title}. Its place is free for someone else.',
    fr: 'Vous avez rendu la tâche #{id} : {title}. Sa place est libre pour quelqu’un d’autre.',
  },
  'task.mine_title': { en: 'Your tasks:', fr: 'Vos tâches :' },
  'task.mine_claimed': { en: 'to do', fr: 'à faire' },
  'task.mine_done': { en: 'done', fr: 'terminée' },
  'task.mine_none': {
    en: 'You have no tasks yet. See /tasks, or /task next for the best one.',
    fr: 'Vous n’avez pas encore de tâche. Consultez /tasks, ou /task next pour celle qui vous convient le mieux.',
  },
  'task.created': {
    en: 'Task #{id} created: {title}.',
    fr: 'Tâche #{id} créée : {title}.',
  },
  'task.created_due': { en: 'Due: {due}.', fr: 'À faire pour le {due}.' },
  'task.created_slots': {
    en: 'Volunteers wanted: {slots}. Points: {points}.',
    fr: 'Bénévoles recherchés : {slots}. Points : {points}.',
  },
  'task.created_tag': {
    en: 'Only for supporters tagged "{tag}".',
    fr: 'Réservée aux personnes avec l’étiquette « {tag} ».',
  },
  'task.notified': {
    en: 'Supporters notified by direct message: {count}.',
    fr: 'Soutiens prévenus par message privé : {count}.',
  },
  'task.not_notified': {
    en: 'Nobody was notified (notify:off).',
    fr: 'Personne n’a été prévenu (notify:désactivé).',
  },
  'task.announcement': {
    en: 'New task #{id}: {title}. Claim it with /task claim {id}.',
    fr: 'Nouvelle tâche #{id} : {title}. Prenez-la avec /task claim {id}.',
  },
  'task.assigned': {
    en: 'Task #{id} now goes to {user}: {title}. They will get a direct message.',
    fr: 'La tâche #{id} est confiée à {user} : {title}. Cette personne recevra un message privé.',
  },
  'task.close_done': {
    en: 'Task #{id} is closed: {title}. Nobody else can claim it.',
    fr: 'La tâche #{id} est fermée : {title}. Personne d’autre ne peut la prendre.',
  },
  'task.already_closed': {
    en: 'Task #{id} was already closed.',
    fr: 'La tâche #{id} était déjà fermée.',
  },
  'task.list_title': { en: 'All tasks:', fr: 'Toutes les tâches :' },
  'task.list_none': {
    en: 'There are no tasks yet. Create one with /task create title:"Hand out flyers"',
    fr: 'Il n’y a pas encore de tâche. Créez-en une avec /task create title:"Distribuer des tracts"',
  },
});
