import { describe, expect, it } from 'vitest';
import { testDispatcher } from '../../support/test-dispatcher.ts';
import { labels, textOf, useTelegram } from './telegram-harness.ts';

const olga = { id: 100, firstName: 'Olga', username: 'olga' };
const vince = { id: 200, firstName: 'Vince', username: 'vince' };
const wendy = { id: 300, firstName: 'Wendy', username: 'wendy' };

const world = useTelegram({ admins: [String(olga.id)] });

/** Everything the bot shows a user now (messages as sent or edited in place). */
function said(user: typeof vince): string {
  return textOf(world.fake.messages(user.id));
}

async function register(user: typeof vince): Promise<void> {
  const campaign = await world.harness.core.services.campaigns.ensureDefault();
  const [notice] = await world.say(user, `/start ${campaign.inviteCode}`);
  await world.press(user, notice!, 'I agree');
}

describe('cover requests on Telegram against the fake Bot API', () => {
  it('offers a seat cancelled within the window to another volunteer, who takes it with the button', async () => {
    await world.say(olga, '/event create title:Canvass start:"2026-12-01 10:00" duration:4h');
    await world.say(olga, '/event shift add 1 start:"10:00" end:"12:00" capacity:1 label:Morning');
    await register(vince);
    await register(wendy);

    const [list] = await world.say(vince, '/events');
    expect(labels(list)).toContain('Yes #1.1');
    await world.press(vince, list!, 'Yes #1.1');
    expect(said(vince)).toContain('You are going to #1.1 Canvass · Morning');

    const [mine] = await world.say(vince, '/myevents');
    await world.press(vince, mine!, 'No #1.1');
    expect(said(vince)).toContain('Your seat is offered to 1 other volunteer.');

    await testDispatcher(world.harness, [world.bot.notifier]).tick();
    const offer = world.fake.messages(wendy.id).find((m) => m.text?.includes('A seat is free'));
    expect(offer?.text).toContain('#1.1 Canvass · Morning');
    expect(labels(offer)).toEqual(['Take this seat']);
    expect(world.fake.messages(vince.id).some((m) => m.text?.includes('A seat is free'))).toBe(
      false,
    );

    await world.press(wendy, offer!, 'Take this seat');
    expect(said(wendy)).toContain('The seat is yours: you are going to #1.1 Canvass · Morning');
    const [attendees] = await world.say(olga, '/event attendees 1');
    expect(attendees?.text).toContain('Wendy');
    expect(attendees?.text).not.toContain('looking for');
  });
});
