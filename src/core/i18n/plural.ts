import type { Locale } from '../campaigns/campaign.types.ts';

/** Values that fill the blanks of a message. */
export type MessageParams = Record<string, string | number>;

const rules = new Map<Locale, Intl.PluralRules>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule;
}

/**
 * Fills a message template: `{name}` takes a parameter, and
 * `{count, plural, =0 {none} one {# task} other {# tasks}}` picks a branch by exact value, then
 * by the language's plural rules (`Intl.PluralRules`: French puts 0 and 1 in `one`), with `#`
 * standing for the number (except in `#{id}`). Blanks without a parameter are left as written.
 */
export function formatMessage(template: string, params: MessageParams, locale: Locale): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) break;
    const close = matchingBrace(template, open);
    out += template.slice(i, open);
    out += fillBlank(
      template.slice(open + 1, close),
      template.slice(open, close + 1),
      params,
      locale,
    );
    i = close + 1;
  }
  return out + template.slice(i);
}

function fillBlank(inner: string, written: string, params: MessageParams, locale: Locale): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!plural) {
    const name = inner.trim();
    return /^\w+$/.test(name) && name in params ? String(params[name]) : written;
  }
  const name = plural[1]!;
  if (!(name in params)) return written;
  const count = Number(params[name]);
  const branches = pluralBranches(inner.slice(plural[0].length));
  const branch =
    branches.get(`=${count}`) ??
    branches.get(pluralRules(locale).select(count)) ??
    branches.get('other') ??
    '';
  // `#` is the number, unless it starts an id such as `#{id}`; parameters may hold a `#` too.
  return formatMessage(branch.replace(/#(?!\{)/g, String(count)), params, locale);
}

/** `one {# task} other {# tasks}` as selector -> text. */
function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const selector = text.slice(i, open).trim();
    const close = matchingBrace(text, open);
    branches.set(selector, text.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length - 1;
}
