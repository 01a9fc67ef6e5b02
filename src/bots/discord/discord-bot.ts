import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import { CardRefresher } from '../../core/cards/card-refresh.ts';
import { EventMirrors } from '../../core/events/event-mirrors.ts';
import { PaceGate } from '../../core/notifications/pace-gate.ts';
import type { AdapterOptions, ChatAdapter } from '../chat-adapter.ts';
import { Announcer } from './announcements.ts';
import { registerIfChanged } from './command-registration.ts';
import { DiscordCards } from './discord-cards.ts';
import { loggableError, rejectLongDirectMessageWaits } from './discord-errors.ts';
import { DiscordNotifier, pacedRest } from './discord-notifier.ts';
import { connectDiscord } from './discord-start.ts';
import { DiscordInteractions } from './interactions.ts';
import { DiscordScheduledEvents, listenForInterest } from './scheduled-events.ts';
import { slashCommands } from './slash-commands.ts';

export interface DiscordBotOptions extends AdapterOptions<DiscordConfig> {
  /** Answers slower than this are deferred first (Discord allows 3 s); 2 s by default, 0 always. */
  deferAfterMs?: number;
}

/** A connected Discord bot; stopping it also disconnects. */
export interface DiscordBot extends ChatAdapter {
  /** Resolves once no interaction is being answered. */
  idle(): Promise<void>;
}

/**
 * Logs in with the Guilds and GuildScheduledEvents intents (neither is privileged: slash
 * commands, buttons and "Interested" on the server's Events need no privileged intent),
 * answers interactions through the core, and registers the slash commands when they changed.
 * Under discord.js's ShardingManager each process serves the shards it is given (SHARDS and
 * SHARD_COUNT, read by discord.js) and only the one serving shard 0 registers commands.
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const { config, core, log } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildScheduledEvents],
    rest: { api: config.apiBase, rejectOnRateLimit: rejectLongDirectMessageWaits },
    allowedMentions: { parse: [] },
  });
  const interactions = new DiscordInteractions({
    core,
    log,
    announcer: new Announcer(client.rest, core.services, core.deps, log),
    deferAfterMs: options.deferAfterMs ?? 2_000,
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  const track = (started: Promise<void>) => {
    const work = started.finally(() => inFlight.delete(work));
    inFlight.add(work);
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) track(interactions.handle(interaction));
  });
  listenForInterest(client, core, log, (work) => {
    if (accepting) track(work);
  });
  const calendar = new DiscordScheduledEvents(client);
  const mirrors = new EventMirrors(core.deps, core.workerId, log);
  const cards = new CardRefresher(core.deps, core.workerId, log);
  // The outbox and the cards' edits go through their own REST queue: a burst of direct messages
  // paced at the bot's limit never holds an interaction reply back in discord.js's queue.
  // Paced by the dispatcher right at the wire: every request of it counts toward the bot's limit.
  const gate = new PaceGate();
  const background = pacedRest(
    { api: config.apiBase, rejectOnRateLimit: rejectLongDirectMessageWaits },
    gate,
  ).setToken(config.token);
  const cardTarget = new DiscordCards(background);
  client.on(Events.Error, (error) =>
    log.error({ err: loggableError(error) }, 'discord client error'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ shardId, code: event.code }, 'discord shard disconnected'),
  );
  // Listening before login: the ready event may come before login() resolves.
  const ready = once(client, Events.ClientReady);
  try {
    const limits = options.limits ?? { timeoutMs: 60_000 };
    await connectDiscord(client, config.token, config.apiBase, ready, limits);
    const shards = client.options.shards;
    log.info({ guilds: client.guilds.cache.size, shards }, 'discord bot ready');
    if (!Array.isArray(shards) || shards.includes(0)) {
      const commands = slashCommands(core.catalogue);
      // The commands registered before still work: a failure here must not stop the bot.
      await registerIfChanged(
        client.application!,
        client.rest,
        config.guildId,
        commands,
        log,
      ).catch((error: unknown) =>
        log.error({ err: loggableError(error) }, 'discord commands not registered'),
      );
    }
  } catch (error) {
    await client.destroy();
    throw error;
  }

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  let stopping: Promise<void> | undefined;
  return {
    platform: 'discord',
    notifier: new DiscordNotifier(background, gate),
    idle,
    tick: async (signal) => {
      try {
        const sent = await mirrors.sync(calendar, signal);
        if (sent > 0) log.info({ sent }, 'discord scheduled events updated');
      } catch (error) {
        log.error({ err: loggableError(error) }, 'discord scheduled events not updated');
      }
      await cards
        .refresh(cardTarget, signal)
        .catch((error: unknown) =>
          log.error({ err: loggableError(error) }, 'discord announcement cards not edited'),
        );
    },
    stop: () => {
      stopping ??= (async () => {
        accepting = false;
        await idle();
        background.clearHashSweeper();
        background.clearHandlerSweeper();
        await client.destroy();
      })();
      return stopping;
    },
  };
}
