import type { Platform } from '../core/campaigns/campaign.types.ts';

/** A platform's pace; an absent field means no limit of that kind. */
export interface PlatformLimit {
  /**
   * Sends per second over all chats, and over every process sharing the send budget: sends are
   * spaced `1000 / perSecond` ms apart.
   */
  perSecond?: number;
  /** Minimum time between two messages to the same chat. */
  perChatIntervalMs?: number;
}

export type PlatformLimits = Partial<Record<Platform, PlatformLimit>>;

/**
 * Telegram allows 30 messages per second and one per second per chat; Discord 50 requests per
 * second. Both are paced just under their limit (29/s, 48.5 requests/s): a request goes within
 * 10 ms of its slot (see `takeSlot`), which leaves the way from the gate to the platform about
 * 20 ms of jitter before any one second could hold more than the limit. The console has none.
 */
export const DEFAULT_LIMITS: Readonly<Record<Platform, PlatformLimit>> = {
  telegram: { perSecond: 29, perChatIntervalMs: 1_000 },
  discord: { perSecond: 48.5 },
  console: {},
};

/** Per-chat send times are forgotten once this many are kept and they are past their interval. */
const CHAT_MEMORY = 10_000;

/**
 * This process's view of the per-chat intervals and of the pauses a platform asked for (429),
 * driven by the instants it is given (not by timers), so the dispatcher's clock decides and tests
 * can move time. The per-second pace is shared through a {@link SendBudget} instead.
 */
export class DeliveryThrottle {
  private readonly platforms = new Map<string, PlatformPace>();

  constructor(private readonly limits: PlatformLimits = {}) {}

  /** Milliseconds between two sends on `platform` (undefined: no per-second limit). */
  intervalMs(platform: Platform): number | undefined {
    const { perSecond } = this.pace(platform).limit;
    return perSecond === undefined ? undefined : 1_000 / perSecond;
  }

  /** Milliseconds to wait before a message to `chat` on `platform` may go at `now` (0: go). */
  waitMs(platform: Platform, chat: string, now: number): number {
    return this.pace(platform).waitMs(chat, now);
  }

  /** Notes that a message to `chat` reached the platform at `now` (accepted or not). */
  record(platform: Platform, chat: string, now: number): void {
    this.pace(platform).record(chat, now);
  }

  /** Sends nothing on `platform` before `until` (a platform-wide `retry_after`). */
  pause(platform: Platform, until: number): void {
    this.pace(platform).pausedUntil = Math.max(this.pace(platform).pausedUntil, until);
  }

  /** Sends nothing to `chat` on `platform` before `until` (that chat's `retry_after`). */
  pauseChat(platform: Platform, chat: string, until: number): void {
    this.pace(platform).pauseChat(chat, until);
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
  /** Last send instant per chat, oldest first (entries are re-inserted on each send). */
  private readonly chats = new Map<string, number>();
  private readonly chatPauses = new Map<string, number>();
  pausedUntil = 0;

  constructor(readonly limit: PlatformLimit) {}

  waitMs(chat: string, now: number): number {
    let ready = this.pausedUntil;
    const paused = this.chatPauses.get(chat);
    if (paused !== undefined) {
      if (paused <= now) this.chatPauses.delete(chat);
      else ready = Math.max(ready, paused);
    }
    const last = this.chats.get(chat);
    const interval = this.limit.perChatIntervalMs;
    if (interval !== undefined && last !== undefined) ready = Math.max(ready, last + interval);
    return Math.max(0, ready - now);
  }

  record(chat: string, now: number): void {
    const interval = this.limit.perChatIntervalMs;
    if (interval === undefined) return;
    this.chats.delete(chat);
    this.chats.set(chat, now);
    if (this.chats.size > CHAT_MEMORY) this.forgetChats(now - interval);
  }

  pauseChat(chat: string, until: number): void {
    this.chatPauses.set(chat, Math.max(this.chatPauses.get(chat) ?? 0, until));
  }

  /** Drops chats last sent to before `before`: they no longer hold anything back. */
  private forgetChats(before: number): void {
    for (const [chat, at] of this.chats) {
      if (at >= before) break;
      this.chats.delete(chat);
    }
  }
}
