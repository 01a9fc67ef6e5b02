import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from '../../src/core/i18n/i18n.ts';
import { messages } from '../../src/core/i18n/messages/index.ts';

const blanks = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every message in English and French with the same blanks', () => {
    const problems: string[] = [];
    for (const [id, message] of Object.entries(messages) as [string, Record<string, string>][]) {
      for (const locale of ['en', 'fr']) {
        if (!message[locale]?.trim()) problems.push(`${id} has no ${locale} text`);
      }
      if (JSON.stringify(blanks(message.en ?? '')) !== JSON.stringify(blanks(message.fr ?? ''))) {
        problems.push(`${id} has different blanks in en and fr`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('fills blanks and picks the language', () => {
    expect(translate('fr', 'error.organizers_only', { command: '/stats' })).toBe(
      'Seuls les organisateurs peuvent utiliser /stats.',
    );
    expect(pickLocale(undefined, 'fr-CA', 'en')).toBe('fr');
    expect(pickLocale('de', null)).toBeUndefined();
  });
});
