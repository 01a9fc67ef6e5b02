import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import type { NotificationKind } from './notification.types.ts';

const MINUTE_MS = 60_000;

/** Minutes one call checks at most: after a longer pause (or a restart) missed messages are dropped. */
export const CATCH_UP_MINUTES = 60;

/** A message each campaign may send on its own cron (the digest, the organizers' report). */
export interface CampaignSchedule {
  kind: NotificationKind;
  /** Campaigns that set this schedule. */
  campaigns(deps: CoreDeps): Promise<Campaign[]>;
  cron(campaign: Campaign): string | null;
  /**
   * Queues one occurrence, due at `occurrence` and named by its local date and time (`local`);
   * returns the rows written (or, for an audience written in the background, its size).
   */
  enqueue(deps: CoreDeps, campaign: Campaign, occurrence: Date, local: string): Promise<number>;
}

/**
 * Queues messages on each campaign's cron, read in the campaign's zone, so they stay on local
 * wall-clock time across daylight-saving changes. Each call checks every minute since the
 * previous call (the first call only the current one) and queues each occurrence found. The row's key names the occurrence by its local date and time, so several
 * processes, or a local time that happens twice when clocks go back, still queue one message.
 */
export class ScheduledMessagePlanner {
  /** The last minute checked (epoch ms); kept in memory, the keys guard against repeats. */
  private lastChecked: number | undefined;

  constructor(
    private readonly deps: CoreDeps,
    private readonly schedules: readonly CampaignSchedule[],
  ) {}

  /** Queues the messages that fell due up to `now`; returns how many rows were new. */
  async enqueueDue(now: Date): Promise<number> {
    const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    // A clock set back starts afresh rather than waiting to catch up with itself.
    const fresh = this.lastChecked === undefined || minute < this.lastChecked;
    const first = fresh
      ? minute
      : Math.max(this.lastChecked! + MINUTE_MS, minute - (CATCH_UP_MINUTES - 1) * MINUTE_MS);
    if (first > minute) return 0;
    let queued = 0;
    for (const schedule of this.schedules) {
      for (const campaign of await schedule.campaigns(this.deps)) {
        const cron = schedule.cron(campaign);
        for (let at = first; cron && at <= minute; at += MINUTE_MS) {
          if (this.deps.cron.matches(cron, campaign.timezone, new Date(at))) {
            queued += await this.enqueue(schedule, campaign, new Date(at));
          }
        }
      }
    }
    this.lastChecked = minute;
    return queued;
  }

  private async enqueue(
    schedule: CampaignSchedule,
    campaign: Campaign,
    occurrence: Date,
  ): Promise<number> {
    const local = DateTime.fromJSDate(occurrence, { zone: campaign.timezone }).toFormat(
      "yyyy-MM-dd'T'HH:mm",
    );
    return schedule.enqueue(this.deps, campaign, occurrence, local);
  }
}
