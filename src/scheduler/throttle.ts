import type { Platform } from '../core/campaigns/campaign.types.ts';

/** A platform's sending limits; an absent field means no limit of that kind. */
export interface PlatformLimit {
  /** Messages in any one-second window, over all chats. */
  perSecond?: number;
  /** Minimum time between two messages to the same chat. */
  perChatIntervalMs?: number;
}

export type PlatformLimits = Partial<Record<Platform, PlatformLimit>>;

/**
 * Telegram: about 30 messages per second overall and one per second per chat. Discord: a global
 * cap under its 50 requests/s (discord.js paces each route by the response headers). The
 * console has none.
 */
export const DEFAULT_LIMITS: Readonly<Record<Platform, PlatformLimit>> = {
  telegram: { perSecond: 30, perChatIntervalMs: 1_000 },
  discord: { perSecond: 40 },
  console: {},
};

const WINDOW_MS = 1_000;
/** Per-chat send times are forgotten once this many are kept and they are past their interval. */
const CHAT_MEMORY = 10_000;

/**
 * Per-platform pacing, driven by the instants it is given (not by timers), so the dispatcher's
 * clock decides and tests can move time. Nothing is sent while a platform is paused after a 429.
 */
export class DeliveryThrottle {
  private readonly platforms = new Map<string, PlatformPace>();

  constructor(private readonly limits: PlatformLimits = {}) {}

  /** Milliseconds to wait before a message to `chat` on `platform` may go at `now` (0: go). */
  waitMs(platform: Platform, chat: string, now: number): number {
    return this.pace(platform).waitMs(chat, now);
  }

  /** Notes that a message to `chat` reached the platform at `now` (accepted or not). */
  record(platform: Platform, chat: string, now: number): void {
    this.pace(platform).record(chat, now);
  }

  /** Sends nothing on `platform` before `until` (the platform's `retry_after`). */
  pause(platform: Platform, until: number): void {
    this.pace(platform).pause(until);
  }

  private pace(platform: Platform): PlatformPace {
    let pace = this.platforms.get(platform);
    if (!pace) {
      pace = new PlatformPace({ ...DEFAULT_LIMITS[platform], ...this.limits[platform] });
      this.platforms.set(platform, pace);
    }
    return pace;
  }
}

class PlatformPace {
  /** The last `perSecond` send instants, oldest at `next` once full (a ring). */
  private readonly recent: number[] = [];
  private next = 0;
  private readonly chats = new Map<string, number>();
  private pausedUntil = 0;

  constructor(private readonly limit: PlatformLimit) {}

  waitMs(chat: string, now: number): number {
    let ready = this.pausedUntil;
    const { perSecond, perChatIntervalMs } = this.limit;
    if (perSecond !== undefined && this.recent.length >= perSecond) {
      ready = Math.max(ready, (this.recent[this.next] ?? 0) + WINDOW_MS);
    }
    const last = this.chats.get(chat);
    if (perChatIntervalMs !== undefined && last !== undefined) {
      ready = Math.max(ready, last + perChatIntervalMs);
    }
    return Math.max(0, ready - now);
  }

  record(chat: string, now: number): void {
    const { perSecond, perChatIntervalMs } = this.limit;
    if (perSecond !== undefined) {
      if (this.recent.length < perSecond) this.recent.push(now);
      else {
        this.recent[this.next] = now;
        this.next = (this.next + 1) % perSecond;
      }
    }
    if (perChatIntervalMs === undefined) return;
    this.chats.delete(chat);
    this.chats.set(chat, now);
    if (this.chats.size > CHAT_MEMORY) this.forgetChats(now - perChatIntervalMs);
  }

  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Drops chats last sent to before `before`: they no longer hold anything back. */
  private forgetChats(before: number): void {
    // Insertion order is send order (entries are re-inserted on each send): oldest first.
    for (const [chat, at] of this.chats) {
      if (at >= before) break;
      this.chats.delete(chat);
    }
  }
}
