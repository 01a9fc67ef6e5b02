import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/interaction/request.ts';
import { consoleAdmin, useCore } from '../../support/core-harness.ts';

const h = useCore();
let vol: Actor;

beforeAll(async () => {
  vol = await h.volunteer('900', 'bounded');
});

describe('over-long command lines', () => {
  it('refuses a line over 4096 characters with one sentence, before reading its options', async () => {
    const before = await h.db.client.task.count();
    const line = `/task create title:Flyers description:"${'d'.repeat(5000)}"`;
    const reply = h.text(await h.say(consoleAdmin, line));
    expect(reply).toBe(
      'That message is too long: commands fit in 4096 characters. Please send a shorter one.',
    );
    expect(await h.db.client.task.count()).toBe(before);
  });

  it('answers /help followed by 20,000 characters with one short sentence', async () => {
    const reply = h.text(await h.say(vol, `/help ${'x'.repeat(20_000)}`));
    expect(reply.length).toBeLessThan(200);
  });

  it('says it in French to a French-speaking volunteer', async () => {
    const french: Actor = { ...vol, platformLocale: 'fr' };
    expect(h.text(await h.say(french, `/tasks ${'x'.repeat(5000)}`))).toContain(
      'Ce message est trop long',
    );
  });
});

describe('values repeated in error sentences are clipped', () => {
  const long = 'z'.repeat(3000);
  const cases: [string, string, Actor | undefined][] = [
    ['an unknown option word', `/help ${long}`, undefined],
    ['an unknown command', `/nosuch${long}`, undefined],
    ['an unknown option name', `/task create title:Fly bogus${long}:1`, undefined],
    ['a list of skills', `/profile set skills:${'z'.repeat(900)}`, undefined],
    ['a time', `/task create title:Fly due:"${'z'.repeat(95)}"`, consoleAdmin],
  ];
  for (const [what, line, actor] of cases) {
    it(`repeats at most 80 characters of ${what}`, async () => {
      const reply = h.text(await h.say(actor ?? vol, line));
      expect(reply).toContain('…');
      expect(reply).not.toContain('z'.repeat(81));
      expect(reply.length).toBeLessThan(400);
    });
  }
});
