import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, configSecrets, databaseKind, loadConfig } from '../src/config.ts';

/** The variables of the configuration table in the product specification, and LOG_FILE. */
const VARIABLES = [
  'DATABASE_URL',
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_API_BASE',
  'DISCORD_GUILD_ID',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_API_ROOT',
  'TELEGRAM_WEBHOOK_URL',
  'TELEGRAM_WEBHOOK_SECRET',
  'HTTP_PORT',
  'SCHEDULER_CRON',
  'NOTIFICATION_RETENTION',
  'CAMPAIGN_NAME',
  'DEFAULT_TIMEZONE',
  'DEFAULT_LOCALE',
  'LOG_LEVEL',
  'LOG_FILE',
  'COMMAND_RATE_LIMIT',
  'ADMIN_IDS',
];
const TELEGRAM_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456';

/** Loads from the given variables only, ignoring any `.env` of the working directory. */
const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { envFile: false });

/** The ConfigError thrown for these variables. */
function errorFor(env: NodeJS.ProcessEnv): ConfigError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults when nothing is set', () => {
    expect(load({})).toEqual({
      database: { url: 'file:./data/organizer.db', kind: 'sqlite' },
      discord: undefined,
      telegram: undefined,
      http: { port: 8080, requested: false },
      scheduler: { cron: '*/15 * * * * *' },
      notificationRetentionMs: 30 * 86_400_000,
      campaignDefaults: { name: 'Our campaign', timezone: 'UTC', locale: 'en' },
      log: { level: 'info', file: undefined },
      rateLimit: { commandsPerMinute: 20 },
      admins: [],
    });
  });

  it('names the first campaign in DEFAULT_LOCALE when CAMPAIGN_NAME is unset', () => {
    expect(load({ DEFAULT_LOCALE: 'fr' }).campaignDefaults.name).toBe('Notre campagne');
    expect(load({ DEFAULT_LOCALE: 'fr', CAMPAIGN_NAME: 'Quartier' }).campaignDefaults.name).toBe(
      'Quartier',
    );
  });

  it('tells a port asked for from the default one', () => {
    expect(load({ HTTP_PORT: '8080' }).http).toEqual({ port: 8080, requested: true });
  });

  it('treats empty and blank values as unset', () => {
    expect(load({ HTTP_PORT: '', DISCORD_TOKEN: '  ', LOG_LEVEL: '' })).toEqual(load({}));
  });

  it('reads every variable into its group', () => {
    const config = load({
      DATABASE_URL: 'postgresql://organizer:pw@db:5432/organizer',
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_BASE: 'http://127.0.0.1:4000/api/',
      DISCORD_GUILD_ID: '876543210987654321',
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:4001',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'hook_secret-1',
      HTTP_PORT: '8443',
      SCHEDULER_CRON: '0 * * * *',
      NOTIFICATION_RETENTION: '12h',
      CAMPAIGN_NAME: 'Save the park',
      DEFAULT_TIMEZONE: 'Europe/Paris',
      DEFAULT_LOCALE: 'fr',
      LOG_LEVEL: 'debug',
      COMMAND_RATE_LIMIT: '5',
      ADMIN_IDS: 'telegram:42',
    });
    expect(config.database.kind).toBe('postgresql');
    expect(config.discord).toEqual({
      token: DISCORD_TOKEN,
      applicationId: '123456789012345678',
      apiBase: 'http://127.0.0.1:4000/api',
      guildId: '876543210987654321',
    });
    expect(config.telegram).toEqual({
      token: TELEGRAM_TOKEN,
      apiRoot: 'http://127.0.0.1:4001',
      webhook: { url: 'https://bot.example.org/telegram', secret: 'hook_secret-1' },
    });
    expect(config.http.port).toBe(8443);
    expect(config.notificationRetentionMs).toBe(12 * 3_600_000);
    expect(config.campaignDefaults).toEqual({
      name: 'Save the park',
      timezone: 'Europe/Paris',
      locale: 'fr',
    });
    expect(config.rateLimit.commandsPerMinute).toBe(5);
    expect(configSecrets(config)).toEqual([DISCORD_TOKEN, TELEGRAM_TOKEN, 'hook_secret-1']);
  });

  it('returns a deeply frozen configuration', () => {
    const config = load({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, ADMIN_IDS: 'discord:1' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.telegram)).toBe(true);
    expect(Object.isFrozen(config.admins[0])).toBe(true);
  });

  it('parses ADMIN_IDS into platform and user id, tolerating spaces and a trailing comma', () => {
    const config = load({ ADMIN_IDS: ' discord:123456789012345678 ,telegram:987654321, ' });
    expect(config.admins).toEqual([
      { platform: 'discord', userId: '123456789012345678' },
      { platform: 'telegram', userId: '987654321' },
    ]);
  });

  it('normalizes the spelling of the default time zone', () => {
    expect(load({ DEFAULT_TIMEZONE: 'europe/paris' }).campaignDefaults.timezone).toBe(
      'Europe/Paris',
    );
  });

  it('accepts a plain http webhook on the local machine', () => {
    const config = load({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_URL: 'http://127.0.0.1:8080/telegram',
      TELEGRAM_WEBHOOK_SECRET: 's',
    });
    expect(config.telegram?.webhook?.url).toBe('http://127.0.0.1:8080/telegram');
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/organizer'],
    ['DATABASE_URL', 'file:'],
    ['DISCORD_TOKEN', 'Bot abc'],
    ['DISCORD_APPLICATION_ID', 'my-app'],
    ['DISCORD_API_BASE', 'discord.com/api'],
    ['DISCORD_API_BASE', 'https://discord.com/api/v10'],
    ['DISCORD_GUILD_ID', '12a'],
    ['TELEGRAM_BOT_TOKEN', 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'],
    ['TELEGRAM_API_ROOT', 'ftp://api.telegram.org'],
    ['TELEGRAM_WEBHOOK_URL', 'http://bot.example.org/telegram'],
    ['TELEGRAM_WEBHOOK_SECRET', 'has spaces'],
    ['TELEGRAM_WEBHOOK_SECRET', 'x'.repeat(257)],
    ['HTTP_PORT', 'abc'],
    ['HTTP_PORT', '65536'],
    ['SCHEDULER_CRON', 'every minute'],
    ['SCHEDULER_CRON', '61 * * * *'],
    ['NOTIFICATION_RETENTION', '30 days'],
    ['NOTIFICATION_RETENTION', '0d'],
    ['CAMPAIGN_NAME', 'x'.repeat(101)],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus_Mons'],
    ['DEFAULT_LOCALE', 'de'],
    ['LOG_LEVEL', 'verbose'],
    ['COMMAND_RATE_LIMIT', '0'],
    ['COMMAND_RATE_LIMIT', '2.5'],
    ['ADMIN_IDS', 'discord:123, slack:456'],
    ['ADMIN_IDS', 'telegram:@alice'],
  ])('refuses %s=%j with one line naming it and what is expected', (name, value) => {
    const env =
      name === 'TELEGRAM_WEBHOOK_URL' ? { [name]: value, TELEGRAM_WEBHOOK_SECRET: 's' } : {};
    const error = errorFor({ ...env, [name]: value });
    expect(error.variables).toEqual([name]);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toMatch(new RegExp(`^${name}: expected \\S`));
  });

  it('shows the bad value of a non-secret variable', () => {
    expect(errorFor({ HTTP_PORT: 'abc' }).message).toBe(
      'HTTP_PORT: expected an integer from 0 to 65535 (0 = off), got "abc"',
    );
  });

  it('reports several bad variables on several lines', () => {
    const error = errorFor({ HTTP_PORT: '-1', LOG_LEVEL: 'loud', DEFAULT_LOCALE: 'es' });
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^HTTP_PORT: /),
      expect.stringMatching(/^DEFAULT_LOCALE: /),
      expect.stringMatching(/^LOG_LEVEL: /),
    ]);
  });

  it('refuses a webhook URL without its secret', () => {
    const error = errorFor({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
    });
    expect(error.message).toBe(
      'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set',
    );
  });

  it('refuses a webhook without the HTTP server that would receive it', () => {
    const error = errorFor({
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 's3cret',
      HTTP_PORT: '0',
    });
    expect(error.variables).toEqual(['HTTP_PORT']);
    expect(error.message).toMatch(/^HTTP_PORT: must not be 0 when TELEGRAM_WEBHOOK_URL is set/);
  });

  it('never shows a token or secret in the error, even a malformed one', () => {
    const error = errorFor({
      DISCORD_TOKEN: `Bot ${DISCORD_TOKEN}`,
      TELEGRAM_BOT_TOKEN: `bot${TELEGRAM_TOKEN}`,
      TELEGRAM_WEBHOOK_SECRET: 'my secret!',
      TELEGRAM_WEBHOOK_URL: `http://bot.example.org/${TELEGRAM_TOKEN}`,
      HTTP_PORT: TELEGRAM_TOKEN,
    });
    expect(error.variables).toHaveLength(5);
    for (const secret of [DISCORD_TOKEN, TELEGRAM_TOKEN, 'my secret!', 'AAHdqTcvCH1vGWJx']) {
      expect(error.message).not.toContain(secret);
    }
  });

  it.each([
    'mysql://organizer:hunter2-pw@db/organizer',
    'postgresql://organizer:hunter2-pw@db:notaport/organizer',
    'organizer:hunter2-pw@db/organizer',
  ])('hides the password of a bad DATABASE_URL (%s)', (url) => {
    const error = errorFor({ DATABASE_URL: url });
    expect(error.message).toMatch(/^DATABASE_URL: expected .*\[REDACTED\]@db/);
    expect(error.message).not.toContain('hunter2-pw');
  });
});

