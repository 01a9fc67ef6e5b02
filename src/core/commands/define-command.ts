import type { Campaign, ChatSpace, Locale } from '../campaigns/campaign.types.ts';
import type { Message } from '../i18n/messages/define.ts';
import type { Reply } from '../interaction/reply.ts';
import type { CommandRequest } from '../interaction/request.ts';
import type { View } from '../interaction/view.ts';
import type { Services } from '../services.ts';
import type { Role, Supporter } from '../supporters/supporter.types.ts';
import type { Catalogue } from './catalogue.ts';
import type { ArgsOf, OptionSpecs } from './options.ts';

/**
 * Who may run a command: anybody, a registered consenting supporter, an organizer or an event's
 * host (the handler then checks it is that event's host), an organizer, an admin.
 */
export type Access = 'anyone' | 'supporter' | 'host' | 'organizer' | 'admin';

/** What a handler gets besides its arguments. */
export interface CommandContext extends View {
  request: CommandRequest;
  campaign: Campaign;
  /** The bound guild or group, when the request came from one. */
  space: ChatSpace | null;
  /** The supporter behind the actor in this campaign, if known (consented or not). */
  supporter: Supporter | null;
  role: Role;
  locale: Locale;
  now: Date;
  services: Services;
  catalogue: Catalogue;
  /** A reply in the caller's language; `private` defaults to the command's own setting. */
  reply(blocks: string | string[], extra?: Partial<Omit<Reply, 'blocks' | 'locale'>>): Reply;
  /** The supporter an option value names (@username, numeric id, Discord mention, `me`). */
  findUser(value: string): Promise<Supporter>;
  /**
   * A future instant typed by a person (ISO or a phrase), read in the campaign's zone; raises
   * the `time.unparseable` or `time.past` message otherwise.
   */
  when(text: string): Date;
  /** A platform's name in sentences (`Telegram`); its id when no adapter names it. */
  platformName(platform: string): string;
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
