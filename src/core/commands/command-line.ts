import { commandOf } from '../i18n/french-words.ts';
import type { CommandAction } from '../interaction/reply.ts';

/** One word of a command line; `name` is set for `name:value` words. */
export interface Token {
  name?: string;
  value: string;
}

export interface ParsedLine {
  command: string;
  /** The bot named in `/cmd@botname`, if any. */
  mention?: string;
  tokens: Token[];
  /** A quote that is never closed: the quote mark, its closing mark, the text from its word on. */
  unclosedQuote?: { quote: string; close: string; text: string };
}

const OPEN_QUOTES = new Set(['"', '“', '«']);
const CLOSE_QUOTE: Record<string, string> = { '"': '"', '“': '”', '«': '»' };
const NAMED = /^([a-z][a-z_]*):(.*)$/s;

/**
 * Splits `/task create title:"Hand out flyers" slots:3` into the command and its words. Double
 * quotes (also “…” and «…») keep spaces inside one value. French command names (`/aide`,
 * `/tâches`) become the catalogue's. Returns null for text that is not a command.
 */
export function parseCommandLine(line: string): ParsedLine | null {
  const text = line.trim();
  if (!text.startsWith('/')) return null;
  const { words, unclosedQuote } = splitWords(text.slice(1));
  const first = words.shift();
  if (!first?.text) return null;
  const [command = '', mention] = first.text.split('@');
  if (!/^[\p{L}_]+$/u.test(command)) return null;
  const tokens = words.map(({ text: word, quotedFrom }) => {
    const named = quotedFrom === 0 ? null : NAMED.exec(word);
    return named && (quotedFrom === undefined || quotedFrom > named[1]!.length)
      ? { name: named[1]!, value: named[2]! }
      : { value: word };
  });
  return {
    command: commandOf(command),
    ...(mention && { mention }),
    tokens,
    ...(unclosedQuote && { unclosedQuote }),
  };
}

interface Word {
  text: string;
  /** Index in `text` where the first quoted part started. */
  quotedFrom?: number;
}

function splitWords(text: string): { words: Word[]; unclosedQuote?: ParsedLine['unclosedQuote'] } {
  const words: Word[] = [];
  let current: Word | null = null;
  let wordStart = 0;
  let unclosedQuote: ParsedLine['unclosedQuote'];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      if (current) words.push(current);
      current = null;
      continue;
    }
    if (!current) {
      current = { text: '' };
      wordStart = i;
    }
    if (OPEN_QUOTES.has(char)) {
      const close = CLOSE_QUOTE[char]!;
      const end = text.indexOf(close, i + 1);
      if (end !== -1) {
        current.quotedFrom ??= current.text.length;
        current.text += text.slice(i + 1, end);
        i = end;
        continue;
      }
      unclosedQuote ??= { quote: char, close, text: text.slice(wordStart) };
    }
    current.text += char;
  }
  if (current) words.push(current);
  return { words, ...(unclosedQuote && { unclosedQuote }) };
}

/** The command line a button carries, e.g. `/task claim id:12`. */
export function formatCommandLine(action: CommandAction): string {
  const parts = [`/${action.command}`];
  if (action.subcommand) parts.push(action.subcommand);
  for (const [name, value] of Object.entries(action.args ?? {})) {
    const text = String(value);
    parts.push(
      /[\s"]/.test(text) || text === ''
        ? `${name}:"${text.replaceAll('"', '')}"`
        : `${name}:${text}`,
    );
  }
  return parts.join(' ');
}
