import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Catalogue } from '../../core/commands/catalogue.ts';
import type { CommandDefinition } from '../../core/commands/define-command.ts';
import type { OptionSpec } from '../../core/commands/options.ts';
import { frenchForm } from '../../core/i18n/french-words.ts';
import { translate } from '../../core/i18n/i18n.ts';
import type { Message } from '../../core/i18n/messages/define.ts';
import {
  ANNOUNCEMENT_CHANNEL_TYPES,
  formTexts,
  OFF_SWITCHES,
  PICKED_OPTIONS,
  ZONE_OPTIONS,
} from './discord-options.ts';

/** A slash command as sent to Discord's bulk overwrite endpoint. */
export type SlashCommand = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's longest string option. */
const MAX_STRING_LENGTH = 6000;

/** Task and event numbers: the catalogue's ids take at most nine digits. */
const MAX_ID = 999_999_999;

/**
 * The slash commands of the catalogue: definitions sharing a name become one command whose
 * subcommands they are. English names and descriptions, French description localizations.
 * Commands only organizers may run need Manage Server by default, which hides them from
 * volunteers (server admins can allow the organizer role in the server's Integrations settings).
 */
export function slashCommands(catalogue: Catalogue): SlashCommand[] {
  const groups = new Map<string, CommandDefinition[]>();
  for (const definition of catalogue.definitions) {
    if (definition.textOnly) continue;
    groups.set(definition.name, [...(groups.get(definition.name) ?? []), definition]);
  }
  return [...groups.entries()].map(([name, definitions]) => slashCommand(name, definitions));
}

function slashCommand(name: string, definitions: CommandDefinition[]): SlashCommand {
  const [first] = definitions as [CommandDefinition];
  const nested = definitions.some((definition) => definition.subcommand);
  if (nested && definitions.some((definition) => !definition.subcommand)) {
    // Discord cannot run a command that has subcommands without one.
    throw new Error(`/${name} mixes a bare command with subcommands`);
  }
  const organizersOnly = definitions.every((d) => d.access === 'organizer' || d.access === 'admin');
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    ...describe(nested ? groupDescription(definitions) : first.description),
    options: nested ? subcommands(definitions) : options(first),
    default_member_permissions: organizersOnly ? String(PermissionFlagsBits.ManageGuild) : null,
    // Admins (ADMIN_IDS) may configure the default campaign from a direct message with the bot.
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/**
 * Subcommands in catalogue order; a two-word subcommand (`shift add`) becomes a subcommand of a
 * subcommand group (`shift`), placed where its first member was.
 */
function subcommands(definitions: CommandDefinition[]): APIApplicationCommandSubcommandOption[] {
  const list: (
    | APIApplicationCommandSubcommandOption
    | APIApplicationCommandSubcommandGroupOption
  )[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandGroupOption>();
  for (const definition of definitions) {
    const [head, tail] = definition.subcommand!.split(' ') as [string, string | undefined];
    const subcommand: APIApplicationCommandSubcommandOption = {
      type: ApplicationCommandOptionType.Subcommand,
      name: tail ?? head,
      ...describe(definition.description),
      options: options(definition),
    };
    if (!tail) {
      list.push(subcommand);
      continue;
    }
    let group = groups.get(head);
    if (!group) {
      const members = definitions.filter((d) => d.subcommand?.startsWith(`${head} `));
      group = {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: head,
        ...describe(groupDescription(members)),
        options: [],
      };
      groups.set(head, group);
      list.push(group);
    }
    group.options!.push(subcommand);
  }
  return list as APIApplicationCommandSubcommandOption[];
}

/** Discord's limit on a description. */
const DESCRIPTION_MAX = 100;

/**
 * The group's description lists its subcommands, in both languages; a list longer than Discord
 * allows ends with `…` after the last subcommand that fits.
 */
function groupDescription(definitions: CommandDefinition[]): Message {
  const names = definitions.map((definition) => definition.subcommand ?? '');
  const within = (head: string) => {
    let text = `${head}${names.join(', ')}`;
    for (let kept = names.length - 1; text.length > DESCRIPTION_MAX && kept > 0; kept--) {
      text = `${head}${names.slice(0, kept).join(', ')}, …`;
    }
    return text;
  };
  const name = definitions[0]!.name;
  return { en: within(`/${name}: `), fr: within(`/${name} : `) };
}

function describe(description: Message) {
  return {
    description: description.en,
    description_localizations: { fr: description.fr },
  };
}

/**
 * Required options first, as Discord demands; each keeps its catalogue name. A long text typed in
 * a form when left out (see FORM_TEXTS) is optional here.
 */
function options(definition: CommandDefinition): APIApplicationCommandBasicOption[] {
  const inForm = formTexts(definition.name, definition.subcommand);
  const entries = Object.entries(definition.options).map(
    ([name, spec]) => [name, inForm.includes(name) ? { ...spec, required: false } : spec] as const,
  );
  const ordered = [
    ...entries.filter(([, spec]) => spec.required),
    ...entries.filter(([, spec]) => !spec.required),
  ];
  const list = ordered.map(([name, spec]) => option(definition, name, spec));
  for (const [name, { option, description: id }] of Object.entries(OFF_SWITCHES)) {
    if (!(option in definition.options)) continue;
    list.push({
      name,
      type: ApplicationCommandOptionType.Boolean,
      required: false,
      ...describe({ en: translate('en', id), fr: translate('fr', id) }),
    });
  }
  return list;
}

function option(
  definition: CommandDefinition,
  name: string,
  spec: OptionSpec,
): APIApplicationCommandBasicOption {
  const base = { name, ...describe(spec.description), required: spec.required };
  const picked = PICKED_OPTIONS[name];
  if (picked === ApplicationCommandOptionType.Channel) {
    return { ...base, type: picked, channel_types: ANNOUNCEMENT_CHANNEL_TYPES };
  }
  if (picked === ApplicationCommandOptionType.Role) return { ...base, type: picked };
  switch (spec.kind) {
    case 'text':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        max_length: Math.min(spec.max ?? MAX_STRING_LENGTH, MAX_STRING_LENGTH),
        ...(ZONE_OPTIONS.has(name) && { autocomplete: true }),
      };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        min_value: spec.min,
        max_value: spec.max,
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'id':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        min_value: 1,
        max_value: MAX_ID,
        // Task and event numbers are picked from a list of titles as the person types.
        ...(autocompletes(definition) && { autocomplete: true }),
      };
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'choice':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        // `yes` is `oui` to a French client; the value stays the catalogue's.
        choices: (spec.choices ?? []).map((value) => ({
          name: value,
          value,
          ...(frenchForm(value) !== value && { name_localizations: { fr: frenchForm(value) } }),
        })),
      };
  }
}

/** Commands whose `id` option is completed from the campaign's tasks or events. */
function autocompletes(definition: Pick<CommandDefinition, 'name'>): boolean {
  return definition.name === 'task' || definition.name === 'event';
}
