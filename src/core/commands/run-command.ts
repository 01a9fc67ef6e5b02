import type { z } from 'zod';
import type { Campaign, ChatSpace, Locale } from '../campaigns/campaign.types.ts';
import type { CoreDeps, ErrorLog } from '../deps.ts';
import { ERROR_MESSAGES, VALUE_ERRORS } from '../error-codes.ts';
import { DomainError } from '../errors.ts';
import { shiftHours } from '../events/shifts.ts';
import {
  type MessageId,
  type MessageParams,
  pickLocale,
  translate,
  translator,
} from '../i18n/i18n.ts';
import { isRegistered } from '../interaction/registered.ts';
import type { Reply } from '../interaction/reply.ts';
import type { CommandRequest } from '../interaction/request.ts';
import { showInstant } from '../interaction/view.ts';
import type { Services } from '../services.ts';
import type { Role, Supporter } from '../supporters/supporter.types.ts';
import { clockNoteParams, formatWhen, readWhen } from '../time/when.ts';
import { type Catalogue, commandName } from './catalogue.ts';
import type { CommandContext, CommandDefinition } from './define-command.ts';
import { clipEchoes } from './echo.ts';
import { joinFirst } from './join-first.ts';
import { argumentsSchema, exampleOption, exampleValue, type OptionSpec, SELF } from './options.ts';
import { RateLimiter } from './rate-limiter.ts';

/** Everything the command path needs, built once at start. */
export interface CommandEnv {
  catalogue: Catalogue;
  services: Services;
  deps: CoreDeps;
  log: ErrorLog;
}

/** Runs requests through the one command path; holds the per-user rate limit. */
export class CommandRunner {
  private readonly limiter: RateLimiter;
  private readonly schemas = new Map<CommandDefinition, z.ZodObject>();

  constructor(private readonly env: CommandEnv) {
    this.limiter = new RateLimiter(env.deps.settings.commandsPerMinute, env.deps.clock);
  }

  /**
   * Finds the command, resolves campaign and supporter, checks the role, validates the arguments,
   * runs the handler and turns every failure into one localized sentence.
   */
  async run(request: CommandRequest): Promise<Reply> {
    const fallback =
      pickLocale(request.actor.platformLocale) ?? this.env.deps.settings.defaults.locale;
    try {
      // The local console is its operator's own terminal: a script may drive it at any pace.
      const limited = request.actor.platform !== 'console';
      if (limited && !this.limiter.take(`${request.actor.platform}:${request.actor.userId}`)) {
        return message(fallback, 'error.rate_limited');
      }
      const definition = this.env.catalogue.find(request.command, request.subcommand);
      if (!definition) {
        return message(fallback, 'error.unknown_command', { command: `/${request.command}` });
      }
      return await this.runDefinition(definition, request);
    } catch (error) {
      const known = domainReply(fallback, error);
      if (known) return known;
      this.env.log.error(
        { err: error, requestId: request.requestId, command: request.command },
        'command failed',
      );
      return message(fallback, 'error.internal');
    }
  }

  /**
   * Whether the request would be refused for the person's role (before its arguments are read):
   * lets an adapter say so before asking for more (Discord's forms). Stores nothing.
   */
  async refuses(request: CommandRequest): Promise<boolean> {
    const definition = this.env.catalogue.find(request.command, request.subcommand);
    if (!definition) return true;
    const { services, deps } = this.env;
    const { campaign, space } = await services.campaigns.scopeOf(request);
    const { actor } = request;
    const supporter = await deps.store.supporters.findByIdentity(
      campaign.id,
      actor.platform,
      actor.userId,
    );
    const locale = pickLocale(supporter?.locale, actor.platformLocale) ?? campaign.locale;
    const role = effectiveRole(deps, request, supporter, space);
    const scope = { campaign, space, supporter, role, locale };
    const ctx = this.context(definition, request, scope, []);
    return (await this.refuse(definition, request, ctx)) !== null;
  }

