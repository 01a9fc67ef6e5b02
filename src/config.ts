import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
import { isPostgresUrl } from '../prisma/engine/datasource.ts';
import { LOCALES, type Locale } from './core/campaigns/campaign.types.ts';
import { parseDuration } from './core/time/durations.ts';
import { canonicalTimeZone } from './core/time/zones.ts';
import { maskSecrets } from './logger.ts';

/** The two database engines the assistant runs on. */
export type DatabaseKind = 'sqlite' | 'postgresql';
/** Log levels understood by pino. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** A user who is admin of every campaign, as listed in `ADMIN_IDS`. */
export interface AdminId {
  readonly platform: 'discord' | 'telegram';
  /** The platform's user id, kept as text: Discord ids exceed JavaScript's safe integers. */
  readonly userId: string;
}

/** Settings of the Discord adapter, present only when `DISCORD_TOKEN` is set. */
export interface DiscordConfig {
  readonly token: string;
  /** Undefined means: read it from the API at login. */
  readonly applicationId?: string;
  /** REST base URL without version and without trailing slash. */
  readonly apiBase: string;
  /** When set, commands are registered to this guild only. */
  readonly guildId?: string;
}

/** Settings of the Telegram adapter, present only when `TELEGRAM_BOT_TOKEN` is set. */
export interface TelegramConfig {
  readonly token: string;
  /** Bot API root without trailing slash. */
  readonly apiRoot: string;
  /** Webhook mode when set, long polling otherwise. */
  readonly webhook?: { readonly url: string; readonly secret: string };
}

/** The validated, frozen configuration of one process. */
export interface Config {
  readonly database: { readonly url: string; readonly kind: DatabaseKind };
  readonly discord?: DiscordConfig;
  readonly telegram?: TelegramConfig;
  /**
   * Port of the health, metrics and webhook server; 0 means no server. `requested` tells whether
   * `HTTP_PORT` was set: the console alone starts no server unless it was.
   */
  readonly http: { readonly port: number; readonly requested: boolean };
  readonly scheduler: { readonly cron: string };
  /** Sent and skipped outbox rows older than this (ms) are deleted; failed ones are kept. */
  readonly notificationRetentionMs: number;
  /** Used for the campaign created on first start and as defaults of new campaigns. */
  readonly campaignDefaults: {
    readonly name: string;
    readonly timezone: string;
    readonly locale: Locale;
  };
  /** `file`: where log lines go (`-` for standard error); unset: the default of the mode. */
  readonly log: { readonly level: LogLevel; readonly file?: string };
  readonly rateLimit: { readonly commandsPerMinute: number };
  readonly admins: readonly AdminId[];
  /** How long a platform may stay unreachable at start before the start fails. */
  readonly platformStartTimeoutMs: number;
}

/** Thrown by {@link loadConfig}: one message line per bad variable, never a secret's value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    /** Names of the bad variables, in the order of the message lines. */
    readonly variables: readonly string[],
    lines: readonly string[],
  ) {
    super(lines.join('\n'));
  }
}

/** Tells which engine a database URL (already validated) points to. */
export function databaseKind(url: string): DatabaseKind {
  return isPostgresUrl(url) ? 'postgresql' : 'sqlite';
}

/** The secret values of a configuration, to hand to the logger for scrubbing. */
export function configSecrets(config: Config): string[] {
  const secrets = [config.discord?.token, config.telegram?.token, config.telegram?.webhook?.secret];
  return secrets.filter((secret) => secret !== undefined);
}

/** The name of the first campaign when `CAMPAIGN_NAME` is unset, in `DEFAULT_LOCALE`. */
const DEFAULT_CAMPAIGN_NAMES: Record<Locale, string> = {
  en: 'Our campaign',
  fr: 'Notre campagne',
};

const SECRET_VARIABLES = new Set([
  'DISCORD_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
]);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .refine((n) => n >= min && n <= max);
const snowflake = z.string().regex(/^\d{1,20}$/);
const httpUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const databaseUrl = z
  .string()
  .refine((url) => /^file:.+/.test(url) || (isPostgresUrl(url) && URL.canParse(url)));
const webhookUrl = z.url({ protocol: /^https?$/ }).refine((url) => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || LOCAL_HOSTS.has(hostname);
});
const adminIds = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^(discord|telegram):\d{1,20}$/)))
  .transform((items) =>
    items.map((item) => {
      const [platform, userId] = item.split(':') as [AdminId['platform'], string];
      return { platform, userId };
    }),
  );

