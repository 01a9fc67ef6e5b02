import { describe, expect, it } from 'vitest';
import { shownText } from '../../fakes/fake-discord.ts';
import { answerText, useDiscord } from './discord-harness.ts';

const world = useDiscord();

function announced(channel: string, title: string) {
  return world.fake.messagesIn(channel).find((m) => shownText(m).includes(title));
}

describe('the role announcements ping on Discord', () => {
  it('pings nobody until /setup ping_role: is set, then only that role, until ping:False', async () => {
    const { organizer, guild } = world;
    const who = { user: organizer, guild };
    const channel = guild.channelIds[0]!;
    await world.run(who, 'setup', { channel: `<#${channel}>` });
    await world.run(who, 'task create', { title: 'Fold leaflets', description: 'At the office' });
    const silent = announced(channel, 'Fold leaflets');
    expect(silent?.content).not.toContain('<@&');
    expect(silent?.allowedMentions).toEqual({ parse: [] });

    const role = world.fake.addRole(guild);
    const set = await world.run(who, 'setup', { ping_role: role });
    expect(answerText(set)).toContain(`Role pinged by announcements: <@&${role}>`);
    await world.run(who, 'event create', {
      title: 'Street stall',
      start: '2026-12-12 10:00',
      description: 'Bring a table',
    });
    const pinged = announced(channel, 'Street stall');
    expect(pinged?.content).toBe(`<@&${role}>`);
    expect(pinged?.allowedMentions).toEqual({ roles: [role] });

    const off = await world.run(who, 'setup', { ping: false });
    expect(answerText(off)).toContain('Role pinged by announcements: none');
    await world.run(who, 'task create', { title: 'Count the votes', description: 'Evening' });
    const after = announced(channel, 'Count the votes');
    expect(after?.content).not.toContain('<@&');
    expect(after?.allowedMentions).toEqual({ parse: [] });
  });
});
