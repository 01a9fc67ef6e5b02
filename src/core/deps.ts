import type { Locale } from './campaigns/campaign.types.ts';
import type { Clock } from './clock.ts';
import type { Store } from './ports.ts';

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
}

/** What every service is built from. */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  settings: CoreSettings;
}

/** Where the core reports failures it could not turn into a reply (pino fits). */
export interface ErrorLog {
  error(details: Record<string, unknown>, message: string): void;
}
