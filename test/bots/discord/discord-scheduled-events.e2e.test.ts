import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/interaction/request.ts';
import { buttonsOf, type FakeUser } from '../../fakes/fake-discord.ts';
import { wordsOf } from '../../support/platform-words.ts';
import { answerText, useDiscord } from './discord-harness.ts';

const world = useDiscord();
const GROUP = { platform: 'telegram' as const, id: '-100777', title: 'Riverside Telegram' };
const telegramOrganizer: Actor = {
  platform: 'telegram',
  userId: '4242',
  chatId: '4242',
  username: 'tess',
  spaceAdmin: true,
};

/** Types a line in the Telegram group bound to the same campaign. */
async function onTelegram(line: string): Promise<string> {
  const reply = await world.harness.core.text.handle(line, {
    actor: telegramOrganizer,
    space: GROUP,
    words: wordsOf('telegram'),
  });
  return reply?.blocks.join('\n') ?? '';
}

/** One round of the scheduler's work for the Discord bot. */
async function tick(): Promise<void> {
  await world.bot.tick!(new AbortController().signal);
}

/** Waits until the bot acted on a gateway event it was sent. */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`never happened: ${what}`);
}

async function campaignId(): Promise<number> {
  const space = await world.harness.db.store.campaigns.findSpace('discord', world.guild.id);
  return space!.campaignId;
}

async function answerOf(user: FakeUser): Promise<string | undefined> {
  const { store } = world.harness.db;
  const id = await campaignId();
  const supporter = await store.supporters.findByIdentity(id, 'discord', user.id);
  if (!supporter) return undefined;
  return (await store.events.findRsvp(id, 1, supporter.id))?.answer;
}

function scheduled() {
  return world.fake.scheduledEventsOf(world.guild);
}

