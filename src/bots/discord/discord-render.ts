import type { Readable } from 'node:stream';
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  TimestampStyles,
  time,
} from 'discord.js';
import { formatCommandLine } from '../../core/commands/command-line.ts';
import type { Button, Reply } from '../../core/interaction/reply.ts';
import type { ShowInstant } from '../../core/interaction/view.ts';
import { fitMessage, shorten } from '../../core/notifications/content-view.ts';
import { fileSource } from '../reply-files.ts';
import { splitText } from '../split-text.ts';

/** Discord's limits of one message and its buttons. */
export const DISCORD_LIMITS = {
  content: 2000,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  label: 80,
} as const;

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** One message as discord.js sends it. */
export interface DiscordMessage {
  content: string;
  components: ButtonRow[];
  files: { attachment: Buffer | Readable; name: string }[];
}

const STYLES: Record<NonNullable<Button['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
};

const URL_PATTERN = /(https?:\/\/\S+)/;

/**
 * An instant as the zoned echo every platform shows (`Sat 5 Dec 2026, 18:00 (Europe/Paris)`, so
 * the organizer sees what was understood), beside Discord's timestamp markup, which every
 * reader's client shows in their own zone and language: the full date and time, then how far it
 * is ("in 2 hours", "3 days ago"); a time of day (a shift's hours) as the short time alone.
 */
export const discordInstant: ShowInstant = (instant, zoned, style) =>
  style === 'clock'
    ? time(instant, TimestampStyles.ShortTime)
    : `${zoned} · ${time(instant, TimestampStyles.LongDateTime)} (${time(instant, TimestampStyles.RelativeTime)})`;

/**
 * A reply as Discord messages: its text escaped and split at blocks (then lines) into messages
 * of at most 2000 characters; the last one carries the buttons and the files, so they come
 * after all of the text.
 */
export function renderReply(reply: Pick<Reply, 'blocks' | 'buttons' | 'files'>): DiscordMessage[] {
  const parts = splitText(reply.blocks.map(escapeText), DISCORD_LIMITS.content);
  const files = (reply.files ?? []).map((file) => ({
    attachment: fileSource(file),
    name: file.name,
  }));
  const messages: DiscordMessage[] = parts.map((content) => ({
    content,
    components: [],
    files: [],
  }));
  if (messages.length === 0) messages.push({ content: '', components: [], files: [] });
  const last = messages.at(-1)!;
  last.components = buttonRows(reply.buttons ?? []);
  last.files = files;
  return messages;
}

/** A message sent on its own (a reminder): one message, its longest blocks cut to fit. */
export function renderNotice(
  blocks: readonly string[],
  buttons: readonly (readonly Button[])[] = [],
): Pick<DiscordMessage, 'content' | 'components'> {
  const fitted = fitMessage(blocks.map(escapeText), DISCORD_LIMITS.content);
  return { content: fitted.join('\n\n'), components: buttonRows(buttons) };
}

/**
 * Plain text shown literally: Discord markdown (bold, italics, headings, lists, masked links)
 * is escaped, except inside web addresses, which Discord would no longer recognise.
 */
export function escapeText(text: string): string {
  return text
    .split(URL_PATTERN)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : escapeMarkdown(part, {
            heading: true,
            bulletedList: true,
            numberedList: true,
            maskedLink: true,
          }),
    )
    .join('');
}

/**
 * Buttons as action rows: each carries its command line as custom_id. Rows longer than five are
 * wrapped, at most five rows are kept; a button whose command line is too long or repeats one
 * already shown is left out (Discord would refuse the whole message).
 */
export function buttonRows(buttons: readonly (readonly Button[])[]): ButtonRow[] {
  const seen = new Set<string>();
  const rows: ButtonRow[] = [];
  for (const row of buttons) {
    const components = row.flatMap((button) => {
      const customId = formatCommandLine(button.action);
      if (customId.length > DISCORD_LIMITS.customId || seen.has(customId)) return [];
      seen.add(customId);
      return [
        {
          type: ComponentType.Button as const,
          custom_id: customId,
          label: shorten(button.label, DISCORD_LIMITS.label),
          style: STYLES[button.style ?? 'secondary'],
        } as APIButtonComponentWithCustomId,
      ];
    });
    for (let i = 0; i < components.length; i += DISCORD_LIMITS.buttonsPerRow) {
      rows.push({
        type: ComponentType.ActionRow,
        components: components.slice(i, i + DISCORD_LIMITS.buttonsPerRow),
      });
    }
  }
  return rows.slice(0, DISCORD_LIMITS.rows);
}
