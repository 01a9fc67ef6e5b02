import type { Clock } from '../clock.ts';
import {
  CONVERSATION_TTL_MS,
  type ConversationStore,
} from '../conversations/conversation.types.ts';
import { pickLocale, translate } from '../i18n/i18n.ts';
import type { Reply } from '../interaction/reply.ts';
import type { Actor, CommandRequest } from '../interaction/request.ts';
import type { Catalogue } from './catalogue.ts';
import { parseCommandLine } from './command-line.ts';
import { clipEchoes } from './echo.ts';
import type { CommandRunner } from './run-command.ts';

/** Context of a text line besides its words. */
export type TextOrigin = Omit<CommandRequest, 'command' | 'subcommand' | 'args'>;

/** Longest line read as a command or an answer: Telegram's own message limit. */
export const MAX_COMMAND_LINE = 4096;

/**
 * Text front of the command path, shared by the Telegram and console adapters: parses
 * `name:value` words and, when a required option was missing, takes the person's next plain
 * message (in any process, within 10 minutes) as its value, where the question was asked.
 */
export class TextCommands {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly runner: CommandRunner,
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
  ) {}

  /** Runs one line; null when it is neither a command nor the answer to a question. */
  async handle(line: string, origin: TextOrigin): Promise<Reply | null> {
    const key = conversationKey(origin.actor);
    if (line.length > MAX_COMMAND_LINE) return this.tooLong(line, key, origin);
    const parsed = parseCommandLine(line);
    if (parsed?.command === 'cancel') {
      const waiting = await this.conversations.take(key, this.clock.now());
      const locale = pickLocale(origin.actor.platformLocale) ?? 'en';
      const said = waiting ? 'prompt.cancelled' : 'prompt.nothing_to_cancel';
      return { blocks: [translate(locale, said)], private: true, locale };
    }
    if (!parsed) {
      if (!line.trim()) return null;
      const waiting = await this.conversations.take(key, this.clock.now());
      if (!waiting) return null;
      const { prompt, actor, space } = waiting;
      return this.run(
        {
          command: prompt.command,
          subcommand: prompt.subcommand,
          args: { ...prompt.args, [prompt.option]: line.trim() },
          answering: prompt.option,
        },
        { ...origin, actor, space },
      );
    }
    await this.conversations.drop(key);
    const locale = pickLocale(origin.actor.platformLocale) ?? 'en';
    const bound = this.catalogue.bind(parsed, locale);
    if (!bound.ok) {
      return {
        blocks: [translate(locale, bound.error.id, clipEchoes(bound.error.params))],
        private: true,
        locale,
      };
    }
    const { definition, args } = bound;
    return this.run({ command: definition.name, subcommand: definition.subcommand, args }, origin);
  }

  /** Whether a question waits for this person's next plain message. */
  async asking(actor: Actor): Promise<boolean> {
    return (await this.conversations.find(conversationKey(actor), this.clock.now())) !== null;
  }

  /** Refuses an over-long command or answer without parsing it; other long text is ignored. */
  private async tooLong(line: string, key: string, origin: TextOrigin): Promise<Reply | null> {
    const asked = await this.conversations.find(key, this.clock.now());
    if (!line.trimStart().startsWith('/') && !asked) return null;
    await this.conversations.drop(key);
    const locale = pickLocale(origin.actor.platformLocale) ?? 'en';
    const text = translate(locale, 'error.line_too_long', { max: MAX_COMMAND_LINE });
    return { blocks: [text], private: true, locale };
  }

  private async run(
    target: Pick<CommandRequest, 'command' | 'subcommand' | 'args' | 'answering'>,
    origin: TextOrigin,
  ): Promise<Reply> {
    const reply = await this.runner.run({ ...target, ...origin });
    if (reply.prompt) {
      const now = this.clock.now();
      const { actor, space } = origin;
      const expiresAt = new Date(now.getTime() + CONVERSATION_TTL_MS);
      await this.conversations.save(
        conversationKey(actor),
        { prompt: reply.prompt, actor, ...(space && { space }) },
        expiresAt,
        now,
      );
    }
    return reply;
  }
}

/** One conversation per person and platform: a question asked in a group is answered privately. */
function conversationKey(actor: Actor): string {
  return `${actor.platform}:${actor.userId}`;
}
