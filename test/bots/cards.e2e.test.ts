import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../src/bots/chat-adapter.ts';
import type { TelegramBot } from '../../src/bots/telegram/telegram-bot.ts';
import { CARD_DEBOUNCE_MS } from '../../src/core/cards/card-refresh.ts';
import { EPHEMERAL } from '../fakes/discord-payloads.ts';
import { buttonsOf, type FakeMessage, shownText } from '../fakes/fake-discord.ts';
import { FakeTelegram } from '../fakes/fake-telegram.ts';
import { useDiscord } from './discord/discord-harness.ts';

let telegram: FakeTelegram;
beforeAll(async () => {
  telegram = await FakeTelegram.start();
});
afterAll(async () => {
  await telegram?.close();
});
const world = useDiscord({
  env: () => ({ TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot }),
});

function adapter(platform: string): ChatAdapter {
  return world.app!.adapters.get(platform)!;
}

/** Runs the Discord bot's tick, as the scheduler does after each delivery round. */
async function discordTick(): Promise<void> {
  await adapter('discord').tick?.(new AbortController().signal);
}

/** Sends one Telegram update through `push` and waits until the bot answered it. */
async function telegramUpdate(push: () => Promise<{ update: { update_id: number } }>) {
  const { update } = await push();
  await (adapter('telegram') as TelegramBot).settled(update.update_id);
}

function card(title: string): FakeMessage {
  const channel = world.guild.channelIds[0]!;
  const found = world.fake.messagesIn(channel).find((m) => shownText(m).includes(title));
  if (!found) throw new Error(`no card for ${title}`);
  return found;
}

describe('announcement cards', () => {
  it('show answers given on Telegram, edited at most once per card per debounce window under a burst of 50', async () => {
    const who = { user: world.organizer, guild: world.guild };
    await world.run(who, 'setup', { channel: `<#${world.guild.channelIds[0]}>` });
    await world.run(who, 'event create', {
      title: 'Big canvass',
      start: '2026-12-12 10:00',
      capacity: 50,
      description: 'Everyone welcome',
    });
    expect(shownText(card('Big canvass'))).toContain('Going: 0/50');
    expect(buttonsOf(card('Big canvass')).map((b) => b.label)).toEqual([
      'Yes #1',
      'Maybe #1',
      'No #1',
    ]);

    const { store } = world.harness.db;
    const space = await store.campaigns.findSpace('discord', world.guild.id);
    const campaign = await store.campaigns.findById(space!.campaignId);
    const join = `/join code:${campaign!.inviteCode} agree:on`;
    const shown: string[] = [];
    for (let i = 0; i < 50; i++) {
      const user = { id: 7000 + i, firstName: `Volunteer ${i}` };
      await telegramUpdate(() => telegram.pushText(user, '/start'));
      await telegramUpdate(() => telegram.pushCallback(user, join));
      await telegramUpdate(() => telegram.pushCallback(user, '/event rsvp id:1 answer:yes'));
      if (i % 5 === 4) {
        await discordTick();
        shown.push(shownText(card('Big canvass')));
      }
    }
    // The first press was shown at once; the next 45 waited for the window to pass.
    expect(card('Big canvass').edits).toBe(1);
    expect(shown[0]).toContain('Going: 5/50');
    expect(shown.at(-1)).toContain('Going: 5/50');

    world.harness.clock.advance(CARD_DEBOUNCE_MS);
    await discordTick();
    await discordTick();
    const full = card('Big canvass');
    expect(full.edits).toBe(2);
    expect(shownText(full)).toContain('Going: 50/50');
    expect(shownText(full)).toContain('Full.');

    world.harness.clock.advance(CARD_DEBOUNCE_MS);
    await world.run(who, 'event cancel', { id: 1, reason: 'Storm warning' });
    await discordTick();
    const cancelled = card('Big canvass');
    expect(shownText(cancelled)).toContain('Cancelled.');
    expect(buttonsOf(cancelled)).toEqual([]);
  });

  it('answer someone not registered who presses a card button with the privacy notice, privately', async () => {
    const who = { user: world.organizer, guild: world.guild };
    await world.run(who, 'task create', { title: 'Water the plants', description: 'Weekly' });
    const stranger = world.fake.addUser('sam', { globalName: 'Sam' });
    world.fake.addMember(world.guild, stranger);
    const pressed = await world.press(
      { user: stranger, guild: world.guild },
      card('Water the plants'),
      /Claim/,
    );
    const answers = [pressed.original, ...pressed.followUps];
    expect(answers.every((m) => m?.flags === EPHEMERAL)).toBe(true);
    expect(answers.map((m) => m?.content).join('\n')).toContain(
      'what this assistant keeps about you',
    );
    expect(buttonsOf(pressed.original!).map((b) => b.label)).toContain('I agree');
    expect(shownText(card('Water the plants'))).toContain('0/1 taken');
  });

  it('turn to one Yes per shift once the event has shifts', async () => {
    const who = { user: world.organizer, guild: world.guild };
    const created = await world.run(who, 'event create', {
      title: 'Harvest day',
      start: '2026-12-19 09:00',
      description: 'In the orchard',
    });
    const id = Number(/#(\d+)/.exec(shownText(card('Harvest day')))?.[1]);
    expect(created.original).toBeDefined();
    await world.run(who, 'event shift add', { id, start: '09:00', end: '10:00', capacity: 4 });
    await world.run(who, 'event shift add', { id, start: '10:00', end: '11:00', capacity: 4 });
    await discordTick();
    const shifted = card('Harvest day');
    expect(shownText(shifted)).toContain('Shift 1:');
    expect(shownText(shifted)).toContain('Shift 2:');
    expect(buttonsOf(shifted).map((b) => b.label)).toEqual([`Yes #${id}.1`, `Yes #${id}.2`]);
  });
});
