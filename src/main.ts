/**
 * Composition root: configuration -> logger -> database (migrated) -> core -> adapters -> scheduler.
 * `npm start` runs this file (`--console` forces the console adapter); tests call
 * {@link startApp} directly.
 */
import { pathToFileURL } from 'node:url';
import { ConsoleAdapter } from './bots/console/console-adapter.ts';
import { type Config, ConfigError, configSecrets, loadConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { type Core, createCore } from './core/core.ts';
import { createLogger, type Logger } from './logger.ts';
import { nodeCronRules } from './scheduler/cron-rules.ts';
import { type Database, openDatabase } from './store/database.ts';

/** Version of the privacy notice supporters agree to; bump it when the notice changes. */
export const POLICY_VERSION = '2026-11';

/** A running assistant and the way to stop it cleanly. */
export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  core: Core;
  /** The terminal chat, when it runs. */
  console?: ConsoleAdapter;
  /** Stops taking updates, lets work in flight finish, closes the database. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
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
  let core: Core;
  let terminal: ConsoleAdapter | undefined;
  try {
    core = createCore(
      {
        store: db.store,
        clock: systemClock,
        settings: {
          defaults: config.campaignDefaults,
          admins: config.admins,
          commandsPerMinute: config.rateLimit.commandsPerMinute,
          policyVersion: POLICY_VERSION,
        },
        cron: nodeCronRules,
      },
      logger,
    );
    const campaign = await core.services.campaigns.ensureDefault();
    logger.info({ campaignId: campaign.id }, 'default campaign ready');
    terminal = startsConsole(config, options.console)
      ? new ConsoleAdapter({
          core,
          input: options.consoleStreams?.input ?? process.stdin,
          output: options.consoleStreams?.output ?? process.stdout,
          log: logger,
        })
      : undefined;
    await terminal?.start();
    if (!config.discord && !config.telegram) logger.info('no platform token is configured');
    if (terminal) logger.info('console adapter started');
  } catch (error) {
    await db.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      await terminal?.close();
      await db.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { config, logger, db, core, console: terminal, stop };
}

function startsConsole(config: Config, mode: StartOptions['console'] = 'auto'): boolean {
  if (mode === 'auto') return !config.discord && !config.telegram;
  return mode === 'always';
}

/**
 * Runs until SIGINT, SIGTERM or the end of the console's input, then shuts down and exits 0; bad
 * settings exit 1.
 */
async function main(): Promise<void> {
  let app: App;
  try {
    app = await startApp({ console: process.argv.includes('--console') ? 'always' : 'auto' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error:\n${error.message}\n`);
    process.exit(1);
  }
  let shuttingDown = false;
  const shutdown = (reason: NodeJS.Signals | 'end of input') => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.logger.info({ reason }, 'shutdown requested');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  app.console?.closed.then(() => shutdown('end of input'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
