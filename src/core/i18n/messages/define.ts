import type { Locale } from '../../campaigns/campaign.types.ts';

/** One message in every language; a missing language is a type error. */
export type Message = Record<Locale, string>;

/** Declares a group of messages keyed by id. */
export function defineMessages<const T extends Record<string, Message>>(group: T): T {
  return group;
}
