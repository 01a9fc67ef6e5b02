import { describe, expect, it } from 'vitest';
import { createLogger, maskSecrets } from '../src/logger.ts';

const TELEGRAM_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456';
const WEBHOOK_SECRET = 'hook_secret-value';

/** A logger writing into memory, told about the bot tokens and webhook secret. */
function memoryLogger(secrets = [DISCORD_TOKEN, TELEGRAM_TOKEN, WEBHOOK_SECRET]) {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    secrets,
    destination: { write: (line: string) => lines.push(line) },
  });
  return { logger, output: () => lines.join('') };
}

function expectNoSecret(output: string) {
  for (const secret of [DISCORD_TOKEN, TELEGRAM_TOKEN, WEBHOOK_SECRET, 'AAHdqTcvCH1vGWJx']) {
    expect(output).not.toContain(secret);
  }
}

describe('createLogger', () => {
  it('writes JSON lines at the configured level', () => {
    const { logger, output } = memoryLogger();
    logger.info({ campaign: 3 }, 'campaign created');
    expect(JSON.parse(output())).toMatchObject({ level: 30, campaign: 3, msg: 'campaign created' });
  });

  it('redacts tokens under secret-looking keys', () => {
    const { logger, output } = memoryLogger([]);
    logger.info({
      token: DISCORD_TOKEN,
      telegram: { botToken: TELEGRAM_TOKEN, webhook: { secret: WEBHOOK_SECRET } },
      headers: { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
    });
    expectNoSecret(output());
    expect(JSON.parse(output())).toMatchObject({
      token: '[REDACTED]',
      telegram: { botToken: '[REDACTED]', webhook: { secret: '[REDACTED]' } },
    });
  });

  it('scrubs a known token nested under an unknown key', () => {
    const { logger, output } = memoryLogger();
    logger.warn({
      payload: { a: { b: { c: { d: [`value ${WEBHOOK_SECRET}`, DISCORD_TOKEN] } } } },
    });
    expectNoSecret(output());
  });

  it('scrubs tokens from error messages and stack traces', () => {
    const { logger, output } = memoryLogger();
    logger.error(new Error(`login failed with ${DISCORD_TOKEN} and ${TELEGRAM_TOKEN}`));
    const line = JSON.parse(output());
    expect(line.err.stack).toContain('login failed with [REDACTED] and [REDACTED]');
    expectNoSecret(output());
  });

  it('scrubs a Telegram token in a Bot API URL even when nobody declared it', () => {
    const { logger, output } = memoryLogger([]);
    const url = `https://api.telegram.org/bot${TELEGRAM_TOKEN}/getMe`;
    logger.error({ err: new TypeError(`fetch failed: ${url}`), url }, `GET ${url}`);
    expect(JSON.parse(output()).msg).toBe('GET https://api.telegram.org/bot[REDACTED]/getMe');
    expectNoSecret(output());
  });

  it('scrubs secrets from child logger bindings', () => {
    const { logger, output } = memoryLogger();
    logger.child({ adapter: `telegram ${TELEGRAM_TOKEN}` }).info('started');
    expectNoSecret(output());
  });
});

describe('maskSecrets', () => {
  it('hides the credentials of a database URL', () => {
    expect(maskSecrets('connecting to postgresql://organizer:hunter2@db:5432/organizer')).toBe(
      'connecting to postgresql://[REDACTED]@db:5432/organizer',
    );
  });

  it('hides a secret in its JSON-escaped form', () => {
    const secret = 'pa"ss\\word';
    expect(maskSecrets(JSON.stringify({ secret }), [secret])).toBe('{"secret":"[REDACTED]"}');
  });

  it('leaves ordinary text alone', () => {
    const text = 'event #12 at 2026-12-05T18:00:00Z on http://localhost:8080/healthz';
    expect(maskSecrets(text, [undefined])).toBe(text);
  });
});
