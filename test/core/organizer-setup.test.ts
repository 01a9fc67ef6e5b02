import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { consoleAdmin, telegramUser, useCore } from '../support/core-harness.ts';

const h = useCore();

const groupAdmin: Actor = {
  ...telegramUser('500', 'gina'),
  spaceAdmin: true,
  platformLocale: 'en',
};
const canvassGroup = { platform: 'telegram' as const, id: '-100123', title: 'Canvass team' };

async function campaignCount(): Promise<number> {
  return h.db.client.campaign.count();
}

async function defaultCampaign() {
  return h.core.services.campaigns.ensureDefault();
}

describe('/setup in a group', () => {
  it('binds an unbound Telegram group to a new campaign named after the group', async () => {
    const before = await campaignCount();
    const reply = await h.say(
      groupAdmin,
      '/setup timezone:america/new_york reminders:2h,1d',
      canvassGroup,
    );
    const space = await h.db.store.campaigns.findSpace('telegram', '-100123');
    const campaign = await h.db.store.campaigns.findById(space?.campaignId ?? 0);
    expect(await campaignCount()).toBe(before + 1);
    expect(campaign).toMatchObject({
      name: 'Canvass team',
      timezone: 'America/New_York',
      reminderOffsets: '1d,2h',
      locale: 'en',
    });
    expect(campaign?.id).not.toBe((await defaultCampaign()).id);
    const text = h.text(reply);
    expect(text).toContain('new campaign, "Canvass team"');
    expect(text).toContain('Time zone: America/New_York');
    expect(text).toContain(`Invite code: ${campaign?.inviteCode}`);
    // The Telegram adapter's words link to its own bot (`test_bot` in the harness).
    expect(text).toContain(`https://t.me/test_bot?start=${campaign?.inviteCode}`);
  });

  it('acts on the bound campaign for later commands from that group', async () => {
    const reply = await h.say(
      groupAdmin,
      '/setup leaderboard:on name:"North canvass"',
      canvassGroup,
    );
    const space = await h.db.store.campaigns.findSpace('telegram', '-100123');
    const campaign = await h.db.store.campaigns.findById(space?.campaignId ?? 0);
    expect(campaign).toMatchObject({ name: 'North canvass', leaderboardEnabled: true });
    expect(h.text(reply)).toContain('Campaign "North canvass":');
    expect(h.text(await h.say(groupAdmin, '/stats', canvassGroup))).toContain(
      'Campaign "North canvass"',
    );
  });

  it('refuses a group member who is not an admin of an unbound group', async () => {
    const before = await campaignCount();
    const reply = await h.say(telegramUser('501'), '/setup', {
      platform: 'telegram',
      id: '-100999',
      title: 'Strangers',
    });
    expect(h.text(reply)).toBe('Only organizers can use /setup.');
    expect(await campaignCount()).toBe(before);
  });

  it('refuses a volunteer in a bound group', async () => {
    const volunteer = await h.volunteer('111');
    const reply = await h.say(volunteer, '/setup leaderboard:off', canvassGroup);
    expect(h.text(reply)).toBe('Only organizers can use /setup.');
  });

  it('stores the organizer role of a Discord server, whose holders then organize there', async () => {
    const guild = { platform: 'discord' as const, id: '777', title: 'Discord HQ' };
    const owner: Actor = { platform: 'discord', userId: '9001', spaceAdmin: true };
    const reply = await h.say(owner, '/setup organizer_role:<@&4242>', guild);
    expect(h.text(reply)).toContain('Organizer role: <@&4242>');
    expect(await h.db.store.campaigns.findSpace('discord', '777')).toMatchObject({
      organizerRoleId: '4242',
    });
    const member: Actor = { platform: 'discord', userId: '9002', roleIds: ['4242'] };
    expect(h.text(await h.say(member, '/stats', guild))).toContain('Campaign "Discord HQ"');
  });

  it('binds a group to an existing campaign by invite code, for that campaign’s organizers', async () => {
    const target = await defaultCampaign();
    const group = { platform: 'telegram' as const, id: '-100555', title: 'Second group' };
    const stranger: Actor = { ...telegramUser('502'), spaceAdmin: true };
    const refused = await h.say(stranger, `/setup invite:${target.inviteCode}`, group);
    expect(h.text(refused)).toContain('Only organizers of "Test campaign"');
    expect(await h.db.store.campaigns.findSpace('telegram', '-100555')).toBeNull();

    const organizer = await h.volunteer('503', 'olga');
    await h.db.store.supporters.update(target.id, (await supporterOf('503')).id, {
      role: 'organizer',
    });
    const before = await campaignCount();
    const reply = await h.say(organizer, `/setup invite:${target.inviteCode}`, group);
    expect(h.text(reply)).toContain('now bound to the campaign "Test campaign"');
    expect(await h.db.store.campaigns.findSpace('telegram', '-100555')).toMatchObject({
      campaignId: target.id,
    });
    expect(await campaignCount()).toBe(before);
  });
});

