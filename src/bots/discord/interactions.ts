import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ButtonInteraction,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Core } from '../../core/core.ts';
import type { Log } from '../../core/deps.ts';
import { pickLocale, translate } from '../../core/i18n/i18n.ts';
import type { Reply } from '../../core/interaction/reply.ts';
import type { CommandRequest } from '../../core/interaction/request.ts';
import type { Announcer } from './announcements.ts';
import { IdAutocomplete } from './autocomplete.ts';
import { loggableError } from './discord-errors.ts';
import { type Answerable, defer, deliverWithRetries, sayPrivately } from './interaction-replies.ts';
import { buttonRequest, commandRequest } from './interaction-request.ts';
import { formFor, formRequest } from './modal-forms.ts';

export interface InteractionsOptions {
  core: Pick<Core, 'runner' | 'catalogue' | 'services' | 'deps'>;
  log: Log;
  announcer: Announcer;
  /**
   * How long an answer may take before the interaction is deferred (0: always defer first);
   * Discord drops interactions not acknowledged within 3 s.
   */
  deferAfterMs: number;
}

/**
 * Answers interactions through the core's one command path: slash commands and buttons become
 * requests, their replies are rendered within Discord's limits, task and event numbers are
 * completed. A failure is logged with the interaction id and answered with an apology; it never
 * escapes.
 */
export class DiscordInteractions {
  private readonly autocomplete: IdAutocomplete;

  constructor(private readonly options: InteractionsOptions) {
    this.autocomplete = new IdAutocomplete(options.core);
  }

  async handle(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) {
        const request = commandRequest(interaction);
        const definition = this.options.core.catalogue.find(request.command, request.subcommand);
        // A long text left out is typed in a form (its answer comes back as a modal submit),
        // unless the command would be refused anyway.
        const form = definition && formFor(request, definition, this.localeOf(interaction));
        const asks = !!form && !(await this.options.core.runner.refuses(request));
        // An unknown command gets a private error.
        const ephemeral = definition ? definition.private === true : true;
        if (form && asks) await interaction.showModal(form);
        else await this.answer(interaction, request, false, ephemeral);
      } else if (interaction.isModalSubmit()) {
        await this.submit(interaction);
      } else if (interaction.isButton()) {
        await this.press(interaction);
      } else if (interaction.isAutocomplete()) {
        await this.autocomplete.respond(interaction);
      }
    } catch (error) {
      this.options.log.error(
        { err: loggableError(error), interactionId: interaction.id },
        'discord interaction failed',
      );
      if (interaction.isRepliable()) {
        await sayPrivately(
          interaction,
          translate(this.localeOf(interaction), 'error.internal'),
        ).catch(() => undefined);
      }
    }
  }

  /**
   * A button on a private message (ephemeral, or in the DM) updates that message with the
   * outcome; a button on a public message answers the presser privately.
   */
  private async press(interaction: ButtonInteraction): Promise<void> {
    const bound = buttonRequest(interaction, this.options.core.catalogue);
    if ('error' in bound) {
      const { id, params } = bound.error;
      await sayPrivately(interaction, translate(this.localeOf(interaction), id, params));
      return;
    }
    const onPrivateMessage =
      !interaction.inGuild() || interaction.message.flags.has(MessageFlags.Ephemeral);
    await this.answer(interaction, bound.request, onPrivateMessage, true);
  }

  /** A submitted form runs its command with the texts typed in it. */
  private async submit(interaction: ModalSubmitInteraction): Promise<void> {
    const { catalogue } = this.options.core;
    const bound = formRequest(interaction, catalogue);
    if ('error' in bound) {
      const { id, params } = bound.error;
      await sayPrivately(interaction, translate(this.localeOf(interaction), id, params));
      return;
    }
    const { command, subcommand } = bound.request;
    const ephemeral = catalogue.find(command, subcommand)?.private === true;
    await this.answer(interaction, bound.request, false, ephemeral);
  }

  /** Runs the request; defers when the answer is not ready in time, then shows it. */
  private async answer(
    interaction: Answerable,
    request: CommandRequest,
    update: boolean,
    deferEphemeral: boolean,
  ): Promise<void> {
    const work = this.options.core.runner.run(request);
    const early = await this.within(work);
    if (!early) await defer(interaction, update, deferEphemeral);
    const reply = early ?? (await work);
    try {
      await deliverWithRetries(interaction, reply, update);
    } catch (error) {
      // The command took effect: say so rather than apologize for a failure.
      this.options.log.error(
        { err: loggableError(error), interactionId: interaction.id },
        'discord reply not delivered',
      );
      const lost = translate(reply.locale, 'error.reply_lost');
      await sayPrivately(interaction, lost).catch(() => undefined);
      return;
    }
    if (reply.announcement) await this.options.announcer.announce(request, reply);
  }

  /** The reply if it is ready within the deferral delay, else undefined. */
  private async within(work: Promise<Reply>): Promise<Reply | undefined> {
    if (this.options.deferAfterMs <= 0) return undefined;
    const timer = new AbortController();
    const late = sleep(this.options.deferAfterMs, undefined, { signal: timer.signal }).catch(
      () => undefined,
    );
    const reply = await Promise.race([work, late]);
    timer.abort();
    return reply;
  }

  private localeOf(interaction: Interaction) {
    return pickLocale(interaction.locale) ?? this.options.core.deps.settings.defaults.locale;
  }
}
