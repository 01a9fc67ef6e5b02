import { describe, expect, it } from 'vitest';
import { shownText } from '../../fakes/fake-discord.ts';
import { testDispatcher } from '../../support/test-dispatcher.ts';
import { answerText, useDiscord } from './discord-harness.ts';

const world = useDiscord();

/** 18:00 in Paris on 5 December 2026, and the task's due time, as Unix seconds. */
const EVENT_START = Date.UTC(2026, 11, 5, 17, 0) / 1000;
const TASK_DUE = Date.UTC(2026, 11, 6, 9, 0) / 1000;
/** The zoned text Telegram and the console show: `Sat 5 Dec 2026, 18:00 (Europe/Paris)`. */
const ZONED = /\d{4}, \d{2}:\d{2} \(/;

function allContents(): string[] {
  return [...world.fake.messages.values()].map(shownText);
}

describe('instants on Discord', () => {
  it('carry Discord timestamps beside the zoned echo in replies, announcements and direct messages', async () => {
    const { organizer, volunteer, guild } = world;
    const channel = guild.channelIds[0]!;
    await world.run({ user: organizer, guild }, 'setup', {
      timezone: 'Europe/Paris',
      channel: `<#${channel}>`,
    });
    const created = await world.run({ user: organizer, guild }, 'event create', {
      title: 'Canvass the market',
      start: '2026-12-05 18:00',
      description: 'Leaflets at the stall',
    });
    expect(answerText(created)).toContain(
      `Sat 5 Dec 2026, 18:00 (Europe/Paris) · <t:${EVENT_START}:F> (<t:${EVENT_START}:R>)`,
    );
    const shift = await world.run({ user: organizer, guild }, 'event shift add', {
      id: 1,
      start: '18:00',
      end: '19:00',
      capacity: 2,
    });
    expect(answerText(shift)).toContain(
      `18:00-19:00 (<t:${EVENT_START}:t>-<t:${EVENT_START + 3600}:t>)`,
    );
    const task = await world.run({ user: organizer, guild }, 'task create', {
      title: 'Bake a cake',
      due: '2026-12-06 10:00',
      description: 'For the fair',
    });
    expect(answerText(task)).toContain(`<t:${TASK_DUE}:F>`);
    const announced = world.fake.messagesIn(channel).map(shownText);
    expect(announced.find((c) => c.includes('Canvass'))).toContain(`<t:${EVENT_START}:F>`);
    expect(announced.find((c) => c.includes('Bake a cake'))).toContain(`<t:${TASK_DUE}:F>`);

    const notice = await world.run({ user: volunteer, guild }, 'join');
    await world.press({ user: volunteer, guild }, notice.original!, 'I agree');
    const list = await world.run({ user: volunteer, guild }, 'events');
    expect(answerText(list)).toContain(`<t:${EVENT_START}:F>`);
    expect(answerText(list)).toContain(`<t:${EVENT_START}:t>-<t:${EVENT_START + 3600}:t>`);
    await world.press({ user: volunteer, guild }, list.original!, /Yes/);
    world.harness.clock.set(new Date('2026-12-04T17:00:00Z'));
    await testDispatcher(world.harness, [world.bot.notifier]).tick();
    const reminder = world.fake.dmsTo(volunteer).find((m) => m.content.includes('Reminder'));
    expect(reminder?.content).toContain(`<t:${EVENT_START}:F> (<t:${EVENT_START}:R>)`);

    const contents = allContents();
    // Wherever a zoned time is echoed, the reader's own time is beside it.
    expect(contents.filter((c) => ZONED.test(c) && !c.includes('<t:'))).toEqual([]);
    const withInstants = contents.filter((c) => /Canvass|Bake a cake/.test(c) && /<t:/.test(c));
    expect(withInstants.length).toBeGreaterThanOrEqual(5);
  });
});
