import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Reply } from '../../core/interaction/reply.ts';
import { type DiscordMessage, renderReply } from './discord-render.ts';

/** A slash command, a button press or a submitted form, being answered. */
export type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * Acknowledges an interaction before its work is done (Discord's 3 s limit): with `update`, the
 * pressed message will be updated; otherwise a reply (ephemeral when it will be private) shows
 * that the bot is thinking.
 */
export async function defer(
  interaction: Answerable,
  update: boolean,
  ephemeral: boolean,
): Promise<void> {
  if (update && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * Shows a reply within Discord's limits, in one or more messages, after a deferral or not.
 * With `update` (a button on a private message: ephemeral or in the DM) the pressed message is
 * replaced by the outcome, except for files, which come as a new reply. Otherwise a new reply,
 * ephemeral when the reply is private; after a public deferral, a private reply replaces the
 * "thinking" message by an ephemeral one.
 */
export async function deliver(
  interaction: Answerable,
  reply: Reply,
  update: boolean,
): Promise<void> {
  const messages = renderReply(reply);
  const first = messages[0]!;
  const flags = reply.private ? MessageFlags.Ephemeral : undefined;
  const visible = (message: DiscordMessage): InteractionReplyOptions => ({ ...message, flags });
  if (update && interaction.isButton() && !reply.files?.length) {
    if (interaction.deferred) await interaction.editReply(first);
    else await interaction.update(first);
  } else if (!interaction.deferred) {
    await interaction.reply(visible(first));
  } else if (update || (reply.private && !interaction.ephemeral)) {
    // Nothing to edit (a deferred update keeps the pressed message), or the wrong visibility.
    if (!update) await interaction.deleteReply();
    await interaction.followUp(visible(first));
  } else {
    await interaction.editReply(first);
  }
  for (const message of messages.slice(1)) await interaction.followUp(visible(message));
}

/** Waits before each new try of a reply Discord did not take (5xx or network error). */
const REPLY_RETRY_GAPS_MS = [1_000, 2_000, 4_000];

/**
 * {@link deliver}, tried again after 1, 2 and 4 s while Discord fails with a 5xx or a network
 * error (on top of discord.js's own retries); a 4xx refusal is passed on at once.
 */
export async function deliverWithRetries(
  interaction: Answerable,
  reply: Reply,
  update: boolean,
): Promise<void> {
  for (const gap of [...REPLY_RETRY_GAPS_MS, undefined]) {
    try {
      return await deliver(interaction, reply, update);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (gap === undefined || (typeof status === 'number' && status < 500)) throw error;
      await sleep(gap);
    }
  }
}

/** Answers with one private sentence, whatever was already sent for the interaction. */
export async function sayPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const options = { content: text, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}
