import { defineMessages } from './define.ts';

/** Registration, profiles, linking accounts and the leaderboard. */
export const supporterMessages = defineMessages({
  'join.notice_title': {
    en: 'Before you join {campaign}, here is what this assistant keeps about you.',
    fr: 'Avant de rejoindre {campaign}, voici ce que cet assistant conserve à votre sujet.',
  },
  'join.notice_stored': {
    en: 'What is stored: your {platform} account id, the name you choose to show, your settings (language, time zone, quiet hours, reminders, skills), and the tasks and events you sign up for.',
    fr: 'Ce qui est enregistré : votre identifiant de compte {platform}, le nom que vous choisissez d’afficher, vos réglages (langue, fuseau horaire, heures calmes, rappels, compétences), ainsi que les tâches et événements auxquels vous vous inscrivez.',
  },
  'join.notice_why': {
    en: 'Why: only to hand out actions, remind you of events and let the organizers coordinate. No email or phone number is needed, nothing is tracked, and nothing is sent anywhere but this chat.',
    fr: 'Pourquoi : uniquement pour proposer des actions, vous rappeler les événements et permettre aux organisateurs de se coordonner. Ni e-mail ni téléphone ne sont demandés, aucun suivi n’est effectué et rien n’est envoyé ailleurs que dans cette messagerie.',
  },
  'join.notice_rights': {
    en: 'Your rights: /mydata sends you a copy of everything stored about you, /forgetme erases it. Until you agree, only your account id is kept.',
    fr: 'Vos droits : /mydata vous envoie une copie de tout ce qui est enregistré sur vous, /forgetme l’efface. Tant que vous n’avez pas accepté, seul votre identifiant de compte est conservé.',
  },
  'join.agree_button': { en: 'I agree', fr: 'J’accepte' },
  'join.welcome': {
    en: 'Welcome to {campaign}, {name}! You are registered.',
    fr: 'Bienvenue dans {campaign}, {name} ! Vous êtes inscrit·e.',
  },
  'join.next_steps': {
    en: 'Next: /tasks shows actions you can take, /events the upcoming events, and /profile your settings (time zone, quiet hours, skills).',
    fr: 'Ensuite : /tasks affiche les actions disponibles, /events les prochains événements et /profile vos réglages (fuseau horaire, heures calmes, compétences).',
  },
  'join.already': {
    en: 'You are already registered in {campaign}. /profile shows your settings.',
    fr: 'Vous êtes déjà inscrit·e dans {campaign}. /profile affiche vos réglages.',
  },
  'join.unknown_code': {
    en: 'The invite code "{code}" does not match any campaign. Check the link your organizer sent, or send /start without a code.',
    fr: 'Le code d’invitation « {code} » ne correspond à aucune campagne. Vérifiez le lien envoyé par votre organisateur, ou envoyez /start sans code.',
  },
  'join.friend': { en: 'friend', fr: 'cher soutien' },
  'profile.title': { en: 'Your profile in {campaign}', fr: 'Votre profil dans {campaign}' },
  'profile.name': { en: 'Name: {value}', fr: 'Nom : {value}' },
  'profile.language': { en: 'Language: {value}', fr: 'Langue : {value}' },
  'profile.timezone': { en: 'Time zone: {value}', fr: 'Fuseau horaire : {value}' },
  'profile.quiet_hours': { en: 'Quiet hours: {value}', fr: 'Heures calmes : {value}' },
  'profile.quiet_hours_none': { en: 'Quiet hours: none', fr: 'Heures calmes : aucune' },
  'profile.reminders_on': { en: 'Reminders: on', fr: 'Rappels : activés' },
  'profile.reminders_off': { en: 'Reminders: off', fr: 'Rappels : désactivés' },
  'profile.skills': { en: 'Skills: {value}', fr: 'Compétences : {value}' },
  'profile.skills_none': { en: 'Skills: none', fr: 'Compétences : aucune' },
  'profile.tags': {
    en: 'Tags from organizers: {value}',
    fr: 'Étiquettes données par les organisateurs : {value}',
  },
  'profile.tags_none': {
    en: 'Tags from organizers: none',
    fr: 'Étiquettes données par les organisateurs : aucune',
  },
  'profile.points': { en: 'Points: {value}', fr: 'Points : {value}' },
  'profile.campaign_default': {
    en: '{value} (campaign default)',
    fr: '{value} (réglage de la campagne)',
  },
  'profile.hint': {
    en: 'Change them with /profile set, for example: /profile set timezone:Europe/Paris quiet_hours:22:00-08:00 skills:canvassing,phoning',
    fr: 'Modifiez-les avec /profile set, par exemple : /profile set timezone:Europe/Paris quiet_hours:22:00-08:00 skills:porte-à-porte,phoning',
  },
  'profile.updated': { en: 'Your profile is updated.', fr: 'Votre profil est à jour.' },
  'profile.nothing_to_set': {
    en: 'Tell me what to change: timezone, language, quiet_hours, reminders or skills. For example: /profile set timezone:Europe/Paris reminders:on',
    fr: 'Dites-moi quoi changer : fuseau horaire (timezone:), langue (language:), heures calmes (quiet_hours:), rappels (reminders:) ou compétences (skills:). Par exemple : /profile set timezone:Europe/Paris reminders:activé',
  },
  'profile.bad_quiet_hours': {
    en: '"{text}" is not a quiet-hours range. Give two different times, for example 22:00-08:00, or off to remove them.',
    fr: '« {text} » n’est pas une plage d’heures calmes. Donnez deux heures différentes, par exemple 22:00-08:00, ou désactivé pour les retirer.',
  },
  'profile.bad_skills': {
    en: '"{text}" is not a list of skills. Separate up to {max} skills of at most {length} characters with commas, for example canvassing,phoning.',
    fr: '« {text} » n’est pas une liste de compétences. Séparez par des virgules jusqu’à {max} compétences de {length} caractères au plus, par exemple porte-à-porte,phoning.',
  },
  'link.code': {
    en: 'Your link code is {code}. Within {minutes, plural, one {# minute} other {# minutes}}, send /link code:{code} to this assistant from your account on the other platform. The code works once.',
    fr: 'Votre code de liaison est {code}. Dans {minutes, plural, one {la minute} other {les # minutes}}, envoyez /link code:{code} à cet assistant depuis votre compte sur l’autre plateforme. Le code ne sert qu’une fois.',
  },
  'link.done': {
    en: 'Linked! Your accounts ({accounts}) are now one supporter, with your tasks, events and settings together.',
    fr: 'C’est lié ! Vos comptes ({accounts}) ne forment plus qu’un seul profil, avec vos tâches, événements et réglages réunis.',
  },
  'link.unknown': {
    en: 'The link code "{code}" is not valid. Ask for a new one with /link on your other account.',
    fr: 'Le code de liaison « {code} » n’est pas valide. Demandez-en un nouveau avec /link sur votre autre compte.',
  },
  'link.expired': {
    en: 'The link code "{code}" has expired (codes work for 10 minutes). Ask for a new one with /link on your other account.',
    fr: 'Le code de liaison « {code} » a expiré (un code est valable 10 minutes). Demandez-en un nouveau avec /link sur votre autre compte.',
  },
  'link.used': {
    en: 'The link code "{code}" has already been used. Ask for a new one with /link on your other account.',
    fr: 'Le code de liaison « {code} » a déjà servi. Demandez-en un nouveau avec /link sur votre autre compte.',
  },
  'link.same_supporter': {
    en: 'This account is already linked to that profile: nothing to do.',
    fr: 'Ce compte est déjà lié à ce profil : rien à faire.',
  },
  'leaderboard.off': {
    en: 'The leaderboard is off in this campaign. Organizers can turn it on with /setup leaderboard:on.',
    fr: 'Le classement est désactivé dans cette campagne. Les organisateurs peuvent l’activer avec /setup leaderboard:activé.',
  },
  'leaderboard.title': { en: 'Top supporters by points', fr: 'Meilleurs soutiens par points' },
  'leaderboard.line': {
    en: '{rank}. {name}: {points, plural, one {# point} other {# points}}',
    fr: '{rank}. {name} : {points, plural, one {# point} other {# points}}',
  },
  'leaderboard.empty': {
    en: 'Nobody has earned points yet. Finish a task with /task done to be the first!',
    fr: 'Personne n’a encore gagné de points. Terminez une tâche avec /task done pour être le premier ou la première !',
  },
  'leaderboard.anonymous': { en: 'Supporter {id}', fr: 'Soutien {id}' },
});
