import { commandName } from './catalogue.ts';
import { defineCommand } from './define-command.ts';

/** `/help`: the commands this person may use, in their language. */
export const helpCommands = [
  defineCommand({
    name: 'help',
    description: { en: 'List the commands you can use', fr: 'Lister les commandes disponibles' },
    access: 'anyone',
    options: {},
    private: true,
    async run(ctx) {
      const organizer = ctx.role !== 'volunteer';
      const lines = ctx.catalogue.definitions
        .filter((d) => organizer || !['host', 'organizer', 'admin'].includes(d.access))
        .map((d) => {
          const name =
            ctx.request.words.listsAliases && d.aliases?.[0] ? `/${d.aliases[0]}` : commandName(d);
          return `${name} - ${d.description[ctx.locale]}`;
        });
      return ctx.reply([ctx.t('help.title'), lines.join('\n')]);
    },
  }),
];