const envSchema = z.object({
  DATABASE_URL: databaseUrl
    .default('file:./data/organizer.db')
    .describe('a "file:" path (SQLite) or a "postgresql://" URL'),
  DISCORD_TOKEN: z.string().regex(/^\S+$/).optional().describe('a bot token without spaces'),
  DISCORD_APPLICATION_ID: snowflake.optional().describe('a Discord id (digits only)'),
  DISCORD_API_BASE: httpUrl
    .refine((url) => !/\/v\d+$/.test(url))
    .default('https://discord.com/api')
    .describe('an http(s) URL without API version, like https://discord.com/api'),
  DISCORD_GUILD_ID: snowflake.optional().describe('a Discord id (digits only)'),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/)
    .optional()
    .describe('a token of the form <digits>:<letters, digits, _ or ->'),
  TELEGRAM_API_ROOT: httpUrl.default('https://api.telegram.org').describe('an http(s) URL'),
  TELEGRAM_WEBHOOK_URL: webhookUrl
    .optional()
    .describe('an https URL (http only for localhost or 127.0.0.1)'),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[\w-]{1,256}$/)
    .optional()
    .describe('1 to 256 characters among A-Z a-z 0-9 _ -'),
  HTTP_PORT: integer(0, 65535).optional().describe('an integer from 0 to 65535 (0 = off)'),
  SCHEDULER_CRON: z
    .string()
    .refine((expression) => isCronExpression(expression))
    .default('*/15 * * * * *')
    .describe('a node-cron expression of 5 or 6 fields, like */15 * * * * *'),
  NOTIFICATION_RETENTION: z
    .string()
    .transform((text) => parseDuration(text) ?? Number.NaN)
    .pipe(z.number().int().positive())
    .default(30 * 1440)
    .describe('a duration in minutes, hours or days, like 30d or 12h'),
  CAMPAIGN_NAME: z.string().max(100).optional().describe('1 to 100 characters'),
  DEFAULT_TIMEZONE: z
    .string()
    .transform(canonicalTimeZone)
    .pipe(z.string())
    .default('UTC')
    .describe('an IANA time zone, like Europe/Paris or UTC'),
  DEFAULT_LOCALE: z.enum(LOCALES).default('en').describe('"en" or "fr"'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('one of fatal, error, warn, info, debug, trace, silent'),
  LOG_FILE: z.string().optional().describe('a file path, or - for standard error'),
  PLATFORM_START_TIMEOUT: integer(1, 3600)
    .default(60)
    .describe('seconds, an integer from 1 to 3600'),
  COMMAND_RATE_LIMIT: integer(1, 1_000_000).default(20).describe('a positive integer'),
  ADMIN_IDS: adminIds.default([]).describe('a comma list of discord:<userId> or telegram:<userId>'),
});

type Variable = keyof typeof envSchema.shape;
type Env = z.output<typeof envSchema>;
const VARIABLES = Object.keys(envSchema.shape) as Variable[];

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The `.env` file to read if present (default `.env` in the working directory); `false` reads none. */
  envFile?: string | false;
}

/**
 * Reads and validates the configuration. Values are trimmed and empty ones count as unset; a
 * variable of `env` wins over the same variable of the `.env` file. Throws a {@link ConfigError}
 * listing every bad variable.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): Config {
  const { envFile = resolve('.env') } = options;
  const fromFile = envFile === false ? {} : readEnvFile(envFile);
  const raw: Partial<Record<Variable, string>> = {};
  for (const name of VARIABLES) {
    const value = env[name]?.trim() || fromFile[name]?.trim();
    if (value) raw[name] = value;
  }
  const result = envSchema.safeParse(raw);
  const bad = new Set(result.error?.issues.map((issue) => issue.path[0] as Variable));
  const lines = [...bad].map((name) => describeProblem(name, raw));
  if (raw.TELEGRAM_WEBHOOK_URL && !raw.TELEGRAM_WEBHOOK_SECRET) {
    bad.add('TELEGRAM_WEBHOOK_SECRET');
    lines.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
  }
  if (raw.TELEGRAM_WEBHOOK_URL && result.data?.HTTP_PORT === 0) {
    bad.add('HTTP_PORT');
    lines.push(
      'HTTP_PORT: must not be 0 when TELEGRAM_WEBHOOK_URL is set (the webhook is served there)',
    );
  }
  if (!result.success || bad.size > 0) throw new ConfigError([...bad], lines);
  return deepFreeze(toConfig(result.data));
}

function readEnvFile(path: string): NodeJS.Dict<string> {
  try {
    return parseEnv(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** One error line; secret variables never show their value, database credentials are hidden. */
function describeProblem(name: Variable, raw: Partial<Record<Variable, string>>): string {
  const expected = `${name}: expected ${envSchema.shape[name].description}`;
  const value = raw[name];
  if (value === undefined || SECRET_VARIABLES.has(name)) return expected;
  const shown = name === 'DATABASE_URL' ? value.replace(/^(.*?\/\/)?.*@/s, '$1[REDACTED]@') : value;
  const secrets = [raw.DISCORD_TOKEN, raw.TELEGRAM_BOT_TOKEN, raw.TELEGRAM_WEBHOOK_SECRET];
  return `${expected}, got ${maskSecrets(JSON.stringify(shown), secrets)}`;
}

function toConfig(env: Env): Config {
  const webhook =
    env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
      ? { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET }
      : undefined;
  return {
    database: { url: env.DATABASE_URL, kind: databaseKind(env.DATABASE_URL) },
    discord: env.DISCORD_TOKEN
      ? {
          token: env.DISCORD_TOKEN,
          applicationId: env.DISCORD_APPLICATION_ID,
          apiBase: env.DISCORD_API_BASE,
          guildId: env.DISCORD_GUILD_ID,
        }
      : undefined,
    telegram: env.TELEGRAM_BOT_TOKEN
      ? { token: env.TELEGRAM_BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT, webhook }
      : undefined,
    http: { port: env.HTTP_PORT ?? 8080, requested: env.HTTP_PORT !== undefined },
    scheduler: { cron: env.SCHEDULER_CRON },
    notificationRetentionMs: env.NOTIFICATION_RETENTION * 60_000,
    campaignDefaults: {
      name: env.CAMPAIGN_NAME ?? DEFAULT_CAMPAIGN_NAMES[env.DEFAULT_LOCALE],
      timezone: env.DEFAULT_TIMEZONE,
      locale: env.DEFAULT_LOCALE,
    },
    log: { level: env.LOG_LEVEL, file: env.LOG_FILE },
    rateLimit: { commandsPerMinute: env.COMMAND_RATE_LIMIT },
    admins: env.ADMIN_IDS,
    platformStartTimeoutMs: env.PLATFORM_START_TIMEOUT * 1000,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
