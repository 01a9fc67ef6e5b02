import type { Core } from '../core/core.ts';
import type { Log } from '../core/deps.ts';
import type { Notifier } from '../core/notifications/notifier.ts';
import type { HttpRoute } from '../http/server.ts';
import type { StartLimits } from './platform-start.ts';

/**
 * What every chat platform implements, so that the composition root starts, wires and stops
 * them all the same way. A running adapter takes the platform's events through the core's
 * command path and renders the replies within the platform's limits.
 */
export interface ChatAdapter {
  /** The platform's id, as stored with identities and notification recipients (`telegram`). */
  readonly platform: string;
  /** Delivers notifications to this platform's users for the dispatcher. */
  readonly notifier: Notifier;
  /** Endpoints the HTTP server adds for this platform (the Telegram webhook). */
  readonly routes?: readonly HttpRoute[];
  /** Resolves when the platform's input has ended (the console's): the program then stops. */
  readonly ended?: Promise<void>;
  /**
   * Work of the platform's own done on every scheduler tick, after delivery (Discord keeps the
   * servers' Events in step with the campaigns' events; both chat platforms edit the announcement
   * cards whose counts or details changed). Failures are logged, never thrown.
   */
  tick?(signal: AbortSignal): Promise<void>;
  /** Stops taking events and lets those in progress finish. Idempotent. */
  stop(): Promise<void>;
}

/** What an adapter is started from: its platform's settings, the core and the log. */
export interface AdapterOptions<Settings> {
  config: Settings;
  core: Core;
  log: Log;
  /** How long the platform may stay unreachable at start (60 s by default), and what aborts it. */
  limits?: StartLimits;
}

/** Connects a platform and resolves once it takes events; throws when it cannot start. */
export type StartAdapter<Settings> = (options: AdapterOptions<Settings>) => Promise<ChatAdapter>;
