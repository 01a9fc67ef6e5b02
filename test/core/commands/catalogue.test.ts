import { describe, expect, it } from 'vitest';
import { commandName, exampleLine } from '../../../src/core/commands/catalogue.ts';
import { useCore } from '../../support/core-harness.ts';

const h = useCore();

const SPEC_COMMANDS = [
  '/join',
  '/profile show',
  '/profile set',
  '/tasks',
  '/task next',
  '/task claim',
  '/task done',
  '/task drop',
  '/mytasks',
  '/events',
  '/event rsvp',
  '/myevents',
  '/event ics',
  '/link',
  '/mydata',
  '/forgetme',
  '/help',
  '/leaderboard',
  '/setup',
  '/task create',
  '/task assign',
  '/task close',
  '/task list',
  '/event create',
  '/event edit',
  '/event cancel',
  '/event attendees',
  '/event checkin',
  '/broadcast',
  '/supporters',
  '/tag add',
  '/tag remove',
  '/organizer add',
  '/organizer remove',
  '/stats',
  '/export supporters',
  '/export events',
];

describe('the command catalogue', () => {
  it('has every command of the specification, each described in English and French', () => {
    const names = h.core.catalogue.definitions.map(commandName);
    expect(names).toEqual(expect.arrayContaining(SPEC_COMMANDS));
    for (const definition of h.core.catalogue.definitions) {
      expect(definition.description.en && definition.description.fr).toBeTruthy();
      for (const spec of Object.values(definition.options)) {
        expect(spec.description.en && spec.description.fr && spec.example).toBeTruthy();
      }
    }
  });

  it('refuses every organizer command to a volunteer and writes nothing', async () => {
    const volunteer = await h.volunteer('4242');
    const organizerOnly = h.core.catalogue.definitions.filter((d) =>
      ['host', 'organizer', 'admin'].includes(d.access),
    );
    expect(organizerOnly.length).toBeGreaterThanOrEqual(19);
    const before = await counts();
    for (const definition of organizerOnly) {
      const reply = await h.say(volunteer, exampleLine(definition, 'en'));
      expect(h.text(reply), commandName(definition)).toMatch(/^Only (organizers|campaign admins)/);
    }
    expect(await counts()).toEqual(before);
  });
});

async function counts() {
  const c = h.db.client;
  return Promise.all([
    c.campaign.count(),
    c.task.count(),
    c.event.count(),
    c.notification.count(),
    c.broadcast.count(),
    c.auditEntry.count(),
    c.tag.count(),
  ]);
}
