import { describe, expect, it } from 'vitest';
import type { SentMessage } from '../../fakes/fake-telegram.ts';
import type { FakeChat, FakeUser } from '../../fakes/fake-telegram-updates.ts';
import { testDispatcher } from '../../support/test-dispatcher.ts';
import { textOf, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const vince = { id: 200, firstName: 'Vince', username: 'vince' };
const GROUP = -100_777;
const title = 'Riverside Forum';
/** The same forum supergroup: its main chat, and two of its topics. */
const general: FakeChat = { type: 'supergroup', id: GROUP, title };
const planning: FakeChat = { type: 'supergroup', id: GROUP, title, topic: 7 };
const chatter: FakeChat = { type: 'supergroup', id: GROUP, title, topic: 9 };

const world = useTelegram({ admins: [String(olga.id)] });

async function join(user: FakeUser, code = ''): Promise<void> {
  const [notice] = await world.say(user, `/start ${code}`.trim());
  await world.press(user, notice!, 'I agree');
}

function groupSends() {
  return world.fake
    .callsTo('sendMessage')
    .filter((call) => String(call.params.chat_id) === String(GROUP));
}

describe('Telegram forum topics', () => {
  it('answers a command sent in a topic in that topic, and one from the main chat there', async () => {
    const inGroup = (sent: SentMessage[]) => sent.filter((m) => m.chat.id === GROUP);
    const inTopic = inGroup(await world.say(vince, '/help@organizing_test_bot', chatter));
    expect(inTopic.length).toBeGreaterThan(0);
    expect(inTopic.every((m) => m.message_thread_id === 9)).toBe(true);
    const inMain = inGroup(await world.say(vince, '/help@organizing_test_bot', general));
    expect(inMain.length).toBeGreaterThan(0);
    expect(inMain.every((m) => m.message_thread_id === undefined)).toBe(true);
  });

  it('tells a person in a topic, in that topic, that a private answer waits in the private chat', async () => {
    const sent = await world.say(vince, '/mytasks@organizing_test_bot', chatter);
    const inGroup = sent.filter((m) => m.chat.id === GROUP);
    expect(textOf(inGroup)).toMatch(/private chat/);
    expect(inGroup.every((m) => m.message_thread_id === 9)).toBe(true);
  });

  it('/setup in a topic binds announcements to it: a task created elsewhere is announced there', async () => {
    world.makeAdmin(GROUP, olga);
    const setup = await world.say(olga, '/setup@organizing_test_bot', planning);
    expect(textOf(setup)).toContain('in this topic');
    const space = await world.harness.db.client.chatSpace.findFirst({
      where: { externalId: String(GROUP) },
    });
    expect(space?.announceTopicId).toBe('7');

    await world.say(olga, '/task@organizing_test_bot create title:"Bake for the fair"', chatter);
    const announced = world.fake
      .messages(GROUP)
      .filter((m) => m.text?.includes('New task') && m.text.includes('Bake for the fair'));
    expect(announced.map((m) => m.message_thread_id)).toEqual([7]);
  });

  it('shows no link preview in replies, except for a task’s own link', async () => {
    await world.say(olga, '/task create title:"Print posters" link:https://example.org/posters');
    const { id } = (await world.harness.db.client.task.findFirst({
      where: { title: 'Print posters' },
    }))!;
    await join(vince);
    const before = world.fake.callsTo('sendMessage').length;
    await world.say(vince, `/task claim ${id}`);
    const claimed = world.fake.callsTo('sendMessage').slice(before);
    expect(claimed.map((call) => call.params.link_preview_options)).toContainEqual({
      url: 'https://example.org/posters',
    });
    const others = world.fake
      .callsTo('sendMessage')
      .slice(0, before)
      .map((call) => call.params.link_preview_options);
    expect(others.every((options) => JSON.stringify(options) === '{"is_disabled":true}')).toBe(
      true,
    );
  });
});

describe('Telegram membership changes', () => {
  it('a bound group that becomes a supergroup (to turn topics on) stays bound under its new id', async () => {
    const basic: FakeChat = { type: 'group', id: -4242, title: 'Hillside' };
    world.makeAdmin(basic.id, olga);
    await world.say(olga, '/setup@organizing_test_bot', basic);
    const before = await world.harness.db.client.chatSpace.findFirst({
      where: { externalId: String(basic.id) },
    });
    const { update } = await world.fake.pushMigration(olga, basic, -100_4242);
    await world.bot.settled(update.update_id);
    const after = await world.harness.db.client.chatSpace.findFirst({
      where: { externalId: '-1004242' },
    });
    expect(after?.campaignId).toBe(before?.campaignId);
    expect(
      await world.harness.db.client.chatSpace.findFirst({
        where: { externalId: String(basic.id) },
      }),
    ).toBeNull();
  });

  it('a volunteer who blocks the bot is unreachable at once; writing again makes them reachable', async () => {
    const nora = { id: 600, firstName: 'Nora' };
    await join(nora);
    const campaign = await world.harness.core.services.campaigns.ensureDefault();
    const { store } = world.harness.core.deps;
    const status = async () =>
      (await store.supporters.findByIdentity(campaign.id, 'telegram', '600'))?.status;

    const blocked = await world.fake.pushOwnMembership(nora, { from: 'member', to: 'kicked' });
    // The bot asked for these updates (Telegram sends only the types a bot lists).
    expect(blocked.dropped).toBeUndefined();
    await world.bot.settled(blocked.update.update_id);
    expect(await status()).toBe('unreachable');

    // A broadcast queued now does not reach her, and is not tried.
    const tries = world.fake.sendRequests.length;
    await world.say(olga, '/broadcast message:"Posters are in"');
    await testDispatcher(world.harness, [world.bot.notifier]).tick();
    expect(world.fake.sendRequests.slice(tries).some((r) => r.chatId === '600')).toBe(false);

    const unblocked = await world.fake.pushOwnMembership(nora, { from: 'kicked', to: 'member' });
    await world.bot.settled(unblocked.update.update_id);
    await world.say(nora, '/help');
    expect(await status()).toBe('active');
  });

  it('the bot removed from a bound group unbinds it and tells the campaign’s organizers privately', async () => {
    const space = await world.harness.db.client.chatSpace.findFirst({
      where: { externalId: String(GROUP) },
    });
    const campaign = await world.harness.db.client.campaign.findUnique({
      where: { id: space!.campaignId },
    });
    await join(olga, campaign!.inviteCode);

    const { update } = await world.fake.pushOwnMembership(olga, {
      chat: general,
      from: 'member',
      to: 'left',
    });
    await world.bot.settled(update.update_id);
    expect(
      await world.harness.db.client.chatSpace.findFirst({ where: { externalId: String(GROUP) } }),
    ).toBeNull();

    await testDispatcher(world.harness, [world.bot.notifier]).tick();
    expect(textOf(world.fake.messages(olga.id))).toContain(
      `I was removed from the Telegram group ${title}, so it is no longer part of ${campaign!.name}.`,
    );
    expect(groupSends().at(-1)?.params.text).not.toContain('I was removed');
  });
});

describe('instants on Telegram', () => {
  it('are the zoned text, in replies and direct messages: no message carries Discord timestamp markup', async () => {
    const created = await world.say(
      olga,
      '/event create title:"Street stall" start:"2026-12-20 15:00" reminders:1h',
    );
    expect(textOf(created)).toContain('Sun 20 Dec 2026, 15:00 (Europe/Paris)');
    const id = Number(/#(\d+)/.exec(textOf(created))?.[1]);
    await world.say(olga, `/event rsvp ${id} yes`);
    world.harness.clock.set(new Date('2026-12-20T13:00:00Z'));
    await testDispatcher(world.harness, [world.bot.notifier]).tick();
    const reminder = world.fake.messages(olga.id).at(-1);
    expect(reminder?.text).toContain('Sun 20 Dec 2026, 15:00 (Europe/Paris)');
    expect(
      world.fake.messages().filter((m) => (m.text ?? m.caption ?? '').includes('<t:')),
    ).toEqual([]);
  });
});
