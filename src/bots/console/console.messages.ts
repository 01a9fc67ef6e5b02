import type { Locale } from '../../core/campaigns/campaign.types.ts';

/** One console sentence in every language; a missing language is a type error. */
type Sentence<P extends unknown[] = []> = Record<Locale, (...params: P) => string>;

/** What the console itself says around the core's replies. */
export const consoleText = {
  welcome: {
    en: (campaign) =>
      `Organizing assistant - campaign "${campaign}". You are the local organizer (@local, or me in commands).`,
    fr: (campaign) =>
      `Assistant d’organisation – campagne « ${campaign} ». Vous êtes l’organisateur local (@local, ou moi dans les commandes).`,
  } satisfies Sentence<[string]>,
  userName: {
    en: () => 'Local organizer',
    fr: () => 'Organisateur local',
  } satisfies Sentence,
  intro: {
    en: () =>
      'Type /help to see the commands, a number to pick one of the numbered choices, Ctrl+D to quit.',
    fr: () =>
      'Tapez /aide pour voir les commandes, un numéro pour choisir parmi les choix numérotés, Ctrl+D pour quitter.',
  } satisfies Sentence,
  logs: {
    en: (path) => `Logs are written to ${path}.`,
    fr: (path) => `Le journal technique est écrit dans ${path}.`,
  } satisfies Sentence<[string]>,
  hint: {
    en: () => 'Type a command (they start with /). Type /help to see the commands you can use.',
    fr: () =>
      'Tapez une commande (elles commencent par /). Tapez /aide pour voir les commandes disponibles.',
  } satisfies Sentence,
  noChoice: {
    en: (choice, last) =>
      `There is no choice ${choice}. Type a number shown in brackets (up to ${last}), or a command.`,
    fr: (choice, last) =>
      `Il n’y a pas de choix ${choice}. Tapez un numéro affiché entre crochets (jusqu’à ${last}), ou une commande.`,
  } satisfies Sentence<[string, number]>,
  fileSaved: {
    en: (path) => `File saved: ${path}`,
    fr: (path) => `Fichier enregistré : ${path}`,
  } satisfies Sentence<[string]>,
  incoming: {
    en: () => 'New message:',
    fr: () => 'Nouveau message :',
  } satisfies Sentence,
};