describe('Discord scheduled events mirror the campaign events, both ways', () => {
  it('shows an event created on Telegram in the server Events, once', async () => {
    await world.run({ user: world.organizer, guild: world.guild }, 'setup', {
      timezone: 'Europe/Paris',
    });
    const id = await campaignId();
    // The campaign's Telegram group, where its administrators are organizers.
    await world.harness.db.store.campaigns.bindSpace(id, 'telegram', GROUP.id, {
      title: GROUP.title,
    });
    const created = await onTelegram(
      '/event create title:"Canvass the market" start:"2026-12-05 18:00" duration:2h location:"Market square" description:"Bring leaflets"',
    );
    expect(created).toContain('#1');

    await tick();
    const [event] = scheduled();
    expect(event).toMatchObject({
      name: 'Canvass the market',
      location: 'Market square',
      status: 1,
      entityType: 3,
      privacyLevel: 2,
      startsAt: '2026-12-05T17:00:00.000Z',
      endsAt: '2026-12-05T19:00:00.000Z',
    });
    expect(event!.description).toContain('Bring leaflets');
    expect(event!.description).toContain('Event #1');

    // Another round, and another bot process on the same database: nothing sent twice.
    const second = await world.startBot();
    await Promise.all([tick(), second.tick!(new AbortController().signal)]);
    await second.stop();
    expect(scheduled()).toHaveLength(1);
    const mirror = await world.harness.db.store.eventMirrors.findByExternal(
      (await world.harness.db.store.campaigns.findSpace('discord', world.guild.id))!.id,
      event!.id,
    );
    expect(mirror?.eventId).toBe(1);
  });

  it('counts "Interested" from a registered member as maybe, and taking it back withdraws it', async () => {
    const notice = await world.run({ user: world.volunteer, guild: world.guild }, 'join');
    await world.press({ user: world.volunteer, guild: world.guild }, notice.original!, 'I agree');
    const [event] = scheduled();

    world.fake.interested(world.volunteer, world.guild, event!.id);
    await until(async () => (await answerOf(world.volunteer)) === 'maybe', 'a maybe');

    world.fake.interested(world.volunteer, world.guild, event!.id, false);
    await until(async () => (await answerOf(world.volunteer)) === 'no', 'the maybe withdrawn');
  });

  it('keeps a yes given through the bot when "Interested" is taken back', async () => {
    const [event] = scheduled();
    await world.run({ user: world.volunteer, guild: world.guild }, 'event rsvp', {
      id: 1,
      answer: 'yes',
    });
    world.fake.interested(world.volunteer, world.guild, event!.id);
    world.fake.interested(world.volunteer, world.guild, event!.id, false);
    // Gateway events are handled in order: a third one shows the first two were.
    const newcomer = world.fake.addUser('nina');
    world.fake.addMember(world.guild, newcomer);
    world.fake.interested(newcomer, world.guild, event!.id);
    await until(() => world.fake.dmsTo(newcomer).length > 0, 'the privacy notice');
    expect(await answerOf(world.volunteer)).toBe('yes');
  });

  it('sends someone unregistered the privacy notice by DM and stores nothing about them', async () => {
    const stranger = world.fake.addUser('sam');
    world.fake.addMember(world.guild, stranger);
    world.fake.interested(stranger, world.guild, scheduled()[0]!.id);
    await until(() => world.fake.dmsTo(stranger).length > 0, 'the privacy notice');
    await world.bot.idle();
    const [dm] = world.fake.dmsTo(stranger);
    expect(dm!.content).toContain('Before you join Riverside Greens');
    expect(buttonsOf(dm!).map((b) => b.label)).toEqual(['I agree']);
    const { store } = world.harness.db;
    expect(await store.supporters.findByIdentity(await campaignId(), 'discord', stranger.id)).toBe(
      null,
    );
  });

  it('updates the scheduled event when the event is edited or gets shifts', async () => {
    await onTelegram('/event edit 1 location:"Town hall" start:"2026-12-05 17:00"');
    await onTelegram('/event shift add 1 start:"17:00" end:"18:00" capacity:4 label:"Setting up"');
    await tick();
    const [event] = scheduled();
    expect(event?.location).toBe('Town hall');
    expect(event?.startsAt).toBe('2026-12-05T16:00:00.000Z');
    expect(event?.description).toContain('Shift 1: 17:00-18:00 Setting up');
  });

  it('cancels the scheduled event when the event is cancelled on Telegram', async () => {
    expect(await onTelegram('/event cancel 1 reason:"Rain"')).toContain('#1');
    await tick();
    expect(scheduled()[0]?.status).toBe(4);
  });

  it('marks a scheduled event completed once its event is over', async () => {
    await onTelegram(
      '/event create title:"Door knocking" start:"2026-12-06 10:00" duration:2h location:"North estate"',
    );
    await tick();
    const knocking = scheduled().find((e) => e.name === 'Door knocking');
    expect(knocking?.status).toBe(1);
    world.harness.clock.set(new Date('2026-12-06T12:30:00Z'));
    await tick();
    expect(scheduled().find((e) => e.name === 'Door knocking')?.status).toBe(3);
  });

  it('leaves alone a scheduled event the server deleted, even after an edit', async () => {
    const created = await onTelegram(
      '/event create title:"Leafleting" start:"2026-12-20 10:00" duration:2h location:"Station"',
    );
    const id = Number(/#(\d+)/.exec(created)?.[1]);
    await tick();
    const leafleting = scheduled().find((e) => e.name === 'Leafleting')!;
    world.fake.scheduledEvents.delete(leafleting.id);
    expect(await onTelegram(`/event edit ${id} location:"Bus stop"`)).toContain(`#${id}`);
    await tick();
    await tick();
    expect(scheduled().filter((e) => e.name === 'Leafleting')).toEqual([]);
    const patches = world.fake.calls.filter(
      (c) => c.method === 'PATCH' && c.path.endsWith(leafleting.id),
    );
    expect(patches).toHaveLength(1);
  });

  it('shows a series once, at its next date', async () => {
    const created = await onTelegram(
      '/event create title:"Phone bank" start:"2026-12-08 18:00" repeat:weekly count:4',
    );
    expect(created).toContain('4 dates are scheduled so far');
    await tick();
    const shown = scheduled().filter((e) => e.name === 'Phone bank');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.description).toContain('Repeats: the later dates are in /events');
  });

  it('warns the organizer who ran /setup once when the bot may not manage events', async () => {
    const guild = world.fake.addGuild('Hillside Reds', world.organizer);
    await world.bot.stop();
    world.bot = await world.startBot();
    world.fake.withoutEventPermissions.add(guild.id);
    const setup = await world.run({ user: world.organizer, guild }, 'setup', {
      timezone: 'Europe/Paris',
    });
    expect(answerText(setup)).toContain('Hillside Reds');
    const before = world.fake.dmsTo(world.organizer).length;
    await world.harness.core.runner.run({
      command: 'event',
      subcommand: 'create',
      args: { title: 'Picnic', start: '2026-12-10 12:00', location: 'Park' },
      actor: { platform: 'discord', userId: world.organizer.id, spaceAdmin: true },
      space: { platform: 'discord', id: guild.id, title: guild.name },
      requestId: 'picnic',
      words: wordsOf('discord'),
    });
    await tick();
    // Tried again later, still refused: no second warning.
    world.harness.clock.advance(10 * 60_000);
    await tick();
    const warnings = world.fake.dmsTo(world.organizer).slice(before);
    expect(warnings.map((m) => m.content)).toEqual([
      expect.stringContaining('needs the Create Events and Manage Events permissions'),
    ]);
    expect(world.fake.scheduledEventsOf(guild)).toEqual([]);
  });
});
