import type {
  Campaign,
  ChatSpace,
  Locale,
  Platform,
  SpacePlatform,
} from '../campaigns/campaign.types.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Message } from '../i18n/messages/define.ts';
import type { Services } from '../services.ts';
import type { Role, Supporter } from '../supporters/supporter.types.ts';
import type { Catalogue } from './catalogue.ts';
import type { ArgsOf, OptionSpecs } from './options.ts';
import type { Reply } from './reply.ts';

/**
 * Who may run a command: anybody, a registered consenting supporter, an organizer or an event's
 * host (the handler then checks it is that event's host), an organizer, an admin.
 */
export type Access = 'anyone' | 'supporter' | 'host' | 'organizer' | 'admin';

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
  space?: { platform: SpacePlatform; id: string; title?: string };
  /** Adapter's id for logs. */
  requestId?: string;
}

/** What a handler gets besides its arguments. */
export interface CommandContext {
  request: CommandRequest;
  campaign: Campaign;
  /** The bound guild or group, when the request came from one. */
  space: ChatSpace | null;
  /** The supporter behind the actor in this campaign, if known (consented or not). */
  supporter: Supporter | null;
  role: Role;
  locale: Locale;
  now: Date;
  t: Translator;
  services: Services;
  catalogue: Catalogue;
  /** A reply in the caller's language; `private` defaults to the command's own setting. */
  reply(blocks: string | string[], extra?: Partial<Omit<Reply, 'blocks' | 'locale'>>): Reply;
  /** The supporter an option value names (@username, numeric id or Discord mention). */
  findUser(value: string): Promise<Supporter>;
  /**
   * A future instant typed by a person (ISO or a phrase), read in the campaign's zone; raises
   * the `time.unparseable` or `time.past` message otherwise.
   */
  when(text: string): Date;
  /** An instant as `Sat 5 Dec 2026, 18:00 (Europe/Paris)` in the campaign's zone and the caller's language. */
  formatWhen(instant: Date, zone?: string): string;
  /** The registered supporter running the command (only for `supporter` access). */
  self(): Supporter;
}

export interface CommandDefinition<O extends OptionSpecs = OptionSpecs> {
  name: string;
  subcommand?: string;
  description: Message;
  access: Access;
  options: O;
  /** Answers are private (ephemeral on Discord, private chat on Telegram). */
  private?: boolean;
  /** Names this command answers to on Telegram and the console as well (e.g. /start for /join). */
  aliases?: readonly string[];
  /**
   * Telegram and the console only: a subcommand beside a bare command of the same name, which
   * Discord cannot register (`/broadcast status` beside `/broadcast`).
   */
  textOnly?: boolean;
  run(ctx: CommandContext, args: ArgsOf<O>): Promise<Reply>;
}

/** Declares a command; the option types flow into the handler's arguments. */
export function defineCommand<O extends OptionSpecs>(
  definition: CommandDefinition<O>,
): CommandDefinition {
  return definition as unknown as CommandDefinition;
}
