import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import { LOCALES, type Locale } from '../../core/campaigns/campaign.types.ts';
import type { Catalogue } from '../../core/commands/catalogue.ts';
import type { CommandDefinition } from '../../core/commands/define-command.ts';
import { shorten } from '../../core/notifications/content-view.ts';

/** Telegram's limit on a command description. */
const DESCRIPTION_LIMIT = 256;

const VOLUNTEER_ACCESS = new Set(['anyone', 'supporter']);

/**
 * The command menus for one language: volunteers see what they may run, chat administrators
 * see every command. A command with subcommands lists them as its description.
 */
export function commandMenus(catalogue: Catalogue, locale: Locale) {
  const menu = (definitions: readonly CommandDefinition[]): BotCommand[] => {
    const byName = new Map<string, CommandDefinition[]>();
    for (const definition of definitions) {
      const name = definition.aliases?.[0] ?? definition.name;
      byName.set(name, [...(byName.get(name) ?? []), definition]);
    }
    return [...byName].map(([command, group]) => ({
      command,
      description: shorten(
        group.length === 1
          ? group[0]!.description[locale]
          : group.map((d) => d.subcommand).join(' | '),
        DESCRIPTION_LIMIT,
      ),
    }));
  };
  const all = catalogue.definitions;
  return {
    volunteer: menu(all.filter((d) => VOLUNTEER_ACCESS.has(d.access))),
    organizer: menu(all),
  };
}

/**
 * Sets the menus at start, in English by default and in French for French-speaking users:
 * volunteer commands everywhere, every command for chat administrators.
 */
export async function publishCommandMenus(api: Api, catalogue: Catalogue): Promise<void> {
  for (const locale of LOCALES) {
    const menus = commandMenus(catalogue, locale);
    const language = locale === 'en' ? {} : { language_code: locale };
    const scopes: [BotCommandScope, BotCommand[]][] = [
      [{ type: 'default' }, menus.volunteer],
      [{ type: 'all_chat_administrators' }, menus.organizer],
    ];
    for (const [scope, commands] of scopes)
      await api.setMyCommands(commands, { scope, ...language });
  }
}
