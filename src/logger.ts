import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

const CENSOR = '[REDACTED]';

/** Keys whose value is a secret wherever they appear in a logged object. */
const SECRET_KEYS = [
  'token',
  'botToken',
  'accessToken',
  'secret',
  'secretToken',
  'webhookSecret',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  'DISCORD_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'x-telegram-bot-api-secret-token',
];

/** pino redacts fixed paths only, so each key is listed from the top level to three levels down. */
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const step = /^\w+$/.test(key) ? `.${key}` : `["${key}"]`;
  return ['', '*', '*.*', '*.*.*'].map((parents) =>
    parents ? `${parents}${step}` : step.replace(/^\./, ''),
  );
});

/** Secrets recognised by their shape, even when nobody said they were secrets. */
const SECRET_SHAPES: [RegExp, string][] = [
  [/\bbot\d+:[^/\s"\\?#]+/g, `bot${CENSOR}`], // Telegram Bot API URLs carry the token in the path
  [/\b\d{5,}:[\w-]{20,}/g, CENSOR], // Telegram bot tokens
  [/[\w-]{23,}\.[\w-]{6,7}\.[\w-]{27,}/g, CENSOR], // Discord bot tokens
  [/\/\/[^\s"\\/@:]*:(?:[^\s"\\]|\\.)*@/g, `//${CENSOR}@`], // user:password@ in URLs
];

/**
 * Replaces the given secret values (also in their JSON-escaped form) and anything shaped like a
 * bot token or URL credentials with `[REDACTED]`.
 */
export function maskSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  const values = secrets.filter((secret) => !!secret) as string[];
  let masked = text;
  for (const secret of values.sort((a, b) => b.length - a.length)) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    masked = masked.replaceAll(secret, CENSOR).replaceAll(escaped, CENSOR);
  }
  for (const [shape, replacement] of SECRET_SHAPES) masked = masked.replace(shape, replacement);
  return masked;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: LevelWithSilent;
  /** Secret values (bot tokens, webhook secret) that must never reach the output. */
  secrets?: readonly (string | undefined)[];
  /** Where the JSON lines go; standard output by default. */
  destination?: DestinationStream;
}

/**
 * Creates the JSON logger. Secret keys are redacted by pino, then every serialized line is
 * scrubbed of the known secret values and of token-shaped strings, which also covers secrets
 * inside error messages, stack traces and URLs.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { level, secrets = [], destination = process.stdout } = options;
  const scrubbed: DestinationStream = {
    write: (line) => destination.write(maskSecrets(line, secrets)),
  };
  return pino({ level, redact: { paths: REDACT_PATHS, censor: CENSOR } }, scrubbed);
}

/**
 * An appending log file (its folder created when missing), written synchronously so that no
 * line is lost when the process exits.
 */
export function logFile(path: string): DestinationStream {
  return pino.destination({ dest: path, mkdir: true, append: true, sync: true });
}
