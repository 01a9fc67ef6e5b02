import type { Locale } from '../campaigns/campaign.types.ts';
import { messages } from './messages/index.ts';
import { formatMessage, type MessageParams } from './plural.ts';

export type { MessageParams } from './plural.ts';
export type MessageId = keyof typeof messages;

/** Translates one message id; `{name}` blanks are filled from params. */
export type Translator = (id: MessageId, params?: MessageParams) => string;

/** The message in the given language with its blanks filled and its plurals chosen. */
export function translate(locale: Locale, id: MessageId, params: MessageParams = {}): string {
  return formatMessage(messages[id][locale], params, locale);
}

export function translator(locale: Locale): Translator {
  return (id, params) => translate(locale, id, params);
}

/** The first of the candidates that is a supported language. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale | undefined {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    if (language === 'en' || language === 'fr') return language;
  }
  return undefined;
}
