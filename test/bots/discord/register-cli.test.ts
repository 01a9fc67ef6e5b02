import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../../src/bots/discord/slash-commands.ts';
import { createCatalogue } from '../../../src/core/commands/index.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { npmStart } from '../../support/npm-start.ts';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

describe('npm run discord:register', () => {
  it('registers the catalogue to the configured guild, reading the application id from Discord', async () => {
    const guildId = '1258291200012582912';
    const run = npmStart(
      { DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, DISCORD_GUILD_ID: guildId },
      'discord:register',
    );
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain(`slash commands in server ${guildId}`);
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${guildId}/commands`);
    expect(put?.body).toEqual(slashCommands(createCatalogue()));
  });

  it('says what is wrong, without the token, when Discord refuses it', async () => {
    const run = npmStart(
      {
        DISCORD_TOKEN: `${fake.token}x`,
        DISCORD_API_BASE: fake.apiBase,
        DISCORD_APPLICATION_ID: '1',
      },
      'discord:register',
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Registration failed');
    expect(run.output()).not.toContain(fake.token);
  });

  it('refuses to run without DISCORD_TOKEN', async () => {
    const run = npmStart({}, 'discord:register');
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('DISCORD_TOKEN is not set');
  });
});