describe('the .env file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function envFile(content: string): string {
    dir = mkdtempSync(join(tmpdir(), 'organizer-config-'));
    const path = join(dir, '.env');
    writeFileSync(path, content);
    return path;
  }

  it('is read, and variables of the environment win over it', () => {
    const path = envFile('HTTP_PORT=9000\nCAMPAIGN_NAME="From the file"\nLOG_LEVEL=warn\n');
    const config = loadConfig({ HTTP_PORT: '9100', LOG_LEVEL: '' }, { envFile: path });
    expect(config.http.port).toBe(9100);
    expect(config.campaignDefaults.name).toBe('From the file');
    expect(config.log.level).toBe('warn');
  });

  it('is optional', () => {
    expect(loadConfig({}, { envFile: '/nonexistent/organizer/.env' })).toEqual(load({}));
  });

  it('is validated like the environment', () => {
    const path = envFile('DEFAULT_LOCALE=de\n');
    expect(() => loadConfig({}, { envFile: path })).toThrow(/^DEFAULT_LOCALE: expected/);
  });

  it('has an example documenting every variable, valid once uncommented', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const assignments = example.match(/^# [A-Z_]+=.*$/gm) ?? [];
    const names = assignments.map((line) => line.slice(2, line.indexOf('=')));
    expect(names).toEqual(VARIABLES);
    const path = envFile(assignments.map((line) => line.slice(2)).join('\n'));
    expect(loadConfig({}, { envFile: path }).admins).toHaveLength(2);
  });
});

describe('databaseKind', () => {
  it('tells PostgreSQL URLs from SQLite files', () => {
    expect(databaseKind('file:./data/organizer.db')).toBe('sqlite');
    expect(databaseKind('postgres://db/organizer')).toBe('postgresql');
    expect(databaseKind('postgresql://db/organizer')).toBe('postgresql');
  });
});
