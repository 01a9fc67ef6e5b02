import type { Locale } from '../campaigns/campaign.types.ts';

/** A command and its arguments, as carried by a button and sent back when it is pressed. */
export interface CommandAction {
  command: string;
  subcommand?: string;
  args?: Record<string, string | number | boolean>;
}

export interface Button {
  label: string;
  action: CommandAction;
  style?: 'primary' | 'secondary' | 'danger';
}

export interface ReplyFile {
  name: string;
  mimeType: string;
  /**
   * Text (CSV, ICS, JSON), bytes (a PNG picture: `image/png` is shown as a photo), or text read
   * and written out a page at a time (a large export).
   */
  content: string | Uint8Array | StreamedText;
}

/**
 * Text produced a page at a time while it is written out, so a large export never sits whole in
 * memory. Each call of `pages` reads it again from the start.
 */
export interface StreamedText {
  pages(): AsyncIterable<string>;
}

/** Whether a file's content is read page by page. */
export function isStreamed(content: ReplyFile['content']): content is StreamedText {
  return typeof content === 'object' && 'pages' in content;
}

/** What the core answers; each adapter renders it within its platform's limits. */
export interface Reply {
  /** Paragraphs of plain text (adapters escape them for their markup). */
  blocks: string[];
  /** Rows of buttons. */
  buttons?: Button[][];
  files?: ReplyFile[];
  /** Private answers are ephemeral on Discord and go to the private chat on Telegram. */
  private: boolean;
  locale: Locale;
  /** Set when a required option is missing: the next message of the user answers it. */
  prompt?: PendingPrompt;
  /**
   * The one link worth a preview (a task's own link); platforms that preview links show none for
   * any other link of the reply.
   */
  preview?: string;
  /**
   * The invite code of the campaign to join, when someone not registered was asked to join
   * first: a platform may answer a press with a link that opens its private chat on it.
   */
  joinCode?: string;
  /** The card for the group or server channel when a new event or task is announced there. */
  announcement?: Announcement;
}

/** A card announcing an event or a task: what it shows, and what it shows (kept up to date). */
export interface Announcement {
  blocks: string[];
  buttons: Button[][];
  subject: CardSubject;
}

/** What a card shows: an event (with its shifts) or a task, by id. */
export interface CardSubject {
  kind: 'event' | 'task';
  id: number;
}

/** A command waiting for the value of one option. */
export interface PendingPrompt {
  command: string;
  subcommand?: string;
  args: Record<string, string | number | boolean>;
  option: string;
}
