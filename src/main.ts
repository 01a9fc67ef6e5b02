/**
 * Composition root: configuration -> logger -> database (migrated) -> core -> adapters ->
 * delivery (dispatcher, digests, scheduler) -> HTTP server.
 * `npm start` runs this file (`--console` forces the console adapter); tests call
 * {@link startApp} directly.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ChatAdapter } from './bots/chat-adapter.ts';
import { errorReason, PlatformStartError } from './bots/platform-start.ts';
import { LazyChartRenderer } from './charts/lazy-chart-renderer.ts';
import { type Config, ConfigError, configSecrets, loadConfig } from './config.ts';
import { type Clock, systemClock } from './core/clock.ts';
import { type Core, createCore } from './core/core.ts';
import { CoreNotificationContent } from './core/notifications/content.ts';
import { digestSchedule } from './core/notifications/digests.ts';
import { ScheduledMessagePlanner } from './core/notifications/scheduled-messages.ts';
import { reportSchedule } from './core/reports/report-schedule.ts';
import { calendarRoute } from './http/calendar-route.ts';
import { PromDeliveryMetrics } from './http/metrics.ts';
import { type HttpServer, PortUnavailableError, startHttpServer } from './http/server.ts';
import { createLogger, type Logger, logFile, maskSecrets } from './logger.ts';
import { platformNames, startAdapters } from './platforms.ts';
import { nodeCronRules } from './scheduler/cron-rules.ts';
import { Dispatcher } from './scheduler/dispatcher.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import type { SendBudget } from './scheduler/send-budget.ts';
import { type Database, openDatabase } from './store/database.ts';
import { Housekeeping } from './store/housekeeping.ts';
import { PrismaSendBudget } from './store/prisma-delivery-budget.ts';

/** Where the logs go when the console runs and `LOG_FILE` is unset. */
export const DEFAULT_LOG_FILE = './data/organizer.log';

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
  /**
   * Where log lines go; by default `LOG_FILE`, else `./data/organizer.log` when the console runs
   * (the chat owns the terminal), else standard error.
   */
  logDestination?: { write(line: string): unknown };
  /**
   * `auto` (default): the console runs when no platform token is set; `always`: it runs even with
   * tokens (`npm run console`); `never`: it does not run.
   */
  console?: 'auto' | 'always' | 'never';
  /** Streams of the console (standard input and output by default). */
  consoleStreams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Aborts the start (SIGINT or SIGTERM during it): {@link startApp} then rejects with its reason. */
  signal?: AbortSignal;
}

/** The start failed; the sentence saying why is already logged (and masked of every secret). */
export class StartFailedError extends Error {
  override readonly name = 'StartFailedError';

  constructor(
    sentence: string,
    /** Whether the log line went to the terminal (standard error) rather than a file. */
    readonly onTerminal: boolean,
  ) {
    super(sentence);
  }
}

/**
 * Starts the assistant from the environment. Throws {@link ConfigError} on bad settings and
 * {@link StartFailedError} (after logging its one sentence) when anything else stops the start.
 */
