import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/core/i18n/plural.ts';

const supporters = '{count, plural, one {# registered supporter} other {# registered supporters}}';
const actifs = '{active, plural, one {# actif} other {# actifs}} sur {count}';

describe('plural messages', () => {
  it('follows the English plural rules: 1 is singular, 0 and 2 are plural', () => {
    expect(formatMessage(supporters, { count: 1 }, 'en')).toBe('1 registered supporter');
    expect(formatMessage(supporters, { count: 0 }, 'en')).toBe('0 registered supporters');
    expect(formatMessage(supporters, { count: 2 }, 'en')).toBe('2 registered supporters');
  });

  it('follows the French plural rules: 0 and 1 are singular', () => {
    expect(formatMessage(actifs, { active: 0, count: 3 }, 'fr')).toBe('0 actif sur 3');
    expect(formatMessage(actifs, { active: 1, count: 3 }, 'fr')).toBe('1 actif sur 3');
    expect(formatMessage(actifs, { active: 2, count: 3 }, 'fr')).toBe('2 actifs sur 3');
  });

  it('prefers an exact branch and fills blanks inside branches, keeping #{id}', () => {
    const text = '{count, plural, =0 {nobody for #{id}} other {# for #{id} by {name}}}';
    expect(formatMessage(text, { count: 0, id: 4 }, 'en')).toBe('nobody for #4');
    expect(formatMessage(text, { count: 3, id: 4, name: 'Ana #1' }, 'en')).toBe(
      '3 for #4 by Ana #1',
    );
  });
});
