import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  PermissionFlagsBits,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { OFF_SWITCHES } from '../../../src/bots/discord/discord-options.ts';
import { type SlashCommand, slashCommands } from '../../../src/bots/discord/slash-commands.ts';
import { createCatalogue } from '../../../src/core/commands/index.ts';

const catalogue = createCatalogue();
const commands = slashCommands(catalogue);
const byName = (name: string) => commands.find((command) => command.name === name)!;

/** Discord's published limits of chat input commands. */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const DESCRIPTION_MAX = 100;
const OPTIONS_MAX = 25;
const CHOICES_MAX = 25;
const COMMAND_CHARACTERS_MAX = 4000;
const GLOBAL_COMMANDS_MAX = 100;

function allOptions(command: Pick<SlashCommand, 'options'>): APIApplicationCommandOption[] {
  return (command.options ?? []).flatMap((option): APIApplicationCommandOption[] =>
    option.type === ApplicationCommandOptionType.Subcommand ||
    option.type === ApplicationCommandOptionType.SubcommandGroup
      ? [option, ...allOptions(option)]
      : [option],
  );
}

/** Names, descriptions and choice values of a command at every level, as Discord counts them. */
function characters(command: SlashCommand): number {
  return [command, ...allOptions(command)].reduce((total, item) => {
    const choices = 'choices' in item ? (item.choices ?? []) : [];
    const values = choices.reduce((sum, c) => sum + c.name.length + String(c.value).length, 0);
    return total + item.name.length + item.description.length + values;
  }, 0);
}

describe('slash commands generated from the catalogue', () => {
  it('keeps every name, description and option count within Discord limits', () => {
    expect(commands.length).toBeLessThanOrEqual(GLOBAL_COMMANDS_MAX);
    for (const command of commands) {
      for (const item of [command, ...allOptions(command)]) {
        expect(item.name, `${command.name} ${item.name}`).toMatch(NAME);
        expect(item.name).toBe(item.name.toLowerCase());
        for (const text of [
          item.description,
          ...Object.values(item.description_localizations ?? {}),
        ]) {
          expect(text?.length, `${command.name} ${item.name}: ${text}`).toBeGreaterThan(0);
          expect(text!.length, `${command.name} ${item.name}: ${text}`).toBeLessThanOrEqual(
            DESCRIPTION_MAX,
          );
        }
        if ('options' in item && item.options) {
          expect(item.options.length).toBeLessThanOrEqual(OPTIONS_MAX);
        }
        if ('choices' in item && item.choices) {
          expect(item.choices.length).toBeLessThanOrEqual(CHOICES_MAX);
        }
      }
      expect(command.options?.length ?? 0).toBeLessThanOrEqual(OPTIONS_MAX);
      expect(characters(command), command.name).toBeLessThanOrEqual(COMMAND_CHARACTERS_MAX);
    }
  });

  it('puts required options before optional ones, with unique names', () => {
    for (const command of commands) {
      const lists = [
        command.options ?? [],
        ...(command.options ?? []).map((o) => ('options' in o ? (o.options ?? []) : [])),
      ];
      for (const list of lists) {
        const required = list.map((o) => ('required' in o ? o.required === true : false));
        expect(
          required.indexOf(false) === -1 || !required.slice(required.indexOf(false)).includes(true),
        ).toBe(true);
        expect(new Set(list.map((o) => o.name)).size).toBe(list.length);
      }
    }
  });

  it('turns every catalogue entry into a command or a subcommand, except text-only ones', () => {
    for (const definition of catalogue.definitions) {
      if (definition.textOnly) {
        expect(byName(definition.name).options?.map((o) => o.name)).not.toContain(
          definition.subcommand,
        );
        continue;
      }
      const command = byName(definition.name);
      if (!definition.subcommand) {
        // Beside the catalogue's options, Discord-only switches (`announcements` for `channel:off`).
        const names = command.options?.map((o) => o.name) ?? [];
        expect(names.filter((name) => !(name in OFF_SWITCHES)).sort()).toEqual(
          Object.keys(definition.options).sort(),
        );
        continue;
      }
      const [head, tail] = definition.subcommand.split(' ');
      const top = command.options?.find((o) => o.name === head);
      // `/event shift add` is the subcommand `add` of the group `shift`.
      const sub =
        tail && top?.type === ApplicationCommandOptionType.SubcommandGroup
          ? top.options?.find((o) => o.name === tail)
          : top;
      expect(sub?.type, `/${definition.name} ${definition.subcommand}`).toBe(
        ApplicationCommandOptionType.Subcommand,
      );
    }
  });

  it('makes /profile a command with show and set, as Discord cannot run it bare', () => {
    expect(byName('profile').options?.map((o) => o.name)).toEqual(['show', 'set']);
  });

  it('types options: text limits, integers with bounds, ids with autocomplete, users, choices', () => {
    const create = byName('task').options?.find((o) => o.name === 'create');
    const options = create && 'options' in create ? create.options! : [];
    expect(options[0]).toMatchObject({
      name: 'title',
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: 200,
      description_localizations: { fr: 'Titre de la tâche' },
    });
    expect(options.find((o) => o.name === 'slots')).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      min_value: 1,
      max_value: 10_000,
    });
    expect(options.find((o) => o.name === 'notify')?.type).toBe(
      ApplicationCommandOptionType.Boolean,
    );
    const rsvp = byName('event').options?.find((o) => o.name === 'rsvp');
    expect(rsvp && 'options' in rsvp ? rsvp.options : []).toEqual([
      expect.objectContaining({
        name: 'id',
        type: ApplicationCommandOptionType.Integer,
        min_value: 1,
        autocomplete: true,
      }),
      expect.objectContaining({
        name: 'answer',
        type: ApplicationCommandOptionType.String,
        choices: [
          { name: 'yes', value: 'yes', name_localizations: { fr: 'oui' } },
          { name: 'maybe', value: 'maybe', name_localizations: { fr: 'peut-être' } },
          { name: 'no', value: 'no', name_localizations: { fr: 'non' } },
        ],
      }),
      expect.objectContaining({ name: 'shift', type: ApplicationCommandOptionType.Integer }),
    ]);
    const assign = byName('task').options?.find((o) => o.name === 'assign');
    expect(assign && 'options' in assign ? assign.options?.[1] : undefined).toMatchObject({
      name: 'user',
      type: ApplicationCommandOptionType.User,
    });
  });

  it('hides organizer-only commands from members without Manage Server', () => {
    const manageGuild = String(PermissionFlagsBits.ManageGuild);
    for (const name of [
      'setup',
      'broadcast',
      'supporters',
      'tag',
      'organizer',
      'stats',
      'export',
    ]) {
      expect(byName(name).default_member_permissions, name).toBe(manageGuild);
    }
    // Mixed groups stay visible: volunteers take tasks and answer events, hosts edit theirs.
    for (const name of ['join', 'tasks', 'task', 'event', 'mydata', 'help']) {
      expect(byName(name).default_member_permissions, name).toBeNull();
    }
  });
});
