import { Api } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TelegramNotifier } from '../../../src/bots/telegram/telegram-notifier.ts';
import type { Button } from '../../../src/core/interaction/reply.ts';
import { DeliveryError, type OutgoingMessage } from '../../../src/core/notifications/notifier.ts';
import { FakeTelegram, telegramErrors } from '../../fakes/fake-telegram.ts';

let fake: FakeTelegram;
let notifier: TelegramNotifier;

beforeAll(async () => {
  fake = await FakeTelegram.start();
  notifier = new TelegramNotifier(new Api(fake.token, { apiRoot: fake.apiRoot }));
});
afterAll(() => fake.close());
beforeEach(() => fake.clearFailures());

function message(chatId: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    key: `test:${chatId}`,
    recipient: { platform: 'telegram', externalId: chatId, chatId },
    blocks: ['Reminder: Door knocking starts in 1 hour.', 'Meet at the station.'],
    locale: 'en',
    ...extra,
  };
}

async function failure(send: Promise<void>): Promise<DeliveryError> {
  const error = await send.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  expect((error as Error).message).not.toContain(fake.token);
  expect((error as Error).message).not.toContain(fake.token.split(':')[1]);
  return error as DeliveryError;
}

describe('TelegramNotifier', () => {
  it('sends the blocks as plain text separated by blank lines, to the private chat', async () => {
    await notifier.send(message('1001'));
    const [sent] = fake.messages(1001);
    expect(sent?.text).toBe('Reminder: Door knocking starts in 1 hour.\n\nMeet at the station.');
    const params = fake.callsTo('sendMessage').at(-1)?.params;
    expect(params?.parse_mode).toBeUndefined();
  });

  it('falls back to the user id when the private chat is unknown', async () => {
    await notifier.send(
      message('1002', { recipient: { platform: 'telegram', externalId: '1002', chatId: null } }),
    );
    expect(fake.messages(1002)).toHaveLength(1);
  });

  it('turns buttons into an inline keyboard whose data is the command line', async () => {
    const buttons: Button[][] = [
      [
        {
          label: 'Still coming',
          action: { command: 'event', subcommand: 'rsvp', args: { id: 12, answer: 'yes' } },
        },
        {
          label: "Can't make it",
          action: { command: 'event', subcommand: 'rsvp', args: { id: 12, answer: 'no' } },
        },
      ],
    ];
    await notifier.send(message('1003', { buttons }));
    expect(fake.messages(1003)[0]?.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Still coming', callback_data: '/event rsvp id:12 answer:yes' },
          { text: "Can't make it", callback_data: '/event rsvp id:12 answer:no' },
        ],
      ],
    });
  });

  it('refuses a button whose command line exceeds 64 bytes, without sending anything', async () => {
    const long = {
      label: 'Long',
      action: { command: 'task', subcommand: 'claim', args: { note: 'x'.repeat(60) } },
    };
    const error = await failure(notifier.send(message('1004', { buttons: [[long]] })));
    expect(error.failure).toBe('permanent');
    expect(fake.messages(1004)).toHaveLength(0);
  });

  it('cuts text longer than 4096 characters', async () => {
    await notifier.send(message('1005', { blocks: ['a'.repeat(5000)] }));
    const text = fake.messages(1005)[0]?.text ?? '';
    expect(text).toHaveLength(4096);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('TelegramNotifier failures', () => {
  it('reports a user who blocked the bot as unreachable', async () => {
    fake.fail({ chatId: 2001 }, telegramErrors.blocked);
    expect((await failure(notifier.send(message('2001')))).failure).toBe('unreachable');
  });

  it('reports an unknown chat as unreachable', async () => {
    fake.fail({ chatId: 2002 }, telegramErrors.chatNotFound);
    expect((await failure(notifier.send(message('2002')))).failure).toBe('unreachable');
  });

  it('reports 429 as rate limited for that chat only, with retry_after in milliseconds', async () => {
    fake.fail({ method: 'sendMessage', times: 1 }, telegramErrors.tooManyRequests(7));
    const error = await failure(notifier.send(message('2003')));
    expect(error.failure).toBe('rate_limited');
    expect(error.scope).toBe('chat');
    expect(error.retryAfterMs).toBe(7_000);
  });

  it('reports server errors as transient', async () => {
    fake.fail({ chatId: 2004 }, telegramErrors.serverError);
    expect((await failure(notifier.send(message('2004')))).failure).toBe('transient');
  });

  it('reports other client errors as permanent', async () => {
    fake.fail({ chatId: 2005 }, { status: 400, description: 'Bad Request: message text is empty' });
    const error = await failure(notifier.send(message('2005')));
    expect(error.failure).toBe('permanent');
    expect(error.message).toContain('message text is empty');
  });

  it('reports an unreachable Bot API as transient, without the token in the message', async () => {
    const gone = await FakeTelegram.start();
    await gone.close();
    const offline = new TelegramNotifier(new Api(fake.token, { apiRoot: gone.apiRoot }));
    expect((await failure(offline.send(message('2006')))).failure).toBe('transient');
  });
});
