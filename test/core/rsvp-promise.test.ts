import { describe, expect, it } from 'vitest';
import { consoleAdmin, useCore } from '../support/core-harness.ts';

const h = useCore();

describe('the answer to "Still coming"', () => {
  it('promises a reminder only while one is still due', async () => {
    const volunteer = await h.volunteer('8101');
    await h.say(consoleAdmin, '/event create title:"Soon" start:"2026-11-30 11:00" duration:1h');
    await h.say(consoleAdmin, '/event create title:"Later" start:"2026-12-05 11:00" duration:1h');
    const soon = h.text(await h.say(volunteer, '/event rsvp 1 yes'));
    expect(soon).toContain('You are going to #1 Soon');
    expect(soon).not.toContain('remind');
    const later = h.text(await h.say(volunteer, '/event rsvp 2 yes'));
    expect(later).toContain('I will remind you before it starts.');
  });
});
