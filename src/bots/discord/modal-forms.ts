import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import type { Locale } from '../../core/campaigns/campaign.types.ts';
import type { BindError, Catalogue } from '../../core/commands/catalogue.ts';
import { formatCommandLine, parseCommandLine } from '../../core/commands/command-line.ts';
import type { CommandDefinition } from '../../core/commands/define-command.ts';
import type { CommandRequest } from '../../core/interaction/request.ts';
import { formTexts } from './discord-options.ts';
import { actorOf, DISCORD_WORDS, spaceOf } from './interaction-request.ts';

/** Discord's limits: custom ids of 100 characters, titles and labels of 45, inputs of 4000. */
const MAX_CUSTOM_ID = 100;
const MAX_LABEL = 45;
const MAX_INPUT = 4000;

/**
 * The form asking for the long texts a command was given without (`/broadcast` without its
 * message): one paragraph field per text, labelled with the option's description. The form's id
 * is the command line of what was given, so that any process can take the answer. None when
 * nothing is missing or the line would not fit.
 */
export function formFor(
  request: CommandRequest,
  definition: CommandDefinition,
  locale: Locale,
): APIModalInteractionResponseCallbackData | undefined {
  const missing = formTexts(request.command, request.subcommand).filter(
    (name) => request.args[name] === undefined || request.args[name] === '',
  );
  if (missing.length === 0) return undefined;
  const args = request.args as Record<string, string | number | boolean>;
  const customId = formatCommandLine({
    command: request.command,
    subcommand: request.subcommand,
    args,
  });
  if (customId.length > MAX_CUSTOM_ID) return undefined;
  const title = `/${request.command}${request.subcommand ? ` ${request.subcommand}` : ''}`;
  return {
    custom_id: customId,
    title: title.slice(0, MAX_LABEL),
    components: missing.map((name) => {
      const spec = definition.options[name]!;
      return {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: name,
            label: spec.description[locale].slice(0, MAX_LABEL),
            style: TextInputStyle.Paragraph,
            required: spec.required,
            max_length: Math.min(spec.max ?? MAX_INPUT, MAX_INPUT),
          },
        ],
      };
    }),
  };
}

/** A submitted form as a request: the command line it carries with the texts typed in it. */
export function formRequest(
  interaction: ModalSubmitInteraction,
  catalogue: Catalogue,
): { request: CommandRequest } | { error: BindError } {
  const parsed = parseCommandLine(interaction.customId);
  const bound = parsed ? catalogue.bind(parsed) : undefined;
  if (!bound?.ok) {
    const command = interaction.customId.split(' ')[0] ?? '';
    return { error: bound?.error ?? { id: 'error.unknown_command', params: { command } } };
  }
  const { definition } = bound;
  const args: CommandRequest['args'] = { ...bound.args };
  for (const field of interaction.fields.fields.values()) {
    const value = 'value' in field && typeof field.value === 'string' ? field.value.trim() : '';
    if (value && formTexts(definition.name, definition.subcommand).includes(field.customId)) {
      args[field.customId] = value;
    }
  }
  return {
    request: {
      command: definition.name,
      subcommand: definition.subcommand,
      args,
      actor: actorOf(interaction),
      space: spaceOf(interaction),
      requestId: interaction.id,
      words: DISCORD_WORDS,
    },
  };
}
