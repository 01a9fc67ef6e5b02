import type { Locale } from '../campaigns/campaign.types.ts';
import type { PlatformWords } from '../interaction/request.ts';
import { commandName } from './catalogue.ts';
import { defineCommand } from './define-command.ts';
import { clipEchoes } from './echo.ts';
import { type HelpReader, helpOverview, helpTopic } from './help-text.ts';
import { text } from './options.ts';

/**
 * `/help`: the commands this person may use, grouped for volunteers and organizers, with one
 * example each; `/help task` lists a command's subcommands, `/help task create` shows its
 * options, defaults and examples.
 */
export const helpCommands = [
  defineCommand({
    name: 'help',
    description: { en: 'List the commands you can use', fr: 'Lister les commandes disponibles' },
    access: 'anyone',
    options: {
      command: text({
        max: 100,
        rest: true,
        description: {
          en: 'A command to explain in full',
          fr: 'Une commande à expliquer en détail',
        },
        example: 'task create',
      }),
    },
    private: true,
    async run(ctx, args) {
      const reader: HelpReader = {
        t: ctx.t,
        locale: ctx.locale,
        organizer: ctx.role !== 'volunteer',
        nameOf: (d) =>
          ctx.request.words.listsAliases && d.aliases?.[0] ? `/${d.aliases[0]}` : commandName(d),
        helpLine: (topic) => helpLine(ctx.request.words, ctx.locale, topic),
      };
      if (!args.command) return ctx.reply(helpOverview(ctx.catalogue, reader));
      const topic = helpTopic(ctx.catalogue, reader, args.command);
      const help = reader.helpLine();
      return ctx.reply(
        topic ?? ctx.t('help.unknown', { ...clipEchoes({ command: args.command }), help }),
      );
    },
  }),
];

/**
 * `/help task create` as the reader asks for it: French command words where commands are typed
 * as text in French (`/aide tâche créer`), `/help command:task create` where the platform lists
 * commands with named options (Discord).
 */
function helpLine(
  words: PlatformWords,
  locale: Locale,
  topic?: { en: string; fr: string },
): string {
  if (words.nativeCommands) return topic ? `/help command:${topic.en}` : '/help';
  const name = locale === 'fr' ? '/aide' : '/help';
  return topic ? `${name} ${topic[locale]}` : name;
}
