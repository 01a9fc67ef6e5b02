/**
 * Composition root: configuration -> logger -> database (migrated) -> core -> adapters ->
 * delivery (dispatcher, digests, scheduler) -> HTTP server.
 * `npm start` runs this file (`--console` forces the console adapter); tests call
 * {@link startApp} directly.
 */
import { pathToFileURL } from 'node:url';
import type { ChatAdapter } from './bots/chat-adapter.ts';
import type { ConsoleStreams } from './bots/console/console-adapter.ts';
import { type Config, ConfigError, configSecrets, loadConfig } from './config.ts';
import { type Clock, systemClock } from './core/clock.ts';
import { type Core, createCore } from './core/core.ts';
import { CoreNotificationContent } from './core/notifications/content.ts';
import { DigestPlanner } from './core/notifications/digests.ts';
import type { Notifier } from './core/notifications/notifier.ts';
import { PromDeliveryMetrics } from './http/metrics.ts';
import { type HttpServer, startHttpServer } from './http/server.ts';
import { createLogger, type Logger } from './logger.ts';
import { platformNames, startAdapters } from './platforms.ts';
import { nodeCronRules } from './scheduler/cron-rules.ts';
import { Dispatcher } from './scheduler/dispatcher.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { type Database, openDatabase } from './store/database.ts';

/** Version of the privacy notice supporters agree to; bump it when the notice changes. */
export const POLICY_VERSION = '2026-11';

/** A running assistant and the way to stop it cleanly. */
export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  core: Core;
  /** The health, readiness and metrics server, unless `HTTP_PORT` is 0. */
  http?: HttpServer;
  /** The running chat adapters by platform (`console`, `discord`, `telegram`). */
  adapters: ReadonlyMap<string, ChatAdapter>;
  /**
   * Stops taking updates (HTTP, the scheduler after the dispatch in flight, the console), then
   * closes the database. Idempotent.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** The clock of the core and the dispatcher (the system's by default; tests fix it). */
  clock?: Clock;
  /** Where log lines go (standard error by default, so standard output stays for the console). */
  logDestination?: { write(line: string): unknown };
  /**
   * `auto` (default): the console runs when no platform token is set; `always`: it runs even with
   * tokens (`npm run console`); `never`: it does not run.
   */
  console?: 'auto' | 'always' | 'never';
  /** Streams of the console (standard input and output by default). */
  consoleStreams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

/** Starts the assistant from the environment. Throws {@link ConfigError} on bad settings. */
export async function startApp(options: StartOptions = {}): Promise<App> {
  const config = loadConfig(options.env);
  const logger = createLogger({
    level: config.log.level,
    secrets: configSecrets(config),
    destination: options.logDestination ?? process.stderr,
  });
  const db = await openDatabase(config.database.url);
  logger.info(
    { database: config.database.kind, migrationsApplied: db.applied.length },
    'database ready',
  );
  // What has started, stopped last-first: HTTP and the scheduler before the console and the database.
  const closers: (() => Promise<void>)[] = [() => db.close()];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  let core: Core;
  let http: HttpServer | undefined;
  const adapters = new Map<string, ChatAdapter>();
  try {
    core = createCore(
      {
        store: db.store,
        clock: options.clock ?? systemClock,
        settings: {
          defaults: config.campaignDefaults,
          admins: config.admins,
          commandsPerMinute: config.rateLimit.commandsPerMinute,
          policyVersion: POLICY_VERSION,
          platformNames: platformNames(),
        },
        cron: nodeCronRules,
      },
      logger,
    );
    const campaign = await core.services.campaigns.ensureDefault();
    logger.info({ campaignId: campaign.id }, 'default campaign ready');
    if (!config.discord && !config.telegram) logger.info('no platform token is configured');
    const terminal = consoleStreams(config, options);
    await startAdapters({ config, console: terminal }, { core, log: logger }, (adapter) => {
      adapters.set(adapter.platform, adapter);
      closers.push(() => adapter.stop());
    });

    const metrics = new PromDeliveryMetrics();
    const notifiers = [...adapters.values()].map((adapter) => adapter.notifier);
    const scheduler = startDelivery(config, core, notifiers, metrics, logger);
    closers.push(() => scheduler.stop());
    if (config.http.port !== 0) {
      const server = await startHttpServer({
        port: config.http.port,
        metrics,
        ready: () => databaseAnswers(db),
        log: logger,
        routes: [...adapters.values()].flatMap((adapter) => adapter.routes ?? []),
      });
      http = server;
      closers.push(() => server.close());
      logger.info({ port: server.port }, 'HTTP server listening');
    }
    // Last, so that whoever waits for this line finds everything running.
    if (terminal) logger.info('console adapter started');
  } catch (error) {
    await closeAll();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      await closeAll();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { config, logger, db, core, adapters, http, stop };
}

/**
 * Starts the scheduler: each tick queues the digests that fell due, then delivers every due
 * notification through the notifiers of the platforms this process runs.
 */
function startDelivery(
  config: Config,
  core: Core,
  notifiers: Notifier[],
  metrics: PromDeliveryMetrics,
  logger: Logger,
): Scheduler {
  const { store, clock } = core.deps;
  const content = new CoreNotificationContent(core.deps);
  // One SQLite process: a stable worker id lets a restart take its own leases back at once.
  const workerId = config.database.kind === 'sqlite' ? 'sqlite' : undefined;
  const dispatcher = new Dispatcher({
    store,
    notifiers,
    content,
    clock,
    log: logger,
    metrics,
    workerId,
  });
  const digests = new DigestPlanner(core.deps);
  const scheduler = new Scheduler({
    expression: config.scheduler.cron,
    tick: async (signal) => {
      // Digests are planned apart from delivery: a failure there must not hold up reminders.
      try {
        const queued = await digests.enqueueDue(clock.now());
        if (queued > 0) logger.info({ queued }, 'digests queued');
      } catch (error) {
        logger.error({ err: error }, 'digest planning failed');
      }
      await dispatcher.tick(signal);
    },
    log: logger,
  });
  scheduler.start();
  return scheduler;
}

/** Readiness: the database answers a trivial query. */
async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.client.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The console's streams when it runs: without platform tokens, or when asked for. */
function consoleStreams(config: Config, options: StartOptions): ConsoleStreams | undefined {
  const mode = options.console ?? 'auto';
  const runs = mode === 'auto' ? !config.discord && !config.telegram : mode === 'always';
  if (!runs) return undefined;
  return {
    input: options.consoleStreams?.input ?? process.stdin,
    output: options.consoleStreams?.output ?? process.stdout,
  };
}

/**
 * Runs until SIGINT, SIGTERM or the end of the console's input, then shuts down and exits 0; bad
 * settings exit 1.
 */
async function main(): Promise<void> {
  let app: App | undefined;
  let requested: NodeJS.Signals | 'end of input' | undefined;
  let stopping = false;
  const shutdown = (reason: NodeJS.Signals | 'end of input') => {
    requested ??= reason;
    // A signal during start is kept and acted on as soon as the app is up.
    if (!app || stopping) return;
    stopping = true;
    const running = app;
    running.logger.info({ reason: requested }, 'shutdown requested');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Installed before anything starts, so no signal can fall between start and handling.
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    app = await startApp({ console: process.argv.includes('--console') ? 'always' : 'auto' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error:\n${error.message}\n`);
    process.exit(1);
  }
  for (const adapter of app.adapters.values()) adapter.ended?.then(() => shutdown('end of input'));
  if (requested) shutdown(requested);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