  private async runDefinition(
    definition: CommandDefinition,
    request: CommandRequest,
  ): Promise<Reply> {
    const { services, deps } = this.env;
    const { campaign, space } = await services.campaigns.scopeOf(request);
    const supporter = await services.supporters.touch(campaign.id, request.actor);
    const locale = pickLocale(supporter?.locale, request.actor.platformLocale) ?? campaign.locale;
    const role = effectiveRole(deps, request, supporter, space);
    // Notes added under the answer, e.g. how a time skipped by a clock change was read.
    const notes: string[] = [];
    const scope = { campaign, space, supporter, role, locale };
    const ctx = this.context(definition, request, scope, notes);
    try {
      const refusal = await this.refuse(definition, request, ctx);
      if (refusal?.id === 'error.join_first') return joinFirst(ctx, locale, refusal.params);
      if (refusal) return message(locale, refusal.id, refusal.params);
      const parsed = this.validate(definition, request, locale);
      if ('reply' in parsed) return parsed.reply;
      const reply = await definition.run(ctx, parsed.args as never);
      return notes.length > 0 ? { ...reply, blocks: [...reply.blocks, ...notes] } : reply;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ERROR_JOIN_FIRST') {
        return joinFirst(ctx, locale, error.params);
      }
      const known = domainReply(locale, error);
      if (!known) throw error;
      const answered = request.answering;
      if (answered && error instanceof DomainError && VALUE_ERRORS.has(error.code)) {
        return askAgain(definition, request, answered, locale, known);
      }
      return known;
    }
  }

  private async refuse(
    definition: CommandDefinition,
    request: CommandRequest,
    ctx: CommandContext,
  ): Promise<{ id: MessageId; params: MessageParams } | null> {
    const command = commandName(definition);
    const rank = { volunteer: 0, organizer: 1, admin: 2 }[ctx.role];
    if (definition.access === 'admin' && rank < 2)
      return { id: 'error.admins_only', params: { command } };
    if (definition.access === 'host' && rank < 1) {
      // Hosts have organizer rights over their own events; the handler checks which event.
      const { store } = this.env.deps;
      const hosting = isRegistered(ctx.supporter)
        ? await store.events.hostsAny(ctx.campaign.id, ctx.supporter.id)
        : false;
      if (!hosting) return { id: 'event.organizers_or_host', params: { command } };
    }
    if (definition.access === 'organizer' && rank < 1) {
      // In a guild or group not bound yet, its own admins may run /setup to bind it.
      const unboundAdmin =
        definition.name === 'setup' && request.space && !ctx.space && request.actor.spaceAdmin;
      if (!unboundAdmin) return { id: 'error.organizers_only', params: { command } };
    }
    if (definition.access === 'supporter' && !isRegistered(ctx.supporter)) {
      return { id: 'error.join_first', params: { join: request.words.joinCommand } };
    }
    return null;
  }

  private validate(
    definition: CommandDefinition,
    request: CommandRequest,
    locale: Locale,
  ): { args: Record<string, unknown> } | { reply: Reply } {
    const raw = Object.fromEntries(
      Object.entries(request.args).filter(([, value]) => value !== undefined && value !== ''),
    );
    for (const [name, spec] of Object.entries(definition.options)) {
      if (spec.required && !(name in raw)) {
        return { reply: question(definition, raw, name, locale) };
      }
    }
    let schema = this.schemas.get(definition);
    if (!schema) {
      schema = argumentsSchema(definition.options);
      this.schemas.set(definition, schema);
    }
    const result = schema.safeParse(raw);
    if (result.success) return { args: result.data };
    const name = String(result.error.issues[0]?.path[0]);
    const spec = definition.options[name] as OptionSpec;
    const refused = message(locale, optionMessage(spec), optionParams(name, spec, locale));
    if (request.answering === name) {
      return { reply: askAgain(definition, request, name, locale, refused) };
    }
    return { reply: refused };
  }

  private context(
    definition: CommandDefinition,
    request: CommandRequest,
    scope: {
      campaign: Campaign;
      space: ChatSpace | null;
      supporter: Supporter | null;
      role: Role;
      locale: Locale;
    },
    notes: string[],
  ): CommandContext {
    const { services, deps } = this.env;
    const t = translator(scope.locale);
    return {
      ...scope,
      request,
      now: deps.clock.now(),
      t,
      services,
      catalogue: this.env.catalogue,
      reply: (blocks, extra = {}) => ({
        blocks: Array.isArray(blocks) ? blocks : [blocks],
        private: definition.private ?? false,
        locale: scope.locale,
        ...extra,
      }),
      when: (text) => {
        const now = deps.clock.now();
        const zone = scope.campaign.timezone;
        const read = readWhen(text, now, zone, scope.locale);
        if (!read) throw new DomainError('TIME_UNPARSEABLE', { text });
        const { instant } = read;
        if (instant.getTime() <= now.getTime()) {
          throw new DomainError('TIME_PAST', {
            when: showInstant(
              request.words.showInstant,
              instant,
              formatWhen(instant, scope.campaign.timezone, scope.locale),
            ),
          });
        }
        const note = clockNoteParams(read, zone, scope.locale);
        if (note) notes.push(t(note.id, note.params));
        return instant;
      },
      formatWhen: (instant, zone) =>
        showInstant(
          request.words.showInstant,
          instant,
          formatWhen(instant, zone ?? scope.campaign.timezone, scope.locale),
        ),
      formatHours: (hours) => shiftHours(hours, request.words.showInstant),
      findUser: async (value) => {
        if (value !== SELF) {
          return services.supporters.findByUserOption(
            scope.campaign.id,
            request.actor.platform,
            value,
          );
        }
        if (!isRegistered(scope.supporter)) {
          throw new DomainError('ERROR_JOIN_FIRST', { join: request.words.joinCommand });
        }
        return scope.supporter;
      },
      platformName: (platform) => this.env.deps.settings.platformNames[platform] ?? platform,
      self: () => {
        if (!scope.supporter)
          throw new DomainError('ERROR_JOIN_FIRST', { join: request.words.joinCommand });
        return scope.supporter;
      },
    };
  }
}

