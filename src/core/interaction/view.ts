import type { Translator } from '../i18n/i18n.ts';

/** How a reader sees text: in their language, with instants in their zone (replies and notifications). */
export interface View {
  t: Translator;
  /** An instant as `Sat 5 Dec 2026, 18:00 (Europe/Paris)` in the reader's language and zone. */
  formatWhen(instant: Date, zone?: string): string;
}
