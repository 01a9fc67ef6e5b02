import { defineMessages } from './define.ts';

/** Data rights: export and erasure. */
export const privacyMessages = defineMessages({
  'privacy.nothing_stored': {
    en: 'Nothing is stored about you in {campaign}.',
    fr: 'Rien n’est enregistré à votre sujet dans {campaign}.',
  },
  'mydata.sent': {
    en: 'Here is everything stored about you in {campaign}, as a JSON file. /forgetme erases it.',
    fr: 'Voici tout ce qui est enregistré à votre sujet dans {campaign}, dans un fichier JSON. /forgetme l’efface.',
  },
  'forgetme.warning': {
    en: 'This erases your personal data in {campaign}: your name, your linked accounts, your settings, skills and notes. Your finished tasks and attendance stay in the totals, with no name attached. Reminders still due to you are cancelled, and this assistant will no longer recognise you. This cannot be undone.',
    fr: 'Cette action efface vos données personnelles dans {campaign} : votre nom, vos comptes liés, vos réglages, compétences et notes. Vos tâches terminées et vos présences restent dans les totaux, sans nom. Les rappels prévus pour vous sont annulés et cet assistant ne vous reconnaîtra plus. C’est irréversible.',
  },
  'forgetme.confirm_button': { en: 'Erase my data', fr: 'Effacer mes données' },
  'forgetme.done': {
    en: 'Your personal data in {campaign} has been erased. Goodbye, and thank you for your help. You can come back any time with {join}.',
    fr: 'Vos données personnelles dans {campaign} ont été effacées. Au revoir, et merci pour votre aide. Vous pouvez revenir quand vous voulez avec {join}.',
  },
});
