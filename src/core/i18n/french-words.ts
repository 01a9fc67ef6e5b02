/**
 * The French words a person may type instead of the English ones on Telegram and the console:
 * command names, subcommands and answer values. Accents are optional (`/taches` = `/tâches`).
 */

/** French command name -> the catalogue's name. */
const COMMANDS: Record<string, string> = {
  aide: 'help',
  annuler: 'cancel',
  rejoindre: 'join',
  profil: 'profile',
  taches: 'tasks',
  tache: 'task',
  mestaches: 'mytasks',
  evenements: 'events',
  evenement: 'event',
  mesevenements: 'myevents',
  lier: 'link',
  mesdonnees: 'mydata',
  oubliermoi: 'forgetme',
  classement: 'leaderboard',
  configurer: 'setup',
  diffuser: 'broadcast',
  soutiens: 'supporters',
  etiquette: 'tag',
  organisateur: 'organizer',
  statistiques: 'stats',
  exporter: 'export',
};

/** French subcommand -> the catalogue's subcommand. */
const SUBCOMMANDS: Record<string, string> = {
  afficher: 'show',
  regler: 'set',
  suivante: 'next',
  prendre: 'claim',
  fait: 'done',
  terminer: 'done',
  rendre: 'drop',
  creer: 'create',
  attribuer: 'assign',
  fermer: 'close',
  liste: 'list',
  repondre: 'rsvp',
  agenda: 'ics',
  modifier: 'edit',
  annuler: 'cancel',
  reponses: 'attendees',
  pointer: 'checkin',
  ajouter: 'add',
  retirer: 'remove',
  evenements: 'events',
};

/** French answer value -> the value the option takes. */
const VALUES: Record<string, string> = {
  oui: 'yes',
  non: 'no',
  'peut-etre': 'maybe',
  peutetre: 'maybe',
  active: 'on',
  activee: 'on',
  actives: 'on',
  desactive: 'off',
  desactivee: 'off',
  desactives: 'off',
  aucun: 'none',
  aucune: 'none',
  moi: 'me',
  tous: 'all',
  'tout le monde': 'all',
  absent: 'no_show',
  absente: 'no_show',
  'celle-ci': 'this',
  'celui-ci': 'this',
  suivantes: 'following',
  suivants: 'following',
  toutes: 'all',
};

/** The English value of a value -> its French form, for examples and lists shown in French. */
const FRENCH_FORMS: Record<string, string> = {
  yes: 'oui',
  no: 'non',
  maybe: 'peut-être',
  on: 'activé',
  off: 'désactivé',
  none: 'aucune',
  this: 'celle-ci',
  following: 'suivantes',
};

/** `Tâches` -> `taches`: lower case without accents. */
export function plainWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The catalogue's command name for a typed name, French or English. */
export function commandOf(word: string): string {
  const plain = plainWord(word);
  return COMMANDS[plain] ?? word.toLowerCase();
}

/** The catalogue's subcommand for a typed word, French or English. */
export function subcommandOf(word: string): string {
  const plain = plainWord(word);
  return SUBCOMMANDS[plain] ?? word.toLowerCase();
}

/** The option value for a typed answer word (`oui` -> `yes`, `désactivé` -> `off`). */
export function answerValue(word: string): string {
  const plain = plainWord(word.trim());
  return VALUES[plain] ?? word.trim().toLowerCase();
}

/** `off`, `none`, `no` and their French words (`désactivé`, `aucun`, `non`): nothing. */
export function isOff(word: string): boolean {
  return ['off', 'none', 'no', '-'].includes(answerValue(word));
}

/** How a value is written in French (`on` -> `activé`); other values unchanged. */
export function frenchForm(value: string): string {
  return FRENCH_FORMS[value] ?? value;
}