/** Admins: ADMIN_IDS, the local console, supporters made admin. Organizers: by role or space rights. */
function effectiveRole(
  deps: CoreDeps,
  request: CommandRequest,
  supporter: Supporter | null,
  space: ChatSpace | null,
): Role {
  const { actor } = request;
  const listed = deps.settings.admins.some(
    (a) => a.platform === actor.platform && a.userId === actor.userId,
  );
  if (listed || actor.platform === 'console' || supporter?.role === 'admin') return 'admin';
  if (supporter?.role === 'organizer') return 'organizer';
  // Space rights count only where the space is bound: a stranger's server cannot run this campaign.
  if (
    space &&
    (actor.spaceAdmin || (space.organizerRoleId && actor.roleIds?.includes(space.organizerRoleId)))
  ) {
    return 'organizer';
  }
  return 'volunteer';
}

/** The declared message of a domain error; none for internal codes and other failures. */
function domainReply(locale: Locale, error: unknown): Reply | null {
  if (!(error instanceof DomainError)) return null;
  const id = ERROR_MESSAGES[(error as DomainError).code];
  return id ? message(locale, id, error.params) : null;
}

function optionMessage(spec: OptionSpec): MessageId {
  return `option.${spec.kind}` as MessageId;
}

function optionParams(name: string, spec: OptionSpec, locale: Locale): MessageParams {
  const shown = (value: string) => exampleValue({ example: value }, locale);
  return {
    option: name,
    example: exampleOption(name, spec, locale),
    min: spec.min ?? 0,
    max: spec.max ?? 0,
    choices: spec.choices?.map(shown).join(', ') ?? '',
  };
}

/** Asks for the value of `option`, keeping the values given so far. */
function question(
  definition: CommandDefinition,
  given: Record<string, unknown>,
  option: string,
  locale: Locale,
  before: string[] = [],
): Reply {
  const spec = definition.options[option] as OptionSpec;
  const description = spec.description[locale];
  const example = exampleValue(spec, locale);
  const asked = message(locale, 'prompt.missing', { description, example });
  const args = Object.fromEntries(
    Object.entries(given).filter(
      ([name, value]) => name !== option && value !== undefined && value !== '',
    ),
  ) as Record<string, string | number | boolean>;
  return {
    ...asked,
    blocks: [...before, ...asked.blocks],
    prompt: { command: definition.name, subcommand: definition.subcommand, args, option },
  };
}

/** The refusal of an answer to a guided question, then the same question again. */
function askAgain(
  definition: CommandDefinition,
  request: CommandRequest,
  option: string,
  locale: Locale,
  refusal: Reply,
): Reply {
  return question(definition, request.args, option, locale, refusal.blocks);
}

/** An error, refusal or question: private, and repeating at most a clipped part of any input. */
function message(locale: Locale, id: MessageId, params?: MessageParams): Reply {
  return { blocks: [translate(locale, id, clipEchoes(params))], private: true, locale };
}
