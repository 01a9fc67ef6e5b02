import { defineMessages } from './define.ts';

/** Markings of the announcement cards posted in groups and server channels. */
export const cardMessages = defineMessages({
  'card.cancelled': { en: 'Cancelled.', fr: 'Annulé.' },
  'card.full': { en: 'Full.', fr: 'Complet.' },
  'card.closed': { en: 'Closed.', fr: 'Terminée.' },
});
