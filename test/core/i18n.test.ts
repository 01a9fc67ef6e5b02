import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from '../../src/core/i18n/i18n.ts';

describe('messages', () => {
  it('fills blanks and picks the language', () => {
    expect(translate('fr', 'error.organizers_only', { command: '/stats' })).toBe(
      'Seuls les organisateurs peuvent utiliser /stats.',
    );
    expect(pickLocale(undefined, 'fr-CA', 'en')).toBe('fr');
    expect(pickLocale('de', null)).toBeUndefined();
  });
});
