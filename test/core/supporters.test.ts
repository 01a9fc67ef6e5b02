import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { consoleAdmin, NOW, telegramUser, useCore } from '../support/core-harness.ts';
import { supporterOf } from './supporter-fixtures.ts';

const h = useCore();
afterAll(() => expect(h.errors).toEqual([]));

const defaultCampaign = async () => (await h.core.services.campaigns.ensureDefault()).id;
const supporterRow = (platform: string, externalId: string) =>
  h.db.client.supporter.findFirst({
    where: { identities: { some: { platform, externalId } } },
    include: { identities: true, consents: true },
  });

describe('/join: consent first', () => {
  it('stores nothing but the platform id before the person agrees', async () => {
    const ann: Actor = { ...telegramUser('1001', 'ann_k'), displayName: 'Ann K' };
    const notice = await h.say(ann, '/start');
    expect(h.text(notice)).toContain('/mydata');
    expect(h.text(notice)).toContain('/forgetme');
    expect(h.text(notice)).toContain('Telegram account id');
    expect(notice.private).toBe(true);
    expect(notice.buttons?.[0]?.[0]).toMatchObject({
      label: 'I agree',
      action: { command: 'join', args: { agree: 'on' } },
    });
    await h.say(ann, '/profile');
    const row = await supporterRow('telegram', '1001');
    expect(row).toMatchObject({ displayName: null, consentAt: null, policyVersion: null });
    expect(row?.identities).toMatchObject([{ externalId: '1001', username: null, chatId: null }]);
    expect(row?.consents).toEqual([]);
  });

  it('registers on "I agree" with the name the platform shows, the policy version and a consent record', async () => {
    const ann: Actor = { ...telegramUser('1001', 'ann_k'), displayName: 'Ann K' };
    const welcome = await h.say(ann, '/join agree:on');
    expect(h.text(welcome)).toContain('Welcome to Test campaign, Ann K!');
    const row = await supporterRow('telegram', '1001');
    expect(row).toMatchObject({ displayName: 'Ann K', consentAt: NOW, policyVersion: '1' });
    expect(row?.identities).toMatchObject([{ username: 'ann_k', chatId: '1001' }]);
    expect(row?.consents).toMatchObject([{ action: 'consented', policyVersion: '1' }]);
  });

  it('answers "already registered" instead of registering twice', async () => {
    const reply = await h.say('1001', '/start');
    expect(h.text(reply)).toContain('already registered');
    expect(await h.db.client.identity.count({ where: { externalId: '1001' } })).toBe(1);
  });

  it('uses the username as the name when the platform gives no display name', async () => {
    await h.volunteer('1002', 'bob_the_builder');
    expect((await supporterRow('telegram', '1002'))?.displayName).toBe('bob_the_builder');
  });

  it('joins the campaign of an invite code, with the code carried by the "I agree" button', async () => {
    const other = await h.core.services.campaigns.create('Riverside');
    const notice = await h.say('1003', `/start ${other.inviteCode}`);
    expect(h.text(notice)).toContain('Before you join Riverside');
    expect(notice.buttons?.[0]?.[0]?.action.args).toEqual({ agree: 'on', code: other.inviteCode });
    expect((await supporterRow('telegram', '1003'))?.campaignId).toBe(other.id);

    await h.say('1003', `/join agree:on code:${other.inviteCode}`);
    const row = await supporterRow('telegram', '1003');
    expect(row).toMatchObject({ campaignId: other.id, consentAt: NOW });
    expect(await h.db.client.identity.count({ where: { externalId: '1003' } })).toBe(1);
    expect(h.text(await h.say('1003', '/profile'))).toContain('Your profile in Riverside');
  });

  it('refuses an unknown invite code with a clear sentence and writes nothing', async () => {
    const reply = await h.say('1004', '/start nosuchcode');
    expect(h.text(reply)).toContain('The invite code "nosuchcode" does not match any campaign');
    expect(await supporterRow('telegram', '1004')).toBeNull();
  });

  it('keeps volunteer commands for registered people', async () => {
    expect(h.text(await h.say('1005', '/profile'))).toMatch(
      /^Please register first with \/start, then try again\.\s+Before you join/,
    );
  });
});

