/**
 * Runs the assistant sharded with discord.js's ShardingManager: one process per Discord shard,
 * all on the same PostgreSQL database (`node dist/bots/discord/shard-manager.js` once built).
 * Each process runs the program (main.js beside it) with SHARDS and SHARD_COUNT set, which discord.js
 * reads; shard 0 registers the commands; every process dispatches reminders, the database's row
 * locks keeping each delivery single.
 */
import { once } from 'node:events';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, type Shard, ShardingManager } from 'discord.js';
import { type DiscordConfig, loadConfig } from '../../config.ts';
import type { Log } from '../../core/deps.ts';
import { createLogger } from '../../logger.ts';

export interface ShardsOptions {
  config: DiscordConfig;
  /** The program each shard process runs (a `.ts` file runs through tsx). */
  file: string;
  /** Shards in all; by default the number Discord recommends. */
  totalShards?: number;
  /** HTTP port of shard 0's process; shard n listens on port + n (0: no HTTP server). */
  httpPort: number;
  /** Pause between two shard logins; Discord allows one IDENTIFY per 5 s. */
  spawnDelayMs?: number;
  log: Log;
}

/**
 * Spawns one process per shard and resolves once every shard is ready. The shard count is asked
 * from `GET /gateway/bot` on the configured API base: discord.js's own `totalShards: 'auto'`
 * always asks discord.com.
 */
export async function startShards(options: ShardsOptions): Promise<ShardingManager> {
  const { config, httpPort, log } = options;
  const totalShards = options.totalShards ?? (await recommendedShards(config));
  const manager = new ShardingManager(options.file, {
    token: config.token,
    totalShards,
    // Shards run with this process's Node options (see `npm start`); TypeScript through tsx.
    execArgv: options.file.endsWith('.ts') ? ['--import', 'tsx'] : process.execArgv,
  });
  manager.on('shardCreate', (shard: Shard) => {
    // Shards share the host: each needs its own port (environment variables win over `.env`).
    const env = shard.env as NodeJS.ProcessEnv;
    env.HTTP_PORT = String(httpPort === 0 ? 0 : httpPort + shard.id);
    log.info({ shardId: shard.id, totalShards }, 'discord shard starting');
  });
  await manager.spawn({
    amount: totalShards,
    delay: options.spawnDelayMs ?? 5_500,
    timeout: 120_000,
  });
  return manager;
}

/** Ends every shard process with SIGTERM (a clean shutdown, no respawn) and waits for it. */
export async function stopShards(manager: ShardingManager): Promise<void> {
  await Promise.all(
    manager.shards.map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      shard.kill();
      await exited;
    }),
  );
}

async function recommendedShards(config: DiscordConfig): Promise<number> {
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ level: config.log.level, secrets: [config.discord?.token] });
  if (!config.discord) {
    log.error({}, 'DISCORD_TOKEN is not set: there is nothing to shard');
    process.exit(1);
  }
  if (config.telegram && !config.telegram.webhook) {
    // Long polling from several processes makes Telegram refuse all but one of them.
    log.warn(
      {},
      'Telegram long polling in every shard: run Telegram in its own process or by webhook',
    );
  }
  const manager = await startShards({
    config: config.discord,
    // The program beside this one: dist/main.js once built, src/main.ts from the sources.
    file: fileURLToPath(new URL(`../../main${extname(import.meta.url)}`, import.meta.url)),
    httpPort: config.http.port,
    log,
  });
  const shutdown = () => stopShards(manager).then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
