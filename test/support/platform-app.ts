import { fixedClock } from '../../src/core/clock.ts';
import { type App, startApp } from '../../src/main.ts';
import { type Harness, NOW } from './core-harness.ts';
import { tempSqliteUrl } from './databases.ts';

/**
 * The real program (startApp) for platform end-to-end tests: a fresh SQLite file, a fixed clock,
 * the core harness's campaign defaults, no console, and an idle scheduler (its cron never fires
 * during a test: tests deliver with their own dispatcher ticks). `env` adds the platform settings.
 * Fills `harness` with the app's core, database and clock.
 */
export async function startPlatformApp(
  harness: Harness,
  env: Record<string, string>,
  logs: string[],
): Promise<{ app: App; cleanup(): void }> {
  const file = tempSqliteUrl();
  harness.clock = fixedClock(NOW);
  const app = await startApp({
    env: {
      DATABASE_URL: file.url,
      HTTP_PORT: '0',
      CAMPAIGN_NAME: 'Test campaign',
      DEFAULT_TIMEZONE: 'Europe/Paris',
      COMMAND_RATE_LIMIT: '1000',
      SCHEDULER_CRON: '0 0 1 1 *',
      LOG_LEVEL: 'debug',
      ...env,
    },
    clock: harness.clock,
    console: 'never',
    logDestination: { write: (line: string) => logs.push(line) },
  });
  harness.core = app.core;
  harness.db = app.db;
  return { app, cleanup: file.cleanup };
}
