import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/core/campaigns/campaign.types.ts';
import { type MessageId, translate } from '../../../src/core/i18n/i18n.ts';
import { messages } from '../../../src/core/i18n/messages/index.ts';

const SRC = new URL('../../../src/', import.meta.url).pathname;
const MESSAGES_DIR = join(SRC, 'core', 'i18n', 'messages');
const ids = Object.keys(messages) as MessageId[];

/** Words a French reader would notice as English (command syntax is left out before the check). */
const ENGLISH = new Set(
  (
    'the and you your is are to of for with not please cancelled yes no maybe all none off ' +
    'task tasks event events supporter supporters organizer organizers going coming done claim ' +
    'drop still waiting more here there this that will can has have was it at by from or if an ' +
    'reminder reminders due open closed nobody welcome thanks thank my me tag tags people'
  ).split(' '),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.startsWith(MESSAGES_DIR) ? [path] : [];
  });
}
const code = sourceFiles(SRC)
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

/** Every blank of a template: `{name}` and `{name, plural, ...}`. */
function blanks(template: string): string[] {
  // `one {inscrit}` is the text of a plural branch, not a blank.
  const blank = /(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)(?=[,}])/g;
  return [...new Set([...template.matchAll(blank)].map((m) => m[1]!))].sort();
}

/** Words of a sentence, without command syntax (`/task`, `title:"x"`, `#12`, `@ana`, URLs). */
function words(text: string): string[] {
  return text
    .replace(/"[^"]*"/g, ' ')
    .replace(
      /\/[\p{L}_]+(?: (?:show|set|next|claim|done|drop|create|assign|close|list|rsvp|ics|edit|cancel|attendees|checkin|add|remove|supporters|events))?/gu,
      ' ',
    )
    .split(/\s+/)
    .filter((word) => !/[/:#@<>=*_]/.test(word))
    .flatMap((word) => word.toLowerCase().split(/[^\p{L}’'-]+/u))
    .filter(Boolean);
}

describe('every message', () => {
  it('has the same blanks in English and French', () => {
    for (const id of ids) {
      expect(blanks(messages[id].fr), id).toEqual(blanks(messages[id].en));
    }
  });

  it('reads without a blank left or an English word in French, with counts 0, 1 and 2', () => {
    for (const id of ids) {
      for (const count of [0, 1, 2]) {
        const params = Object.fromEntries(blanks(messages[id].en).map((name) => [name, count]));
        for (const locale of LOCALES) {
          const text = translate(locale, id, params);
          expect(text, `${id} (${locale}, ${count})`).not.toMatch(/[{}]/);
          if (locale === 'fr') {
            const english = words(text).filter((word) => ENGLISH.has(word));
            expect(english, `${id}: ${text}`).toEqual([]);
          }
        }
      }
    }
  });

  it('agrees with its count: never "1 ... supporters" nor "1 actifs"', () => {
    expect(translate('en', 'export.supporters', { count: 1 })).toContain('1 registered supporter ');
    expect(translate('fr', 'stats.supporters', { count: 2, active: 1, days: 30 })).toContain(
      '(1 actif ces 30 derniers jours)',
    );
    expect(translate('fr', 'stats.supporters', { count: 3, active: 2, days: 30 })).toContain(
      '(2 actifs ces 30 derniers jours)',
    );
    expect(translate('fr', 'task.line_points', { points: 1 })).toBe('1 point');
  });

  it('never puts a plural noun after a count of 1, in either language', () => {
    // Every blank set to 1: a count hand-joined to its noun reads "1 volunteers", "1 places".
    const plurals = new Set(
      (
        'days minutes volunteers recipients seats people supporters no-shows tasks events ' +
        'jours bénévoles destinataires places personnes inscrits absents venus soutiens tâches événements'
      ).split(' '),
    );
    const wrong: string[] = [];
    for (const id of ids) {
      const params = Object.fromEntries(blanks(messages[id].en).map((name) => [name, 1]));
      for (const locale of LOCALES) {
        const text = translate(locale, id, params);
        for (const match of text.matchAll(/(?<![\d#.])\b1 ([\p{L}-]+)/gu)) {
          if (plurals.has(match[1]!)) wrong.push(`${id} (${locale}): ${text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is used somewhere in the code (by id, error code or a prefix built at run time)', () => {
    // Ids built at run time: `event.answer_${...}`, error codes `LINK_${...}`, `${...}_NOT_FOUND`.
    const prefixes = [
      ...[...code.matchAll(/`([a-z_]+\.[a-z_]*)\$\{/g)].map((m) => m[1]!),
      ...[...code.matchAll(/`([A-Z]+)_\$\{/g)].map((m) => `${m[1]!.toLowerCase()}.`),
    ];
    const suffixes = [...code.matchAll(/\}_([A-Z_]+)`/g)].map((m) => `.${m[1]!.toLowerCase()}`);
    const unused = ids.filter((id) => {
      const errorCode = id.toUpperCase().replace('.', '_');
      return (
        !code.includes(`'${id}'`) &&
        !code.includes(`'${errorCode}'`) &&
        !prefixes.some((prefix) => id.startsWith(prefix)) &&
        !suffixes.some((suffix) => id.endsWith(suffix))
      );
    });
    expect(unused, unused.join(', ')).toEqual([]);
  });

  it('exists for every error code the code raises', () => {
    const codes = [...code.matchAll(/new DomainError\(\s*'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(20);
    const missing = codes.filter(
      (errorCode) => !(errorCode.toLowerCase().replace('_', '.') in messages),
    );
    expect(missing).toEqual([]);
  });

  it('exists for every kind of option error and every built id prefix', () => {
    for (const kind of ['text', 'integer', 'id', 'boolean', 'choice', 'user']) {
      expect(ids, kind).toContain(`option.${kind}`);
    }
    for (const status of ['active', 'paused', 'unreachable', 'erased']) {
      expect(ids).toContain(`roster.status_${status}`);
    }
    for (const answer of ['yes', 'maybe', 'no', 'waitlist']) {
      expect(ids).toContain(`event.answer_${answer}`);
      expect(ids).toContain(`event.group_${answer}`);
    }
  });
});