describe('/profile', () => {
  it('shows name, language, time zone, quiet hours, reminders, skills and points', async () => {
    await h.volunteer('2001', 'carla');
    const reply = await h.say('2001', '/profile');
    expect(reply.private).toBe(true);
    const text = h.text(reply);
    for (const line of [
      'Name: carla',
      'Language: en (campaign default)',
      'Time zone: Europe/Paris (campaign default)',
      'Quiet hours: none',
      'Reminders: on',
      'Skills: none',
      'Points: 0',
    ]) {
      expect(text).toContain(line);
    }
    expect(h.text(await h.say('2001', '/profile show'))).toBe(text);
  });

  it('sets time zone, language, quiet hours, reminders and skills in one command', async () => {
    const reply = await h.say(
      '2001',
      '/profile set timezone:america/new_york language:fr quiet_hours:22:00-8:00 reminders:off skills:"Canvassing, phoning"',
    );
    expect(h.text(reply)).toContain('Your profile is updated.');
    const row = await h.core.deps.store.supporters.findByIdentity(
      await defaultCampaign(),
      'telegram',
      '2001',
    );
    expect(row).toMatchObject({
      timezone: 'America/New_York',
      locale: 'fr',
      quietHours: '22:00-08:00',
      remindersEnabled: false,
      skills: ['canvassing', 'phoning'],
    });
    expect(h.text(await h.say('2001', '/profile'))).toContain('Fuseau horaire : America/New_York');
  });

  const unchanged = async () => {
    const row = await h.core.deps.store.supporters.findByIdentity(
      await defaultCampaign(),
      'telegram',
      '2001',
    );
    expect(row).toMatchObject({
      timezone: 'America/New_York',
      locale: 'fr',
      quietHours: '22:00-08:00',
      remindersEnabled: false,
      skills: ['canvassing', 'phoning'],
    });
  };

  it('refuses an unknown time zone and writes nothing, not even the good values beside it', async () => {
    const reply = await h.say('2001', '/profile set timezone:Mars/Olympus reminders:on skills:x');
    expect(h.text(reply)).toContain('« Mars/Olympus »');
    await unchanged();
  });

  it('refuses bad quiet hours and writes nothing', async () => {
    for (const bad of ['25:00-08:00', '22:00-22:00', 'late', '22:61-08:00']) {
      const reply = await h.say('2001', `/profile set quiet_hours:${bad} language:en`);
      expect(h.text(reply)).toContain(bad);
      expect(h.text(reply)).toContain('22:00-08:00');
    }
    await unchanged();
  });

  it('refuses a language other than en or fr and writes nothing', async () => {
    const reply = await h.say('2001', '/profile set language:de reminders:on');
    expect(h.text(reply)).toContain('en, fr');
    await unchanged();
  });

  it('refuses reminders that are not on or off and writes nothing', async () => {
    const reply = await h.say('2001', '/profile set reminders:maybe');
    expect(h.text(reply)).toContain('on');
    await unchanged();
  });

  it('clears quiet hours and skills with "off" and "none"', async () => {
    await h.say('2001', '/profile set quiet_hours:off skills:none language:en');
    const text = h.text(await h.say('2001', '/profile'));
    expect(text).toContain('Quiet hours: none');
    expect(text).toContain('Skills: none');
  });

  it('says what can be changed when /profile set gets no option', async () => {
    expect(h.text(await h.say('2001', '/profile set'))).toContain(
      'timezone, language, quiet_hours',
    );
  });
});

describe('/leaderboard', () => {
  it('says it is off unless the campaign turned it on', async () => {
    await h.volunteer('3001', 'dana');
    expect(h.text(await h.say('3001', '/leaderboard'))).toContain('The leaderboard is off');
  });

  it('lists the top 10 registered supporters by points with their names', async () => {
    const campaignId = await defaultCampaign();
    await h.core.services.campaigns.update(campaignId, { leaderboardEnabled: true });
    const { supporters } = h.core.deps.store;
    for (let i = 1; i <= 11; i++) {
      await h.volunteer(`31${String(i).padStart(2, '0')}`, `runner${i}`);
      const s = await supporterOf(h, campaignId, 'telegram', `31${String(i).padStart(2, '0')}`);
      await supporters.addPoints(campaignId, s.id, i * 10);
    }
    const stranger = await supporters.createWithIdentity(campaignId, {
      platform: 'telegram',
      externalId: '3199',
    });
    await supporters.addPoints(campaignId, stranger.id, 1000);

    const lines = h.text(await h.say('3001', '/leaderboard')).split('\n');
    expect(lines[0]).toBe('Top supporters by points');
    expect(lines.slice(1)).toHaveLength(10);
    expect(lines[1]).toBe('1. runner11: 110 points');
    expect(lines[10]).toBe('10. runner2: 20 points');
  });

  it('is for registered supporters only', async () => {
    expect(h.text(await h.say('3999', '/leaderboard'))).toContain('register first');
  });
});

describe('console', () => {
  it('lets the console admin register like anyone else', async () => {
    expect(h.text(await h.say(consoleAdmin, '/join agree:on'))).toContain('Welcome');
    expect(h.text(await h.say(consoleAdmin, '/profile'))).toContain('Points: 0');
  });
});

describe('last seen', () => {
  it('notes when someone last wrote at most once a minute, but a new username at once', async () => {
    const bo: Actor = telegramUser('4001', 'bo');
    await h.say(bo, '/join agree:on');
    const seen = async () => {
      const row = await supporterRow('telegram', '4001');
      return { active: row?.lastActiveAt, seen: row?.identities[0]?.lastSeenAt };
    };
    try {
      h.clock.advance(10 * 60_000);
      await h.say(bo, '/profile');
      const first = await seen();
      expect(first.active?.getTime()).toBe(NOW.getTime() + 10 * 60_000);
      expect(first.seen?.getTime()).toBe(NOW.getTime() + 10 * 60_000);

      h.clock.advance(30_000);
      await h.say(bo, '/profile');
      expect(await seen()).toEqual(first);
      await h.say({ ...bo, username: 'bo_new' }, '/profile');
      expect((await seen()).active).toEqual(first.active);
      expect((await supporterRow('telegram', '4001'))?.identities[0]?.username).toBe('bo_new');

      h.clock.advance(31_000);
      await h.say(bo, '/profile');
      const later = NOW.getTime() + 10 * 60_000 + 61_000;
      expect((await seen()).active?.getTime()).toBe(later);
      expect((await seen()).seen?.getTime()).toBe(later);
    } finally {
      h.clock.set(NOW);
    }
  });
});
