import { fileURLToPath } from 'node:url';
import type { ShardingManager } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShards, stopShards } from '../../../src/bots/discord/shard-manager.ts';
import { openDatabase } from '../../../src/store/database.ts';
import { FakeDiscord, type FakeGuild, type FakeUser } from '../../fakes/fake-discord.ts';
import { shardOf } from '../../fakes/fake-discord-gateway.ts';
import {
  createPostgresDatabase,
  reportPostgresSkip,
  TEST_POSTGRES_URL,
} from '../../support/databases.ts';

const CHILD = fileURLToPath(new URL('./fixtures/shard-child.ts', import.meta.url));
const saved = { ...process.env };
let fake: FakeDiscord;
let manager: ShardingManager | undefined;
let owner: FakeUser;
let guilds: FakeGuild[];
let database: { url: string; drop(): Promise<void> } | undefined;

reportPostgresSkip('Discord sharding');

// Shard processes share one database: PostgreSQL, as in production (SQLite is for one process).
beforeAll(async () => {
  if (!TEST_POSTGRES_URL) return;
  database = await createPostgresDatabase('discord_shards');
  fake = await FakeDiscord.start({ shards: 2 });
  owner = fake.addUser('owner');
  guilds = [fake.addGuild('North', owner), fake.addGuild('South', owner)];
  // Migrated once here: shard processes starting together would race to migrate.
  await (await openDatabase(database.url)).close();
  // The shard processes inherit this environment (this test file runs in its own process).
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DISCORD_API_BASE: fake.apiBase,
    LOG_LEVEL: 'warn',
  });
  manager = await startShards({
    config: { token: fake.token, apiBase: fake.apiBase },
    file: CHILD,
    httpPort: 0,
    spawnDelayMs: 0,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
}, 120_000);

afterAll(async () => {
  if (manager) await stopShards(manager);
  process.env = saved;
  await fake?.close();
  await database?.drop();
});

describe.skipIf(!TEST_POSTGRES_URL)('Discord bot under discord.js ShardingManager', () => {
  it('runs one process per recommended shard, each identifying for its own shard', () => {
    expect(guilds.map((g) => shardOf(g.id, 2)).sort()).toEqual([0, 1]);
    expect(manager?.shards.size).toBe(2);
    const shards = fake.gateway.identifies.map((i) => [i.tokenOk, ...i.shard]);
    expect(shards.sort()).toEqual([
      [true, 0, 2],
      [true, 1, 2],
    ]);
  });

  it('registers the commands from the process serving shard 0 only', () => {
    expect(fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('answers interactions of each guild from the process serving its shard', async () => {
    for (const guild of guilds) {
      const record = await fake.command({ user: owner, guild }, 'help');
      expect(record.original?.content).toContain('/task next');
    }
  });
});
