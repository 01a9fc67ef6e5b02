import { describe, expect, it } from 'vitest';
import type { FakeChat, FakeUser } from '../../fakes/fake-telegram-updates.ts';
import { labels, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const vince = { id: 200, firstName: 'Vince', username: 'vince' };
const stranger = { id: 300, firstName: 'Sam', username: 'sam' };
const GROUP = -100_888;
const title = 'Riverside Forum';
const planning: FakeChat = { type: 'supergroup', id: GROUP, title, topic: 7 };
const chatter: FakeChat = { type: 'supergroup', id: GROUP, title, topic: 9 };

const world = useTelegram({ admins: [String(olga.id)] });

function card(text: string) {
  const found = world.fake.messages(GROUP).find((m) => m.text?.includes(text));
  if (!found) throw new Error(`no card for ${text}`);
  return found;
}

async function join(user: FakeUser, code: string): Promise<void> {
  const [notice] = await world.say(user, `/start ${code}`);
  await world.press(user, notice!, 'I agree');
}

describe('announcement cards on Telegram', () => {
  it('post a card with Claim in the bound topic, answer a stranger privately, and edit the counts in place', async () => {
    world.makeAdmin(GROUP, olga);
    await world.say(olga, '/setup@organizing_test_bot', planning);
    await world.say(
      olga,
      '/task@organizing_test_bot create title:"Paint the banner" slots:2',
      chatter,
    );
    const posted = card('Paint the banner');
    expect(posted.message_thread_id).toBe(7);
    expect(posted.text).toContain('0/2 taken');
    expect(labels(posted)).toEqual(['Claim #1']);

    const before = world.fake.messages(GROUP).length;
    await world.press(stranger, posted, 'Claim #1');
    const space = await world.harness.db.store.campaigns.findSpace('telegram', String(GROUP));
    const campaign = await world.harness.db.store.campaigns.findById(space!.campaignId);
    const answer = world.fake.callsTo('answerCallbackQuery').at(-1);
    expect(answer?.params.url).toBe(
      `https://t.me/organizing_test_bot?start=${campaign!.inviteCode}`,
    );
    expect(String(answer?.params.text)).toContain('privacy notice');
    expect(world.fake.messages(GROUP)).toHaveLength(before);

    await join(vince, campaign!.inviteCode);
    await world.press(vince, card('Paint the banner'), 'Claim #1');
    await world.bot.tick?.(new AbortController().signal);
    const edited = card('Paint the banner');
    expect(edited.text).toContain('1/2 taken');
    expect(labels(edited)).toEqual(['Claim #1']);
    expect(
      world.fake.messages(GROUP).filter((m) => m.text?.includes('Paint the banner')),
    ).toHaveLength(1);
  });

  it('post the card in a group without topics too', async () => {
    const plain: FakeChat = { type: 'group', id: -4242, title: 'Allotment' };
    world.makeAdmin(plain.id, olga);
    await world.say(olga, '/setup@organizing_test_bot', plain);
    await world.say(olga, '/task@organizing_test_bot create title:"Dig the beds" slots:3', plain);
    const inGroup = world.fake.messages(plain.id);
    const posted = inGroup.find((m) => m.text?.includes('New task') && m.text.includes('Dig'));
    expect(posted?.text).toContain('0/3 taken');
    expect(labels(posted)).toEqual([expect.stringMatching(/^Claim #\d+$/)]);
  });
});
