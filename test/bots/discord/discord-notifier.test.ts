import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectLongDirectMessageWaits } from '../../../src/bots/discord/discord-errors.ts';
import { DiscordNotifier } from '../../../src/bots/discord/discord-notifier.ts';
import { DeliveryError, type OutgoingMessage } from '../../../src/core/notifications/notifier.ts';
import { buttonsOf, FakeDiscord, type FakeUser } from '../../fakes/fake-discord.ts';

let fake: FakeDiscord;
let notifier: DiscordNotifier;
let ana: FakeUser;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  ana = fake.addUser('ana');
  const rest = new REST({ api: fake.apiBase, rejectOnRateLimit: rejectLongDirectMessageWaits });
  notifier = new DiscordNotifier(rest.setToken(fake.token));
});
afterAll(() => fake.close());

function reminder(externalId: string, chatId: string | null = null): OutgoingMessage {
  return {
    key: 'event_reminder:1:1:24h',
    recipient: { platform: 'discord', externalId, chatId },
    blocks: ['Reminder: **Canvass** starts tomorrow'],
    buttons: [
      [
        {
          label: 'Still coming',
          action: { command: 'event', subcommand: 'rsvp', args: { id: 1, answer: 'yes' } },
        },
        {
          label: "Can't make it",
          action: { command: 'event', subcommand: 'rsvp', args: { id: 1, answer: 'no' } },
        },
      ],
    ],
    locale: 'en',
  };
}

async function failure(send: Promise<unknown>): Promise<DeliveryError> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  expect(String((error as Error).message)).not.toContain(fake.token);
  return error as DeliveryError;
}

describe('DiscordNotifier', () => {
  it('opens the DM channel only while its id is unknown, hands it back, and posts there with buttons', async () => {
    const receipt = await notifier.send(reminder(ana.id));
    expect(receipt.chatId).toMatch(/^\d+$/);
    expect(notifier.requestsFor(reminder(ana.id).recipient)).toBe(2);
    const known = reminder(ana.id, receipt.chatId);
    expect(await notifier.send(known)).toEqual({});
    expect(notifier.requestsFor(known.recipient)).toBe(1);
    const opened = fake.calls.filter((c) => c.path === '/users/@me/channels');
    expect(opened.map((c) => c.body)).toEqual([{ recipient_id: ana.id }]);
    expect(fake.dmsTo(ana)).toHaveLength(2);
    const [first] = fake.dmsTo(ana);
    expect(first?.content).toBe('Reminder: \\*\\*Canvass\\*\\* starts tomorrow');
    expect(buttonsOf(first!).map((b) => [b.label, b.customId])).toEqual([
      ['Still coming', '/event rsvp id:1 answer:yes'],
      ["Can't make it", '/event rsvp id:1 answer:no'],
    ]);
    expect(fake.calls.find((c) => c.path.endsWith('/messages'))?.body).toMatchObject({
      allowed_mentions: { parse: [] },
    });
  });

  it('reports 50007 (cannot send messages to this user) as unreachable', async () => {
    fake.fail({
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      code: 50007,
      message: 'Cannot send messages to this user',
    });
    const error = await failure(notifier.send(reminder(ana.id)));
    expect(error.failure).toBe('unreachable');
    expect(error.message).toContain('50007');
  });

  it('hands a long rate limit of a channel back as rate_limited for that channel, with Discord’s retry_after', async () => {
    fake.fail({ path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 30 });
    const error = await failure(notifier.send(reminder(ana.id)));
    expect(error.failure).toBe('rate_limited');
    expect(error.scope).toBe('chat');
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(30_000);
  });

  it('reports server errors as transient, after discord.js’s own retries', async () => {
    fake.fail({ path: /^\/channels\/\d+\/messages$/, status: 502, times: 4 });
    expect((await failure(notifier.send(reminder(ana.id)))).failure).toBe('transient');
  });

  it('reports other refusals, such as an unknown user, as permanent', async () => {
    expect((await failure(notifier.send(reminder('999999999999999999')))).failure).toBe(
      'permanent',
    );
  });

  it('reports an unreachable Discord as transient', async () => {
    const offline = new REST({ api: 'http://127.0.0.1:1/api', retries: 0 }).setToken(fake.token);
    const error = await failure(new DiscordNotifier(offline).send(reminder(ana.id)));
    expect(error.failure).toBe('transient');
  });
});
