import { describe, expect, it } from 'vitest';
import { REPLY_MAX_WAIT_S } from '../../../src/bots/telegram/telegram-bot.ts';
import { telegramErrors } from '../../fakes/fake-telegram.ts';
import { textOf, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const world = useTelegram({ admins: [String(olga.id)] });
const APOLOGY = 'Sorry, something went wrong';
const { tooManyRequests } = telegramErrors;

async function createEvent(title: string): Promise<number> {
  const sent = await world.say(olga, `/event create title:${title} start:"2026-12-05 18:00"`);
  const id = /Event #(\d+) created/.exec(textOf(sent))?.[1];
  if (!id) throw new Error(`no event created: ${textOf(sent)}`);
  return Number(id);
}

async function statusOf(eventId: number): Promise<string | undefined> {
  return (await world.harness.db.client.event.findUnique({ where: { id: eventId } }))?.status;
}

describe('a reply that fails after its command ran', () => {
  it('is sent again: the organizer sees the event cancelled, never an apology', async () => {
    const id = await createEvent('Storm');
    world.fake.fail(
      { method: 'sendMessage', chatId: olga.id, times: 1 },
      { status: 502, description: 'Bad Gateway' },
    );
    const sent = await world.say(olga, `/event cancel ${id} Storm warning`);
    expect(textOf(sent)).toContain(`Event #${id} Storm is cancelled.`);
    expect(textOf(sent)).not.toContain(APOLOGY);
    expect(await statusOf(id)).toBe('cancelled');
  }, 60_000);

  it('never tells the user that a done thing failed when the reply cannot be sent', async () => {
    const id = await createEvent('Flood');
    world.fake.fail(
      { method: 'sendMessage', chatId: olga.id, times: 1 },
      { status: 400, description: 'Bad Request: message is too long' },
    );
    const sent = await world.say(olga, `/event cancel ${id}`);
    expect(textOf(sent)).not.toContain(APOLOGY);
    expect(textOf(sent)).toBe('Your command was carried out, but its answer could not be shown.');
    expect(await statusOf(id)).toBe('cancelled');
    expect(world.logs.join('\n')).toContain('telegram reply not delivered');
  }, 60_000);
});

describe('a reply that meets a flood limit', () => {
  it('waits out a 429 with retry_after: 2 and the user gets the answer', async () => {
    const id = await createEvent('Picnic');
    world.fake.fail({ method: 'sendMessage', chatId: olga.id, times: 1 }, tooManyRequests(2));
    const refusals = world.fake.tooManyRequests;
    const sent = await world.say(olga, `/event cancel ${id}`);
    expect(world.fake.tooManyRequests).toBe(refusals + 1);
    expect(textOf(sent)).toContain(`Event #${id} Picnic is cancelled.`);
    expect(textOf(sent)).not.toContain(APOLOGY);
  }, 60_000);

  it('waits out a 429 on the edit that shows a pressed button’s outcome', async () => {
    const [notice] = await world.say(olga, '/start');
    await world.press(olga, notice!, 'I agree');
    const id = await createEvent('Market');
    const list = (await world.say(olga, '/events')).at(-1)!;
    world.fake.fail({ method: 'editMessageText', times: 1 }, tooManyRequests(2));
    await world.press(olga, list, `Yes #${id}`);
    const shown = world.fake.messages(olga.id).find((m) => m.message_id === list.message_id);
    expect(shown?.text).toContain(`You are going to #${id} Market`);
  }, 60_000);

  it('does not wait out a flood limit longer than its bound: the user hears the command ran', async () => {
    const id = await createEvent('Parade');
    world.fake.fail(
      { method: 'sendMessage', chatId: olga.id, times: 1 },
      tooManyRequests(REPLY_MAX_WAIT_S + 50),
    );
    const sent = await world.say(olga, `/event cancel ${id}`);
    expect(textOf(sent)).toBe('Your command was carried out, but its answer could not be shown.');
    expect(await statusOf(id)).toBe('cancelled');
  }, 60_000);
});
