import type { Locale } from '../../core/campaigns/campaign.types.ts';

/** One Telegram sentence in every language; a missing language is a type error. */
type Sentence<P extends unknown[] = []> = Record<Locale, (...params: P) => string>;

/** What the Telegram adapter itself says around the core's replies. */
export const telegramText = {
  answeredPrivately: {
    en: (link) => `I answered you in our private chat: ${link}`,
    fr: (link) => `Je vous ai répondu dans notre conversation privée : ${link}`,
  } satisfies Sentence<[string]>,
  openPrivateChat: {
    en: (link) =>
      `This answer is private. Open a private chat with me first (${link}), press Start, then send the command again.`,
    fr: (link) =>
      `Cette réponse est privée. Ouvrez d’abord une conversation privée avec moi (${link}), appuyez sur Démarrer, puis renvoyez la commande.`,
  } satisfies Sentence<[string]>,
  answerHere: {
    en: () => 'Answer here, in our private chat (or /cancel).',
    fr: () => 'Répondez ici, dans notre conversation privée (ou tapez /annuler).',
  } satisfies Sentence,
  hint: {
    en: () => 'Send a command (they start with /). /help lists the commands you can use.',
    fr: () =>
      'Envoyez une commande (elles commencent par /). /aide liste les commandes disponibles.',
  } satisfies Sentence,
  joinFirst: {
    en: () => 'Please register first: I will show you the privacy notice in our private chat.',
    fr: () =>
      'Inscrivez-vous d’abord : je vous montre la notice de confidentialité dans notre conversation privée.',
  } satisfies Sentence,
  done: {
    en: () => 'Done.',
    fr: () => 'C’est fait.',
  } satisfies Sentence,
} as const;
