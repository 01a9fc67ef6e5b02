import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { consoleAdmin, telegramUser, useCore } from '../support/core-harness.ts';

const h = useCore({ admins: [{ platform: 'telegram', userId: '900' }] });
const admin = telegramUser('900');
const alice: Actor = { ...telegramUser('111', 'alice'), displayName: 'Alice Martin' };
const bob: Actor = telegramUser('222', 'bob');

let campaignId: number;

async function register(actor: Actor): Promise<Actor> {
  await h.say(actor, '/start');
  await h.say(actor, '/join agree:on');
  return actor;
}

async function supporter(userId: string) {
  const found = await h.db.store.supporters.findByIdentity(campaignId, 'telegram', userId);
  if (!found) throw new Error(`no supporter ${userId}`);
  return found;
}

beforeAll(async () => {
  campaignId = (await h.core.services.campaigns.ensureDefault()).id;
  await register(alice);
  await register(bob);
  await register(telegramUser('333', 'carol'));
  // Only the platform id is known of someone who has not agreed yet (not even the username).
  await h.say(telegramUser('444', 'dan'), '/start');
});

describe('/tag', () => {
  it('gives a supporter a tag and lists their tags', async () => {
    const reply = await h.say(admin, '/tag add @alice Canvassers');
    expect(h.text(reply)).toBe('Alice Martin now has the tag canvassers. Their tags: canvassers.');
    expect((await supporter('111')).tags).toEqual(['canvassers']);
  });

  it('lets the console organizer name people by their chat @username', async () => {
    const reply = await h.say(consoleAdmin, '/tag add @carol canvassers');
    expect(h.text(reply)).toContain('canvassers');
    expect((await supporter('333')).tags).toEqual(['canvassers']);
    await h.say(consoleAdmin, '/tag remove @carol canvassers');
    expect((await supporter('333')).tags).toEqual([]);
  });

  it('says when the supporter already has the tag', async () => {
    const reply = await h.say(admin, '/tag add user:@alice tag:canvassers');
    expect(h.text(reply)).toBe('Alice Martin already has the tag canvassers.');
  });

  it('takes a tag away, and says when it was not held', async () => {
    await h.say(admin, '/tag add @bob drivers');
    expect(h.text(await h.say(admin, '/tag remove @bob drivers'))).toBe(
      'bob no longer has the tag drivers.',
    );
    expect((await supporter('222')).tags).toEqual([]);
    expect(h.text(await h.say(admin, '/tag remove @bob drivers'))).toBe(
      'bob does not have the tag drivers.',
    );
  });

  it('refuses a tag with a comma, an unknown person and someone not registered', async () => {
    expect(h.text(await h.say(admin, '/tag add @bob tag:"a,b"'))).toContain(
      'A tag cannot contain a comma',
    );
    expect(h.text(await h.say(admin, '/tag add @nobody drivers'))).toContain(
      'I do not know @nobody',
    );
    expect(h.text(await h.say(admin, '/tag add 444 drivers'))).toContain(
      'I do not know 444 in this campaign',
    );
    expect((await supporter('222')).tags).toEqual([]);
    expect((await supporter('444')).tags).toEqual([]);
  });

  it('asks for a missing tag', async () => {
    const reply = await h.say(admin, '/tag add @bob');
    expect(reply.prompt).toMatchObject({ command: 'tag', subcommand: 'add', option: 'tag' });
  });
});

describe('/supporters', () => {
  it('lists registered supporters with name, username, tags, points and status', async () => {
    await h.db.store.supporters.addPoints(campaignId, (await supporter('111')).id, 12);
    const reply = await h.say(admin, '/supporters');
    const text = h.text(reply);
    expect(text).toContain('Supporters: 3');
    expect(text).toContain('Alice Martin (@alice) · tags: canvassers · 12 points · active');
    expect(text).toContain('bob (@bob) · tags: none · 0 points · active');
    expect(text).not.toContain('dan');
    expect(reply.private).toBe(true);
  });

  it('filters by tag and by a part of a name', async () => {
    const byTag = h.text(await h.say(admin, '/supporters canvassers'));
    expect(byTag).toContain('Supporters with the tag canvassers: 1');
    expect(byTag).toContain('Alice Martin');
    expect(byTag).not.toContain('bob');
    const bySearch = h.text(await h.say(admin, '/supporters search:car'));
    expect(bySearch).toContain('Supporters: 1');
    expect(bySearch).toContain('carol');
  });

  it('names the known tags when the tag does not exist', async () => {
    const reply = await h.say(admin, '/supporters tag:canvasser');
    expect(h.text(reply)).toBe(
      'There is no tag "canvasser" in this campaign. Tags in use: canvassers, drivers.',
    );
  });
});

describe('/organizer', () => {
  it('makes a registered supporter an organizer, who may then run organizer commands', async () => {
    expect(h.text(await h.say(bob, '/stats'))).toBe('Only organizers can use /stats.');
    expect(h.text(await h.say(admin, '/organizer add @bob'))).toBe(
      'bob is now an organizer of this campaign.',
    );
    expect((await supporter('222')).role).toBe('organizer');
    expect(h.text(await h.say(bob, '/stats'))).toContain('Supporters: 3 (');
    expect(h.text(await h.say(admin, '/organizer add @bob'))).toBe('bob is already an organizer.');
  });

  it('makes an organizer a volunteer again', async () => {
    expect(h.text(await h.say(admin, '/organizer remove @bob'))).toBe('bob is a volunteer again.');
    expect((await supporter('222')).role).toBe('volunteer');
    expect(h.text(await h.say(bob, '/stats'))).toBe('Only organizers can use /stats.');
    expect(h.text(await h.say(admin, '/organizer remove @bob'))).toBe('bob is not an organizer.');
  });

  it('does not let an organizer demote an admin, but lets an admin do it', async () => {
    await h.db.store.supporters.update(campaignId, (await supporter('333')).id, { role: 'admin' });
    await h.say(admin, '/organizer add @bob');
    expect(h.text(await h.say(bob, '/organizer add @carol'))).toBe(
      'carol is an admin of this campaign, which includes organizer rights.',
    );
    expect(h.text(await h.say(bob, '/organizer remove @carol'))).toBe(
      'Only a campaign admin can take an admin’s role away.',
    );
    expect((await supporter('333')).role).toBe('admin');
    expect(h.text(await h.say(admin, '/organizer remove @carol'))).toBe(
      'carol is a volunteer again.',
    );
  });

  it('refuses someone who has not agreed to the privacy notice', async () => {
    expect(h.text(await h.say(admin, '/organizer add 444'))).toContain(
      'I do not know 444 in this campaign',
    );
    expect((await supporter('444')).role).toBe('volunteer');
  });
});

describe('/supporters in a large campaign', () => {
  it('shows the first 25 and points to the export for the rest, within a Discord message', async () => {
    const { store } = h.db;
    for (let i = 0; i < 30; i++) {
      const s = await store.supporters.createWithIdentity(campaignId, {
        platform: 'telegram',
        externalId: `70${i}`,
        username: `member${i}`,
      });
      await store.supporters.update(campaignId, s.id, {
        displayName: `Member number ${i} with a rather long name for the list`,
        consentAt: new Date(),
      });
    }
    const text = h.text(await h.say(admin, '/supporters search:member'));
    expect(text).toContain('Supporters: 30');
    expect(text).toContain('Member number 0 ');
    expect(text).toMatch(/… and \d+ more\. .*\/export supporters/);
    expect(text).not.toContain('Member number 29 ');
    expect(text.length).toBeLessThan(2000);
  });
});
