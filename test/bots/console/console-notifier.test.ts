import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/bots/console/console-adapter.ts';
import { ConsoleNotifier } from '../../../src/bots/console/console-notifier.ts';
import { CoreNotificationContent } from '../../../src/core/notifications/content.ts';
import { DeliveryError, type OutgoingMessage } from '../../../src/core/notifications/notifier.ts';
import { consoleAdmin, useCore } from '../../support/core-harness.ts';

const h = useCore();

/** A console on in-memory streams and everything it printed. */
function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk) => {
    transcript += chunk;
  });
  const adapter = new ConsoleAdapter({
    core: h.core,
    input,
    output,
    log: { error: (details) => h.errors.push(details.err) },
  });
  return { adapter, input, transcript: () => transcript };
}

describe('console notifier', () => {
  it('prints a reminder with numbered choices, and typing one answers it', async () => {
    await h.say(consoleAdmin, '/join agree:on');
    await h.say(
      consoleAdmin,
      '/event create title:"Quick meet" start:"2026-12-01 10:00" reminders:2h',
    );
    await h.say(consoleAdmin, '/event rsvp 1 yes');
    const campaignId = (await h.core.services.campaigns.ensureDefault()).id;
    const me = await h.db.store.supporters.findByIdentity(campaignId, 'console', 'local');
    const [row] = await h.db.store.notifications.list(campaignId, { recipientId: me!.id });
    const rendered = await new CoreNotificationContent(h.core.deps).render(row!, me!);

    const { adapter, input, transcript } = terminal();
    await adapter.start();
    await new ConsoleNotifier(adapter).send({
      key: row!.key,
      recipient: { platform: 'console', externalId: 'local', chatId: null },
      ...rendered!,
    });
    input.end('2\n');
    await adapter.ended;

    expect(transcript()).toContain(
      [
        'New message:',
        'Reminder: #1 Quick meet starts Tue 1 Dec 2026, 10:00 (Europe/Paris)',
        "[1] Still coming   [2] Can't make it",
      ].join('\n'),
    );
    expect(transcript()).toContain('> 2\n-> /event rsvp id:1 answer:no\n');
    expect(transcript()).toContain('Noted: you are not going to #1 Quick meet.');
    expect((await h.db.store.events.findRsvp(campaignId, 1, me!.id))?.answer).toBe('no');
  });

  it('cannot reach a console user other than the one at this terminal', async () => {
    const shown: string[][] = [];
    const notifier = new ConsoleNotifier({
      show: async (blocks) => {
        shown.push([...blocks]);
      },
    });
    const message: OutgoingMessage = {
      key: 'broadcast:1:2:0',
      recipient: { platform: 'console', externalId: 'someone-else', chatId: null },
      blocks: ['Hello'],
      locale: 'en',
    };
    const failure = await notifier.send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).failure).toBe('unreachable');
    expect(shown).toEqual([]);
  });
});
