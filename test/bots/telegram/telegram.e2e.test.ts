import { describe, expect, it } from 'vitest';
import { telegramErrors } from '../../fakes/fake-telegram.ts';
import type { FakeChat } from '../../fakes/fake-telegram-updates.ts';
import { testDispatcher } from '../../support/test-dispatcher.ts';
import { labels, textOf, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const vince = { id: 200, firstName: 'Vince', username: 'vince' };
const wendy = { id: 300, firstName: 'Wendy' };
const gina = { id: 400, firstName: 'Gina' };
const group: FakeChat = { type: 'supergroup', id: -1001, title: 'Riverside Greens' };

const world = useTelegram({ admins: [String(olga.id)] });

function dispatcher() {
  return testDispatcher(world.harness, [world.bot.notifier]);
}

describe('Telegram bot against the fake Bot API', () => {
  it('publishes volunteer and organizer command menus in English and French', () => {
    const calls = world.fake.callsTo('setMyCommands').map((c) => c.params);
    expect(calls).toHaveLength(4);
    const scoped = (type: string, lang?: string) =>
      calls.find((p) => (p.scope as { type: string }).type === type && p.language_code === lang)
        ?.commands as { command: string }[];
    expect(scoped('default').map((c) => c.command)).toContain('start');
    expect(scoped('default').map((c) => c.command)).not.toContain('broadcast');
    expect(scoped('all_chat_administrators', 'fr').map((c) => c.command)).toContain('broadcast');
  });

  it('onboards by deep link: privacy notice with "I agree", then welcome in place', async () => {
    const campaign = await world.harness.core.services.campaigns.ensureDefault();
    const [notice] = await world.say(vince, `/start ${campaign.inviteCode}`);
    expect(notice?.text).toContain(campaign.name);
    expect(labels(notice)).toEqual(['I agree']);
    await world.press(vince, notice!, 'I agree');
    const edited = world.fake.messages(vince.id).find((m) => m.message_id === notice!.message_id);
    expect(edited?.text).toContain('Welcome to Test campaign, Vince!');
    expect(world.fake.callsTo('answerCallbackQuery')).toHaveLength(1);
  });

  it('lets an organizer create a task by text options, showing user markup literally', async () => {
    const sent = await world.say(olga, '/task create title:"Hand out <b>flyers</b> *now*" slots:2');
    expect(textOf(sent)).toContain('Task #1 created: Hand out <b>flyers</b> *now*');
    expect(world.fake.callsTo('sendMessage').every((c) => c.params.parse_mode === undefined)).toBe(
      true,
    );
  });

  it('creates an event by text options, echoing the time in the campaign zone', async () => {
    const sent = await world.say(
      olga,
      '/event create title:Canvass start:"2026-12-05 18:00" capacity:1',
    );
    expect(textOf(sent)).toContain('Event #1 created: Canvass');
    expect(textOf(sent)).toContain('Sat 5 Dec 2026, 18:00 (Europe/Paris)');
  });

  it('asks for a missing required option and takes the next message as its value', async () => {
    const asked = await world.say(olga, '/event create start:"2026-12-06 10:00"');
    expect(textOf(asked)).toMatch(/Send it as your next message/);
    const created = await world.say(olga, 'Phone bank');
    expect(textOf(created)).toContain('Event #2 created: Phone bank');
  });

  it('hands a volunteer the next task: Claim, /mytasks, Done', async () => {
    const [next] = await world.say(vince, '/task next');
    expect(next?.text).toContain('#1');
    await world.press(vince, next!, /Claim/);
    expect(
      world.fake.messages(vince.id).find((m) => m.message_id === next!.message_id)?.text,
    ).toContain('Task #1 is yours');
    const mine = (await world.say(vince, '/mytasks')).at(-1)!;
    expect(mine.text).toContain('Hand out <b>flyers</b> *now*');
    await world.press(vince, mine, /Done/);
    expect(
      world.fake.messages(vince.id).find((m) => m.message_id === mine.message_id)?.text,
    ).toContain('Well done! Task #1 is finished');
  });

  it('answers Yes from /events; a full event puts the next one on the waitlist', async () => {
    const list = (await world.say(vince, '/events')).at(-1)!;
    await world.press(vince, list, 'Yes #1');
    expect(
      world.fake.messages(vince.id).find((m) => m.message_id === list.message_id)?.text,
    ).toContain('You are going to #1 Canvass');
    const [notice] = await world.say(wendy, '/start');
    await world.press(wendy, notice!, 'I agree');
    const wendyList = (await world.say(wendy, '/events')).at(-1)!;
    await world.press(wendy, wendyList, 'Yes #1');
    expect(world.fake.messages(wendy.id).at(-1)?.text).toContain('waiting list');
  });

  it('delivers the reminder with buttons; "Can\'t make it" withdraws and promotes the waitlist', async () => {
    world.harness.clock.set(new Date('2026-12-04T17:00:00Z'));
    await dispatcher().tick();
    const reminder = world.fake.messages(vince.id).at(-1)!;
    expect(reminder.text).toContain('Canvass');
    expect(labels(reminder)).toEqual(['Still coming', "Can't make it"]);
    await world.press(vince, reminder, "Can't make it");
    expect(
      world.fake.messages(vince.id).find((m) => m.message_id === reminder.message_id)?.text,
    ).toContain('not going to #1 Canvass');
    await dispatcher().tick();
    expect(textOf(world.fake.messages(wendy.id))).toContain('a seat freed up for #1 Canvass');
  });

  it('sends /mydata as a JSON document', async () => {
    await world.say(vince, '/mydata');
    const upload = world.fake.callsTo('sendDocument').at(-1)!.params.document as {
      filename: string;
      content: string;
    };
    expect(upload.filename).toMatch(/-mydata-\d{4}-\d\d-\d\d-\d{4}\.json$/);
    expect(upload.content).toContain('vince');
  });

  it('refuses an organizer command to a volunteer', async () => {
    const sent = await world.say(vince, '/broadcast message:"Hello all"');
    expect(textOf(sent)).toContain('Only organizers can use /broadcast');
  });

  it('lets a group administrator run /setup@bot and shows the t.me deep link', async () => {
    world.makeAdmin(-1001, gina);
    const sent = await world.say(gina, '/setup@organizing_test_bot', group);
    const inGroup = sent.filter((m) => m.chat.id === -1001);
    expect(textOf(inGroup)).toMatch(/https:\/\/t\.me\/organizing_test_bot\?start=\w+/);
    expect(textOf(inGroup)).not.toContain('{bot}');
  });

  it('refuses /setup to a non-administrator of the group, privately, pointing to the private chat', async () => {
    const sent = await world.say(vince, '/setup', group);
    expect(textOf(sent.filter((m) => m.chat.id === vince.id))).toContain(
      'Only organizers can use /setup',
    );
    expect(textOf(sent.filter((m) => m.chat.id === -1001))).toContain('private chat');
  });

  it('ignores commands addressed to another bot in a group', async () => {
    expect(await world.say(vince, '/help@other_bot', group)).toHaveLength(0);
  });

  it('erases a volunteer with /forgetme and its confirm button; /mydata then finds nothing', async () => {
    const [warning] = await world.say(vince, '/forgetme');
    await world.press(vince, warning!, 'Erase my data');
    expect(
      world.fake.messages(vince.id).find((m) => m.message_id === warning!.message_id)?.text,
    ).toContain('has been erased');
    expect(textOf(await world.say(vince, '/mydata'))).toContain('Nothing is stored about you');
  });

  it('on delivery, waits out a 429 retry_after, then marks a user who blocked the bot (403) unreachable', async () => {
    const nina = { id: 500, firstName: 'Nina' };
    const [notice] = await world.say(nina, '/start');
    await world.press(nina, notice!, 'I agree');
    const { store } = world.harness.core.deps;
    const campaign = await world.harness.core.services.campaigns.ensureDefault();
    await world.say(olga, '/broadcast message:"Flyers at noon"');
    const ninaRow = async () =>
      (await store.notifications.list(campaign.id, {})).find(
        (n) => n.kind === 'broadcast' && n.recipientId === ninaId,
      );
    const ninaId = (await store.supporters.findByIdentity(campaign.id, 'telegram', '500'))!.id;

    world.fake.fail({ chatId: 500, times: 1 }, telegramErrors.tooManyRequests(7));
    const before = world.harness.clock.now().getTime();
    await dispatcher().tick();
    expect(await ninaRow()).toMatchObject({ status: 'pending', attempts: 0 });
    // Due again once retry_after has passed (from the refusal, after the sends paced before it).
    const dueAt = (await ninaRow())?.dueAt.getTime() ?? 0;
    expect(dueAt).toBeGreaterThanOrEqual(before + 7_000);
    expect(dueAt).toBeLessThan(before + 8_000);

    world.fake.fail({ chatId: 500, times: 1 }, telegramErrors.blocked);
    world.harness.clock.set(new Date(dueAt));
    await dispatcher().tick();
    expect(await ninaRow()).toMatchObject({ status: 'skipped' });
    expect((await store.supporters.findById(campaign.id, ninaId))?.status).toBe('unreachable');
    expect(world.fake.messages(500).some((m) => m.text?.includes('Flyers at noon'))).toBe(false);
  });

  it('takes a shift with its button from /events; its reminder comes at the shift’s start', async () => {
    world.harness.clock.set(new Date('2026-12-10T08:00:00Z'));
    const created = await world.say(
      olga,
      '/event create title:Phonebank start:"2026-12-19 09:00" duration:8h reminders:1h',
    );
    const id = Number(/#(\d+)/.exec(textOf(created))?.[1]);
    const added = await world.say(
      olga,
      `/event shift add ${id} start:"14:00" end:"16:00" capacity:1`,
    );
    expect(textOf(added)).toContain(`Shift 1 added to event #${id}: 14:00-16:00, 1 seat.`);
    const list = (await world.say(wendy, '/events')).at(-1)!;
    expect(list.text).toContain('Shift 1: 14:00-16:00 · 0/1');
    await world.press(wendy, list, `Yes #${id}.1`);
    expect(world.fake.messages(wendy.id).at(-1)?.text).toContain(`You are going to #${id}.1`);
    // 13:00 in Paris is one hour before the shift, not before the event.
    world.harness.clock.set(new Date('2026-12-19T12:00:00Z'));
    await dispatcher().tick();
    const reminder = world.fake.messages(wendy.id).at(-1)!;
    expect(reminder.text).toContain(`#${id}.1 Phonebank · 14:00-16:00`);
    await world.press(wendy, reminder, "Can't make it");
    expect(world.fake.messages(wendy.id).at(-1)?.text).toContain(`not going to #${id}.1`);
  });

  it('never writes the bot token in a log line', () => {
    expect(world.logs.join('')).not.toContain(world.fake.token);
  });
});
