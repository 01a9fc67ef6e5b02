import { describe, expect, it } from 'vitest';
import { textOf, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const world = useTelegram({ admins: [String(olga.id)] });
const APOLOGY = 'Sorry, something went wrong';

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
