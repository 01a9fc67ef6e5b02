import { pickLocale, translate } from '../i18n/i18n.ts';
import type { PendingPrompt, Reply } from '../interaction/reply.ts';
import type { Actor, CommandRequest } from '../interaction/request.ts';
import type { Catalogue } from './catalogue.ts';
import { parseCommandLine } from './command-line.ts';
import { clipEchoes } from './echo.ts';
import type { CommandRunner } from './run-command.ts';

/** Context of a text line besides its words. */
export interface TextOrigin {
  actor: Actor;
  space?: CommandRequest['space'];
  requestId?: string;
}

const PROMPT_TTL_MS = 10 * 60_000;

/** Longest line read as a command or an answer: Telegram's own message limit. */
export const MAX_COMMAND_LINE = 4096;

/**
 * Text front of the command path, shared by the Telegram and console adapters: parses
 * `name:value` words and, when a required option was missing, takes the next plain message as
 * its value.
 */
export class TextCommands {
  private readonly prompts = new Map<string, { prompt: PendingPrompt; at: number }>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly runner: CommandRunner,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs one line; null when it is neither a command nor the answer to a prompt. */
  async handle(line: string, origin: TextOrigin): Promise<Reply | null> {
    const key = promptKey(origin);
    if (line.length > MAX_COMMAND_LINE) return this.tooLong(line, key, origin);
    const parsed = parseCommandLine(line);
    if (parsed?.command === 'cancel') {
      this.prompts.delete(key);
      const locale = pickLocale(origin.actor.platformLocale) ?? 'en';
      return { blocks: [translate(locale, 'prompt.cancelled')], private: true, locale };
    }
    if (!parsed) {
      const pending = this.prompts.get(key);
      if (!pending || this.now() - pending.at > PROMPT_TTL_MS || !line.trim()) return null;
      this.prompts.delete(key);
      const { prompt } = pending;
      return this.run(
        {
          command: prompt.command,
          subcommand: prompt.subcommand,
          args: { ...prompt.args, [prompt.option]: line.trim() },
        },
        origin,
      );
    }
    this.prompts.delete(key);
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

  /** Refuses an over-long command or answer without parsing it; other long text is ignored. */
  private tooLong(line: string, key: string, origin: TextOrigin): Reply | null {
    if (!line.trimStart().startsWith('/') && !this.prompts.has(key)) return null;
    this.prompts.delete(key);
    const locale = pickLocale(origin.actor.platformLocale) ?? 'en';
    const text = translate(locale, 'error.line_too_long', { max: MAX_COMMAND_LINE });
    return { blocks: [text], private: true, locale };
  }

  private async run(
    target: Pick<CommandRequest, 'command' | 'subcommand' | 'args'>,
    origin: TextOrigin,
  ): Promise<Reply> {
    const reply = await this.runner.run({
      ...target,
      actor: origin.actor,
      space: origin.space,
      requestId: origin.requestId,
    });
    if (reply.prompt) this.prompts.set(promptKey(origin), { prompt: reply.prompt, at: this.now() });
    return reply;
  }
}

function promptKey(origin: TextOrigin): string {
  return `${origin.actor.platform}:${origin.actor.userId}:${origin.space?.id ?? 'private'}`;
}
