import type { Locale } from './campaigns/campaign.types.ts';
import type { Clock } from './clock.ts';
import type { FanOuts } from './notifications/fan-out.ts';
import type { Store } from './ports.ts';
import type { ChartRenderer } from './reports/chart.types.ts';

/** A platform account that is admin of every campaign (from ADMIN_IDS). */
export interface AdminRef {
  platform: string;
  userId: string;
}

/** Settings the core needs from the configuration. */
export interface CoreSettings {
  defaults: { name: string; timezone: string; locale: Locale };
  admins: readonly AdminRef[];
  commandsPerMinute: number;
  /** Version of the privacy notice people agree to. */
  policyVersion: string;
  /** External base URL of the HTTP server (no trailing slash), for feed links; null = none. */
  publicBaseUrl?: string | null;
  /** Each platform's name in sentences, by id (`telegram` -> `Telegram`). */
  platformNames: Readonly<Record<string, string>>;
}

/** What every service is built from. */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  settings: CoreSettings;
  cron: CronRules;
  /** Draws the `/stats` picture (ECharts and resvg implement it outside the core). */
  charts: ChartRenderer;
  /** Writes outbox rows for whole audiences, in the background when they are large. */
  fanOuts: FanOuts;
}

export type { ErrorLog, Log } from './log.ts';

/** Cron expressions, read in a time zone (node-cron implements it outside the core). */
export interface CronRules {
  validate(expression: string): boolean;
  /** Whether the expression fires at this instant's minute (and second, for six fields) in `zone`. */
  matches(expression: string, zone: string, at: Date): boolean;
}
