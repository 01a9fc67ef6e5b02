import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../fakes/fake-discord.ts';
import { testDispatcher } from '../../support/test-dispatcher.ts';
import { answerText, useDiscord } from './discord-harness.ts';

const world = useDiscord();

function inGuild(user: typeof world.organizer) {
  return { user, guild: world.guild };
}

async function register(user: typeof world.volunteer): Promise<void> {
  const notice = await world.run(inGuild(user), 'join');
  await world.press(inGuild(user), notice.original!, 'I agree');
}

describe('cover requests on Discord against the fake Discord', () => {
  it('offers a seat cancelled within the window to another volunteer, who takes it with the button', async () => {
    const { fake, organizer, volunteer } = world;
    const wendy = fake.addUser('wendy', { globalName: 'Wendy' });
    fake.addMember(world.guild, wendy);
    const setup = await world.run(inGuild(organizer), 'setup', { cover_window: '48h' });
    expect(answerText(setup)).toContain('Cover window: 2d');
    await world.run(inGuild(organizer), 'event create', {
      title: 'Canvass',
      start: '2026-12-01 10:00',
      duration: '4h',
      // Given here, the description does not open Discord's form.
      description: 'Meet at the market',
    });
    await world.run(inGuild(organizer), 'event shift add', {
      id: 1,
      start: '10:00',
      end: '12:00',
      capacity: 1,
      label: 'Morning',
    });
    await register(volunteer);
    await register(wendy);

    const list = await world.run(inGuild(volunteer), 'events');
    const yes = await world.press(inGuild(volunteer), list.original!, 'Yes #1.1');
    expect(answerText(yes)).toContain('You are going to #1.1 Canvass · Morning');
    const mine = await world.run(inGuild(volunteer), 'myevents');
    const no = await world.press(inGuild(volunteer), mine.original!, 'No #1.1');
    expect(answerText(no)).toContain('Your seat is offered to 1 other volunteer.');

    await testDispatcher(world.harness, [world.bot.notifier]).tick();
    const offer = fake.dmsTo(wendy).find((m) => m.content.includes('A seat is free'));
    expect(offer?.content).toContain('#1.1 Canvass · Morning');
    expect(buttonsOf(offer!).map((b) => b.label)).toEqual(['Take this seat']);
    expect(fake.dmsTo(volunteer).some((m) => m.content.includes('A seat is free'))).toBe(false);

    const taken = await world.press({ user: wendy }, offer!, 'Take this seat');
    expect(answerText(taken)).toContain('The seat is yours: you are going to #1.1');
    const attendees = await world.run(inGuild(organizer), 'event attendees', { id: 1 });
    expect(answerText(attendees)).toContain('Wendy');
    expect(answerText(attendees)).not.toContain('looking for');
  });
});
