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
const silent = { info: () => {}, warn: () => {}, error: () => {} };

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
    const update = {
      update_id: 99,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 501, type: 'private' },
        from: { id: 501, is_bot: false, first_name: 'Eve' },
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    };
    const url = `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`;
    const attempts: Record<string, string>[] = [{ 'x-telegram-bot-api-secret-token': 'wrong' }, {}];
    for (const headers of attempts) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
      expect(response.status).toBe(401);
    }
    expect(fake.callsTo('sendMessage')).toHaveLength(sentBefore);
  });
});
