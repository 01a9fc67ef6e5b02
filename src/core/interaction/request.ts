import type { Platform, SpacePlatform } from '../campaigns/campaign.types.ts';
import type { ShowInstant } from './view.ts';

/** The person behind a request, as the platform describes them. */
export interface Actor {
  platform: Platform;
  userId: string;
  username?: string;
  displayName?: string;
  /** The platform's language of the user (Discord interaction locale, Telegram language_code). */
  platformLocale?: string;
  /** Manage Server on Discord, group administrator on Telegram, in the space of the request. */
  spaceAdmin?: boolean;
  /** Discord roles held in the guild of the request. */
  roleIds?: readonly string[];
  /** Where direct messages to this user go, when the platform told us. */
  chatId?: string;
}

/** A platform-neutral command request, built by an adapter from a platform event. */
export interface CommandRequest {
  command: string;
  subcommand?: string;
  /** Raw values: strings from text, typed values from Discord. */
  args: Record<string, string | number | boolean | undefined>;
  actor: Actor;
  /** The guild or group the command was sent in; absent in private chats and the console. */
  space?: {
    platform: SpacePlatform;
    id: string;
    title?: string;
    /** The forum topic of a Telegram group the command was sent in (its `message_thread_id`). */
    topic?: string;
  };
  /** Adapter's id for logs. */
  requestId?: string;
  /**
   * The option whose value this request's text answered (a guided question): when that value
   * cannot be used, the same question is asked again with the other answers kept.
   */
  answering?: string;
  /** How the platform of the request names what differs. */
  words: PlatformWords;
}

/** What differs between platforms in what the core says, as the adapter names it. */
export interface PlatformWords {
  /** The command people register with (`/start` on Telegram, `/join` elsewhere). */
  joinCommand: string;
  /** Commands are listed by their first alias when they have one (Telegram's `/start`). */
  listsAliases: boolean;
  /** Servers have roles and channels that `/setup` may name (Discord). */
  spaceRoles: boolean;
  /**
   * Commands are picked from the platform's own list with named options (Discord), not typed as
   * text: the French command names (`/aide`) are not there, and `/help` takes `command:`.
   */
  nativeCommands?: boolean;
  /** A link opening the bot with this start payload, when the platform has one (Telegram). */
  startLink?(payload: string): string;
  /** How instants are shown, when the platform has its own markup for them (Discord). */
  showInstant?: ShowInstant;
}