async function supporterOf(userId: string) {
  const campaign = await defaultCampaign();
  const found = await h.db.store.supporters.findByIdentity(campaign.id, 'telegram', userId);
  if (!found) throw new Error(`no supporter ${userId}`);
  return found;
}

describe('/setup in a private chat', () => {
  it('is for admins only in a private chat', async () => {
    const organizer = await h.volunteer('504');
    const campaign = await defaultCampaign();
    await h.db.store.supporters.update(campaign.id, (await supporterOf('504')).id, {
      role: 'organizer',
    });
    const reply = await h.say(organizer, '/setup timezone:UTC');
    expect(h.text(reply)).toBe('Only campaign admins can use /setup.');
    expect((await defaultCampaign()).timezone).toBe('Europe/Paris');
  });

  it('lets an admin configure the default campaign', async () => {
    const reply = await h.say(
      consoleAdmin,
      '/setup timezone:Europe/Berlin language:fr digest:"0 9 * * 1" leaderboard:on',
    );
    expect(await defaultCampaign()).toMatchObject({
      timezone: 'Europe/Berlin',
      locale: 'fr',
      digestCron: '0 9 * * 1',
      leaderboardEnabled: true,
    });
    expect(h.text(reply)).toContain('Digest: 0 9 * * 1');
    expect(h.text(reply)).not.toContain('t.me');
  });

  it('turns the digest off with digest:off', async () => {
    await h.say(consoleAdmin, '/setup digest:off');
    expect((await defaultCampaign()).digestCron).toBeNull();
  });
});

describe('/setup refuses bad input and writes nothing', () => {
  const unbound = { platform: 'telegram' as const, id: '-100777', title: 'Fresh group' };
  const cases: [string, string][] = [
    ['/setup timezone:Mars/Olympus', 'I do not know the time zone "Mars/Olympus"'],
    ['/setup reminders:soon', '"soon" is not a list of durations'],
    ['/setup reminders:0h', '"0h" is not a list of durations'],
    ['/setup digest:"0 25 * * *"', '"0 25 * * *" is not a digest schedule'],
    ['/setup digest:"* * * * * *"', 'is not a digest schedule'],
    ['/setup digest:weekly', '"weekly" is not a digest schedule'],
    [
      '/setup organizer_role:<@&1>',
      'organizer_role can only be set by running /setup in a Discord',
    ],
    ['/setup ping_role:<@&1>', 'ping_role can only be set by running /setup in a Discord server'],
    ['/setup ping_role:off', 'ping_role can only be set by running /setup in a Discord server'],
    ['/setup language:de', 'language must be one of: en, fr'],
    ['/setup leaderboard:maybe', 'leaderboard must be on or off'],
    ['/setup invite:nope', 'No campaign has the invite code "nope"'],
  ];
  it.each(cases)('%s', async (line, expected) => {
    const before = await campaignCount();
    const reply = await h.say(groupAdmin, line, unbound);
    expect(h.text(reply)).toContain(expected);
    expect(await campaignCount()).toBe(before);
    expect(await h.db.store.campaigns.findSpace('telegram', '-100777')).toBeNull();
  });

  it('keeps a bound campaign unchanged when one option is bad', async () => {
    const space = await h.db.store.campaigns.findSpace('telegram', '-100123');
    const before = await h.db.store.campaigns.findById(space?.campaignId ?? 0);
    const reply = await h.say(groupAdmin, '/setup leaderboard:off timezone:Nowhere', canvassGroup);
    expect(h.text(reply)).toContain('Nowhere');
    expect(await h.db.store.campaigns.findById(space?.campaignId ?? 0)).toEqual(before);
  });

  it('refuses a malformed Discord role', async () => {
    const guild = { platform: 'discord' as const, id: '778', title: 'Other server' };
    const owner: Actor = {
      platform: 'discord',
      userId: '9003',
      spaceAdmin: true,
      platformLocale: 'en',
    };
    const reply = await h.say(owner, '/setup organizer_role:organizers', guild);
    expect(h.text(reply)).toContain('"organizers" is not a Discord role');
    expect(await h.db.store.campaigns.findSpace('discord', '778')).toBeNull();
  });
});
