import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';

const MINUTE_MS = 60_000;

/** Minutes one call checks at most: after a longer pause (or a restart) missed digests are dropped. */
export const DIGEST_CATCH_UP_MINUTES = 60;

/**
 * Queues digests on each campaign's cron (`digestCron`), read in the campaign's zone, so they
 * stay on local wall-clock time across daylight-saving changes. Each call checks every minute
 * since the previous call (the first call only the current one) and queues one `digest` row per
 * active, consented supporter with reminders on for each occurrence found. The row's key names
 * the occurrence by its local date and time, so several processes, or a local time that happens
 * twice when clocks go back, still queue one digest.
 */
export class DigestPlanner {
  /** The last minute checked (epoch ms); kept in memory, the keys guard against repeats. */
  private lastChecked: number | undefined;

  constructor(private readonly deps: CoreDeps) {}

  /** Queues the digests that fell due up to `now`; returns how many rows were new. */
  async enqueueDue(now: Date): Promise<number> {
    const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    // A clock set back starts afresh rather than waiting to catch up with itself.
    const fresh = this.lastChecked === undefined || minute < this.lastChecked;
    const first = fresh
      ? minute
      : Math.max(this.lastChecked! + MINUTE_MS, minute - (DIGEST_CATCH_UP_MINUTES - 1) * MINUTE_MS);
    if (first > minute) return 0;
    let queued = 0;
    for (const campaign of await this.deps.store.campaigns.listWithDigest()) {
      for (let at = first; at <= minute; at += MINUTE_MS) {
        if (this.deps.cron.matches(campaign.digestCron!, campaign.timezone, new Date(at))) {
          queued += await this.enqueue(campaign, new Date(at));
        }
      }
    }
    this.lastChecked = minute;
    return queued;
  }

  /**
   * Queues one occurrence; returns the rows written, or for a large campaign written in the
   * background, the audience size.
   */
  private async enqueue(campaign: Campaign, occurrence: Date): Promise<number> {
    const { store, fanOuts } = this.deps;
    const local = DateTime.fromJSDate(occurrence, { zone: campaign.timezone }).toFormat(
      "yyyy-MM-dd'T'HH:mm",
    );
    const started = await fanOuts.start(store, campaign.id, {
      kind: 'digest',
      subject: campaign.id,
      occurrence: local,
      audience: { reachable: true },
      dueAt: occurrence,
    });
    fanOuts.afterCommit(started);
    if (!started.fanOut) return 0;
    return started.fanOut.status === 'done' ? started.fanOut.written : started.total;
  }
}
