import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError, InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram, telegramErrors } from './fake-telegram.ts';

const fakes: FakeTelegram[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function start(options?: Parameters<typeof FakeTelegram.start>[0]) {
  const fake = await FakeTelegram.start(options);
  fakes.push(fake);
  return { fake, api: new Api(fake.token, { apiRoot: fake.apiRoot }) };
}

async function errorOf(call: Promise<unknown>): Promise<GrammyError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe('the fake Bot API', () => {
  it('drops updates of types the bot did not ask for in allowed_updates', async () => {
    const { fake, api } = await start();
    await api.getUpdates({ offset: 0, timeout: 0, allowed_updates: ['message'] });
    const user = { id: 5 };
    const change = { from: 'member', to: 'kicked' } as const;
    expect((await fake.pushOwnMembership(user, change)).dropped).toBe(true);
    expect((await fake.pushText(user, 'hi')).dropped).toBeUndefined();
    await api.getUpdates({ offset: 0, timeout: 0, allowed_updates: ['message', 'my_chat_member'] });
    expect((await fake.pushOwnMembership(user, change)).dropped).toBeUndefined();
  });

  it('answers getMe for the right token and 401 for a wrong one', async () => {
    const { fake, api } = await start();
    expect((await api.getMe()).username).toBe(fake.botInfo.username);
    const wrong = new Api('42:wrong', { apiRoot: fake.apiRoot });
    expect((await errorOf(wrong.getMe())).error_code).toBe(401);
    expect(fake.calls.map((call) => call.tokenOk)).toEqual([true, false]);
  });

  it('holds a long poll until an update is pushed, and confirms it with the next offset', async () => {
    const { fake, api } = await start();
    const poll = api.getUpdates({ offset: 0, timeout: 30 });
    await fake.pushText({ id: 7 }, '/start');
    const [update] = await poll;
    expect(update?.message?.text).toBe('/start');
    expect(update?.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(await api.getUpdates({ offset: (update?.update_id ?? 0) + 1, timeout: 0 })).toEqual([]);
  });

  it('fails the chosen calls, then answers normally', async () => {
    const { fake, api } = await start();
    fake.fail({ method: 'sendMessage', times: 1 }, telegramErrors.tooManyRequests(3));
    const error = await errorOf(api.sendMessage(5, 'hello'));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(3);
    expect((await api.sendMessage(5, 'hello')).text).toBe('hello');
    expect(fake.tooManyRequests).toBe(1);
  });

  it('answers 429 beyond its messages-per-second limit', async () => {
    const { fake, api } = await start({ messagesPerSecond: 3 });
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((chat) => api.sendMessage(chat, 'hi')),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(fake.tooManyRequests).toBe(2);
  });

  it('reads multipart uploads and URL-encoded forms', async () => {
    const { fake, api } = await start();
    await api.sendDocument(9, new InputFile(Buffer.from('a,b\n1,2\n'), 'people.csv'), {
      caption: 'Export',
    });
    expect(fake.messages(9)[0]?.document?.file_name).toBe('people.csv');
    const response = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({
        chat_id: '9',
        text: 'form',
        reply_markup: '{"inline_keyboard":[]}',
      }),
    });
    expect(response.status).toBe(200);
    expect(fake.callsTo('sendMessage')[0]?.params.reply_markup).toEqual({ inline_keyboard: [] });
  });

  it('refuses getUpdates while a webhook is set', async () => {
    const { fake, api } = await start();
    await api.setWebhook('http://127.0.0.1:1/telegram', { secret_token: 'secret' });
    expect(fake.webhook).toEqual({ url: 'http://127.0.0.1:1/telegram', secretToken: 'secret' });
    expect((await errorOf(api.getUpdates({ timeout: 0 }))).error_code).toBe(409);
  });

  it('posts pushed updates to a local webhook with its secret token', async () => {
    const { fake, api } = await start();
    const received: { secret: unknown; body: string }[] = [];
    const webhook = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      received.push({ secret: request.headers['x-telegram-bot-api-secret-token'], body });
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = webhook.address() as AddressInfo;
      await api.setWebhook(`http://127.0.0.1:${port}/telegram`, { secret_token: 'secret' });
      const { webhookStatus, update } = await fake.pushText({ id: 8 }, '/help');
      expect(webhookStatus).toBe(200);
      expect(received).toEqual([{ secret: 'secret', body: JSON.stringify(update) }]);
    } finally {
      await new Promise((resolve) => webhook.close(resolve));
    }
  });
});
