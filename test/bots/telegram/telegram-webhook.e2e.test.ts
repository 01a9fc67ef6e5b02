import { request } from 'node:http';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTelegramBot,
  TELEGRAM_WEBHOOK_PATH,
  type TelegramBot,
} from '../../../src/bots/telegram/telegram-bot.ts';
import type { RouteHandler } from '../../../src/http/server.ts';
import { type HttpServer, startHttpServer } from '../../../src/http/server.ts';
import { FakeTelegram } from '../../fakes/fake-telegram.ts';
import { useCore } from '../../support/core-harness.ts';

const SECRET = 'webhook-secret-0123';
const harness = useCore();
let fake: FakeTelegram;
let server: HttpServer;
let bot: TelegramBot;
/** What the bot and the server logged: message and details, one entry per line. */
const logged: { message: string; details: Record<string, unknown> }[] = [];
const record = (details: Record<string, unknown>, message: string) => {
  logged.push({ message, details });
};
const silent = { info: () => {}, warn: record, error: record };

beforeAll(async () => {
  fake = await FakeTelegram.start();
  // The webhook URL names the server's port, known once it listens: the route is filled in after.
  let webhook: RouteHandler = (_request, response) => response.writeHead(503).end();
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    metrics: { registry: new Registry() },
    ready: () => true,
    log: silent,
    routes: [
      { method: 'POST', path: TELEGRAM_WEBHOOK_PATH, handler: (req, res) => webhook(req, res) },
    ],
  });
  const url = `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`;
  bot = await startTelegramBot({
    config: { token: fake.token, apiRoot: fake.apiRoot, webhook: { url, secret: SECRET } },
    core: harness.core,
    log: silent,
  });
  webhook = bot.routes![0]!.handler;
});
afterAll(async () => {
  await bot?.stop();
  await server?.close();
  await fake?.close();
});

describe('Telegram webhook mode', () => {
  it('registers the webhook with its secret at start', () => {
    expect(fake.webhook).toEqual({
      url: `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`,
      secretToken: SECRET,
    });
  });

  it('answers updates posted with the right secret', async () => {
    const { webhookStatus } = await fake.pushText({ id: 500, firstName: 'Ada' }, '/help');
    expect(webhookStatus).toBe(200);
    expect(fake.messages(500).at(-1)?.text).toContain('/start');
  });

  it('refuses requests with a wrong or missing secret with 401, doing nothing', async () => {
    const sentBefore = fake.callsTo('sendMessage').length;
    const attempts: Record<string, string>[] = [{ 'x-telegram-bot-api-secret-token': 'wrong' }, {}];
    for (const headers of attempts) {
      const response = await fetch(webhookUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: textUpdate('/help'),
      });
      expect(response.status).toBe(401);
    }
    expect(fake.callsTo('sendMessage')).toHaveLength(sentBefore);
  });

  /** Posts a raw body with the right secret; resolves to the status and what was logged meanwhile. */
  async function post(body: string): Promise<{ status: number; lines: typeof logged }> {
    const before = logged.length;
    const response = await fetch(webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body,
    });
    await response.text();
    return { status: response.status, lines: logged.slice(before) };
  }

  function webhookUrl(): string {
    return `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`;
  }

  function textUpdate(text: unknown): string {
    return JSON.stringify({
      update_id: 700,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 502, type: 'private' },
        from: { id: 502, is_bot: false, first_name: 'Mal' },
        text,
      },
    });
  }

  it('refuses a body over the limit with 413 before it has all arrived, doing nothing', async () => {
    const sentBefore = fake.callsTo('sendMessage').length;
    const before = logged.length;
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(webhookUrl());
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(10 * 1024 * 1024),
          'x-telegram-bot-api-secret-token': SECRET,
        },
      });
      req.on('response', (response) => {
        resolve(response.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      // Only the first 64 KiB of the announced 10 MiB are ever sent.
      req.write(`{"update_id": 701, "message": {"text": "/help ${'x'.repeat(64 * 1024)}`);
    });
    expect(status).toBe(413);
    expect(fake.callsTo('sendMessage')).toHaveLength(sentBefore);
    expect(logged.slice(before)).toEqual([
      { message: 'telegram webhook body too large', details: expect.any(Object) },
    ]);
  });

  it('refuses a body that grows over the limit without announcing its length', async () => {
    const sentBefore = fake.callsTo('sendMessage').length;
    const { status, lines } = await post(textUpdate(`/help ${'y'.repeat(2 * 1024 * 1024)}`));
    expect(status).toBe(413);
    expect(lines.map((line) => line.message)).toEqual(['telegram webhook body too large']);
    expect(fake.callsTo('sendMessage')).toHaveLength(sentBefore);
  });

  it('answers malformed JSON with 400 and one log line without a stack', async () => {
    const { status, lines } = await post('{"update_id": 702, "message": ');
    expect(status).toBe(400);
    expect(lines).toEqual([
      { message: 'telegram webhook body is not an update', details: expect.any(Object) },
    ]);
    expect(JSON.stringify(lines)).not.toContain('    at ');
  });

  it('answers a text that is not a string with 400, doing nothing', async () => {
    const sentBefore = fake.callsTo('sendMessage').length;
    for (const text of [{ evil: true }, 12, ['/help']]) {
      const { status, lines } = await post(textUpdate(text));
      expect(status).toBe(400);
      expect(lines.map((line) => line.message)).toEqual(['telegram webhook body is not an update']);
    }
    expect(fake.callsTo('sendMessage')).toHaveLength(sentBefore);
  });
});
