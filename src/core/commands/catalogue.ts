import type { Locale } from '../campaigns/campaign.types.ts';
import { subcommandOf } from '../i18n/french-words.ts';
import type { MessageId, MessageParams } from '../i18n/i18n.ts';
import type { ParsedLine } from './command-line.ts';
import type { CommandDefinition } from './define-command.ts';
import { exampleOption } from './options.ts';

/** A problem found before the command ran, as a message to show. */
export interface BindError {
  id: MessageId;
  params: MessageParams;
}

export type BoundLine =
  | { ok: true; definition: CommandDefinition; args: Record<string, string> }
  | { ok: false; error: BindError };

/** Subcommand used when a text command names none (`/profile` shows the profile). */
const DEFAULT_SUBCOMMANDS: Record<string, string> = { profile: 'show' };

/** The one list of commands, looked up by name, subcommand or alias. */
export class Catalogue {
  private readonly byKey = new Map<string, CommandDefinition>();
  private readonly aliases = new Map<string, string>();

  constructor(readonly definitions: readonly CommandDefinition[]) {
    for (const definition of definitions) {
      this.byKey.set(key(definition.name, definition.subcommand), definition);
      for (const alias of definition.aliases ?? []) this.aliases.set(alias, definition.name);
    }
  }

  find(command: string, subcommand?: string): CommandDefinition | undefined {
    const name = this.aliases.get(command) ?? command;
    return this.byKey.get(key(name, subcommand));
  }

  /** Subcommands of a command name, empty when it takes none. */
  subcommandsOf(command: string): string[] {
    const name = this.aliases.get(command) ?? command;
    return this.definitions
      .filter((d) => d.name === name && d.subcommand)
      .map((d) => d.subcommand!);
  }

  /**
   * Matches the words of a text command to a definition and its option names; examples in
   * errors are in `locale`.
   */
  bind(line: ParsedLine, locale: Locale = 'en'): BoundLine {
    if (line.unclosedQuote) {
      // Saving `"Unbalanced quotes slots:2` as a title would hide the mistake.
      return fail('error.unclosed_quote', { ...line.unclosedQuote });
    }
    const tokens = [...line.tokens];
    const subcommands = this.subcommandsOf(line.command);
    let subcommand: string | undefined;
    if (subcommands.length > 0) {
      const first = tokens[0];
      const named = first && !first.name ? subcommandOf(first.value) : undefined;
      if (named && subcommands.includes(named)) {
        subcommand = named;
        tokens.shift();
      } else {
        subcommand = DEFAULT_SUBCOMMANDS[line.command];
      }
      // A bare command beside text-only subcommands (`/broadcast`, `/broadcast status 3`).
      const bare = this.find(line.command);
      if (!subcommand && bare) return bindOptions(bare, tokens, locale);
      if (!subcommand) {
        const example = `/${line.command} ${subcommands[0]}`;
        return fail('error.unknown_subcommand', {
          command: `/${line.command}`,
          subcommands: subcommands.join(', '),
          example,
        });
      }
    }
    const definition = this.find(line.command, subcommand);
    if (!definition) return fail('error.unknown_command', { command: `/${line.command}` });
    return bindOptions(definition, tokens, locale);
  }
}

function bindOptions(
  definition: CommandDefinition,
  tokens: ParsedLine['tokens'],
  locale: Locale,
): BoundLine {
  const options = definition.options;
  const names = Object.keys(options);
  const args: Record<string, string> = {};
  let lastNamed: string | undefined;
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.name && token.name in options) {
      args[token.name] = token.value;
      lastNamed = token.name;
    } else if (token.name && !token.value.startsWith('//')) {
      return fail('error.unknown_option', {
        command: commandName(definition),
        option: token.name,
        options: names.join(', ') || '-',
      });
    } else {
      const value = token.name ? `${token.name}:${token.value}` : token.value;
      // Unquoted words after `title:Hand` continue that text: `title:Hand out flyers`.
      if (lastNamed && options[lastNamed]?.kind === 'text') args[lastNamed] += ` ${value}`;
      else positional.push(value);
    }
  }
  const free = names.filter((name) => !(name in args));
  while (positional.length > 0) {
    const name = free.shift();
    if (!name) {
      return fail('error.too_many_values', {
        value: positional[0]!,
        example: exampleLine(definition, locale),
      });
    }
    const spec = options[name]!;
    args[name] =
      spec.kind === 'text' && spec.rest ? positional.splice(0).join(' ') : positional.shift()!;
  }
  return { ok: true, definition, args };
}

/** `/task create` */
export function commandName(definition: Pick<CommandDefinition, 'name' | 'subcommand'>): string {
  return `/${definition.name}${definition.subcommand ? ` ${definition.subcommand}` : ''}`;
}

/** A command line using every required option's example. */
export function exampleLine(definition: CommandDefinition, locale: Locale): string {
  const parts = Object.entries(definition.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => exampleOption(name, spec, locale));
  return [commandName(definition), ...parts].join(' ');
}

function key(name: string, subcommand?: string): string {
  return subcommand ? `${name} ${subcommand}` : name;
}

function fail(id: MessageId, params: MessageParams): BoundLine {
  return { ok: false, error: { id, params } };
}
