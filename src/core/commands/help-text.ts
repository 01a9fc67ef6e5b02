import type { Locale } from '../campaigns/campaign.types.ts';
import { commandOf, subcommandOf } from '../i18n/french-words.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Catalogue } from './catalogue.ts';
import type { CommandDefinition } from './define-command.ts';
import { exampleOption, exampleValue } from './options.ts';

/** What `/help` needs to know about the reader. */
export interface HelpReader {
  t: Translator;
  locale: Locale;
  /** The reader may use organizer commands. */
  organizer: boolean;
  /** The name a command goes by where the reader types it (`/start` for `/join` on Telegram). */
  nameOf(definition: CommandDefinition): string;
  /** How the reader asks for help where they are: `/help`, `/aide`; with `topic`, on one command. */
  helpLine(topic?: { en: string; fr: string }): string;
}

const ORGANIZER_ACCESS = new Set(['host', 'organizer', 'admin']);

/** The command whose full help is given as the example. */
const DETAILS_EXAMPLE = { en: 'task create', fr: 'tâche créer' };

/** `/help`: volunteer commands, then organizer ones when the reader may use them, one example each. */
export function helpOverview(catalogue: Catalogue, reader: HelpReader): string[] {
  const { t } = reader;
  const volunteer = catalogue.definitions.filter((d) => !ORGANIZER_ACCESS.has(d.access));
  const organizer = catalogue.definitions.filter((d) => ORGANIZER_ACCESS.has(d.access));
  const blocks = [
    `${t('help.volunteers')}\n${volunteer.map((d) => overviewLine(d, reader)).join('\n')}`,
  ];
  if (reader.organizer) {
    blocks.push(
      `${t('help.organizers')}\n${organizer.map((d) => overviewLine(d, reader)).join('\n')}`,
    );
  }
  blocks.push(t('help.details', { example: reader.helpLine(DETAILS_EXAMPLE) }));
  return blocks;
}

/** `/help task`: the subcommands of one command; `/help task create`: one command in full. */
export function helpTopic(
  catalogue: Catalogue,
  reader: HelpReader,
  topic: string,
): string[] | null {
  const [word = '', subword] = topic.replace(/^\//, '').trim().split(/\s+/);
  const command = commandOf(word);
  const subcommand = subword === undefined ? undefined : subcommandOf(subword);
  const definition = catalogue.find(command, subcommand);
  if (definition && (subcommand || catalogue.subcommandsOf(command).length === 0)) {
    return commandHelp(definition, reader);
  }
  const group = catalogue
    .subcommandsOf(command)
    .map((name) => catalogue.find(command, name)!)
    .filter((d) => reader.organizer || !ORGANIZER_ACCESS.has(d.access));
  if (group.length === 0) return null;
  return [
    reader.t('help.group', { command: `/${group[0]!.name}` }),
    group.map((d) => overviewLine(d, reader)).join('\n'),
    reader.t('help.details', { example: reader.helpLine(DETAILS_EXAMPLE) }),
  ];
}

/** One command: what it does, each option with its default, and examples. */
function commandHelp(definition: CommandDefinition, reader: HelpReader): string[] {
  const { t, locale } = reader;
  const options = Object.entries(definition.options).map(([name, spec]) => {
    const marks = [
      spec.required ? t('help.required') : '',
      spec.defaultValue === undefined
        ? ''
        : t('help.default', { value: exampleValue({ example: spec.defaultValue }, locale) }),
    ].filter(Boolean);
    const extra = marks.length > 0 ? ` (${marks.join(', ')})` : '';
    return `${name}${extra} - ${spec.description[locale]}`;
  });
  const full = [
    reader.nameOf(definition),
    ...Object.entries(definition.options).map(([name, spec]) => exampleOption(name, spec, locale)),
  ].join(' ');
  const short = example(definition, reader);
  const examples = short === full ? [short] : [short, full];
  return [
    `${reader.nameOf(definition)} - ${definition.description[locale]}`,
    options.length > 0 ? `${t('help.options')}\n${options.join('\n')}` : t('help.no_options'),
    `${t('help.examples')}\n${examples.join('\n')}`,
  ];
}

function overviewLine(definition: CommandDefinition, reader: HelpReader): string {
  return `${example(definition, reader)} - ${definition.description[reader.locale]}`;
}

/**
 * The command with its required options filled with their examples: the numbers, people and
 * choices that come first in order (`/task assign 12 @ana`), texts and whatever follows a text by
 * name (`/event shift add 12 start:10:00 end:12:00 capacity:6`), so no bare value is left to guess.
 */
function example(definition: CommandDefinition, reader: HelpReader): string {
  let named = false;
  const parts = Object.entries(definition.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => {
      named ||= spec.kind === 'text';
      return named ? exampleOption(name, spec, reader.locale) : exampleValue(spec, reader.locale);
    });
  return [reader.nameOf(definition), ...parts].join(' ');
}