export async function startApp(options: StartOptions = {}): Promise<App> {
  const config = loadConfig(options.env);
  const withConsole = startsConsole(config, options.console);
  const logPath = config.log.file ?? (withConsole ? DEFAULT_LOG_FILE : '-');
  const logger = createLogger({
    level: config.log.level,
    secrets: configSecrets(config),
    destination: options.logDestination ?? (logPath === '-' ? process.stderr : logFile(logPath)),
  });
  // Every failure from here on is one logged sentence; an abort is passed on as it is.
  const failed = (error: unknown) => {
    if (options.signal?.aborted) {
      logger.info({ reason: options.signal.reason }, 'start interrupted');
      return options.signal.reason;
    }
    const sentence =
      error instanceof PlatformStartError || error instanceof PortUnavailableError
        ? error.message
        : `The assistant could not start: ${errorReason(error)}.`;
    logger.fatal(sentence);
    const onTerminal = !options.logDestination && logPath === '-';
    return new StartFailedError(maskSecrets(sentence, configSecrets(config)), onTerminal);
  };
  const db = await openDatabase(config.database.url).catch((error: unknown) => {
    throw failed(
      new PlatformStartError(`The database could not be opened: ${errorReason(error)}.`),
    );
  });
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
  // The HTTP server (health, webhook, calendar feeds) runs with a bot, or with HTTP_PORT set.
  const platforms = !!config.discord || !!config.telegram;
  const serving = config.http.port !== 0 && (platforms || config.http.requested);
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
          publicBaseUrl: serving ? config.http.publicBaseUrl : null,
          platformNames: platformNames(),
        },
        cron: nodeCronRules,
        charts: new LazyChartRenderer(),
        workerId: workerIdOf(config),
      },
      logger,
    );
    closers.push(() => core.deps.fanOuts.stop());
    const campaign = await core.services.campaigns.ensureDefault();
    logger.info({ campaignId: campaign.id }, 'default campaign ready');
    if (!platforms) logger.info('no platform token is configured');
    const sources = {
      config,
      console: withConsole
        ? {
            input: options.consoleStreams?.input ?? process.stdin,
            output: options.consoleStreams?.output ?? process.stdout,
            logFile: options.logDestination || logPath === '-' ? undefined : logPath,
          }
        : undefined,
    };
    const deps = {
      core,
      log: logger,
      limits: { timeoutMs: config.platformStartTimeoutMs, signal: options.signal },
    };
    const started = (adapter: ChatAdapter) => {
      adapters.set(adapter.platform, adapter);
      closers.push(() => adapter.stop());
    };
    await startAdapters(sources, deps, started, false);

    const metrics = new PromDeliveryMetrics();
    const housekeeping = new Housekeeping(db, { retentionMs: config.notificationRetentionMs });
    await keepHouse(housekeeping, core.deps.clock.now(), logger);
    // The console alone needs no HTTP server, unless HTTP_PORT asks for one.
    if (serving) {
      const server = await startHttpServer({
        port: config.http.port,
        metrics,
        ready: () => databaseAnswers(db),
        log: logger,
        routes: [
          calendarRoute(core.services.calendars),
          ...[...adapters.values()].flatMap((adapter) => adapter.routes ?? []),
        ],
      });
      http = server;
      closers.push(() => server.close());
      logger.info({ port: server.port }, 'HTTP server listening');
    }
    // The chat opens once nothing can stop the start any more (a busy port, a bad token).
    await startAdapters(sources, deps, started, true);
    const budget = new PrismaSendBudget(db.client);
    const scheduler = startDelivery(
      config,
      core,
      { adapters: [...adapters.values()], budget },
      metrics,
      logger,
      housekeeping,
    );
    closers.push(() => scheduler.stop());
    // Last, so that whoever waits for this line finds everything running.
    if (withConsole) logger.info('console adapter started');
  } catch (error) {
    await closeAll();
    throw failed(error);
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
 * Starts the scheduler: each tick queues the digests and reports that fell due, delivers every due
 * notification through the notifiers of the platforms this process runs, then lets each adapter
 * do its own round (Discord's Events).
 */
function startDelivery(
  config: Config,
  core: Core,
  { adapters, budget }: { adapters: ChatAdapter[]; budget: SendBudget },
  metrics: PromDeliveryMetrics,
  logger: Logger,
  housekeeping: Housekeeping,
): Scheduler {
  const { store, clock } = core.deps;
  const content = new CoreNotificationContent(core.deps);
  const workerId = workerIdOf(config);
  const dispatcher = new Dispatcher({
    store,
    notifiers: adapters.map((adapter) => adapter.notifier),
    content,
    clock,
    log: logger,
    metrics,
    workerId,
    // Shared through the database: every process together keeps to each platform's rate.
    budget,
  });
  const planner = new ScheduledMessagePlanner(core.deps, [digestSchedule, reportSchedule]);
  const scheduler = new Scheduler({
    expression: config.scheduler.cron,
    tick: async (signal) => {
      // Digests and reports are planned apart from delivery: a failure there must not hold up reminders.
      try {
        const queued = await planner.enqueueDue(clock.now());
        if (queued > 0) logger.info({ queued }, 'digests and reports queued');
      } catch (error) {
        logger.error({ err: error }, 'digest and report planning failed');
      }
      // Offers of seats to cover go out in waves while unfilled (each logs its own failure).
      const offered = await core.services.covers.sendDueWaves(logger).catch((error: unknown) => {
        logger.error({ err: error }, 'cover waves failed');
        return 0;
      });
      if (offered > 0) logger.info({ offered }, 'cover offers queued');
      // Fan-outs left by a process that stopped are taken over here (kick logs its own errors).
      void core.deps.fanOuts.kick();
      try {
        await dispatcher.tick(signal);
      } finally {
        // The platforms' own rounds do not wait on delivery going well.
        for (const adapter of adapters) await adapter.tick?.(signal);
      }
      await keepHouse(housekeeping, clock.now(), logger);
    },
    log: logger,
  });
  scheduler.start();
  return scheduler;
}

/** A housekeeping round when one is due; a failure is logged and tried again next round. */
async function keepHouse(housekeeping: Housekeeping, now: Date, logger: Logger): Promise<void> {
  try {
    const round = await housekeeping.runIfDue(now);
    if (round) logger.info(round, 'database housekeeping done');
  } catch (error) {
    logger.error({ err: error }, 'database housekeeping failed');
  }
}

/**
 * The name of this process's leases (outbox rows, fan-outs). One SQLite process: a stable id lets
 * a restart take its own leases back at once; on PostgreSQL each process has its own.
 */
function workerIdOf(config: Config): string {
  if (config.database.kind === 'sqlite') return 'sqlite';
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
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

/** The console runs without platform tokens, or when asked for. */
function startsConsole(config: Config, mode: StartOptions['console'] = 'auto'): boolean {
  if (mode === 'auto') return !config.discord && !config.telegram;
  return mode === 'always';
}

/**
 * Runs until SIGINT, SIGTERM or the end of the console's input, then shuts down and exits 0 (a
 * signal during the start interrupts it); bad settings and a failed start exit 1.
 */
async function main(): Promise<void> {
  let app: App | undefined;
  let requested: NodeJS.Signals | 'end of input' | undefined;
  let stopping = false;
  const starting = new AbortController();
  const shutdown = (reason: NodeJS.Signals | 'end of input') => {
    requested ??= reason;
    // A signal during start aborts it; startApp then closes what it opened.
    if (!app) starting.abort(reason);
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
    app = await startApp({
      console: process.argv.includes('--console') ? 'always' : 'auto',
      signal: starting.signal,
    });
  } catch (error) {
    if (starting.signal.aborted) process.exit(0);
    if (error instanceof StartFailedError) {
      if (!error.onTerminal) process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
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
