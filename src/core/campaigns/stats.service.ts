import type { CoreDeps } from '../deps.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import { SUPPORTER_STATUSES, type Supporter } from '../supporters/supporter.types.ts';
import { toCsv } from './csv.ts';
import type { CampaignCounts, Handle } from './stats.types.ts';
import { requireTag } from './tags.ts';

/** "Active" in `/stats`: wrote to the assistant within this many days. */
export const ACTIVE_DAYS = 30;

const DAY_MS = 86_400_000;
const LISTED_STATUSES = SUPPORTER_STATUSES.filter((status) => status !== 'erased');

/** What `/stats` shows: headline counts and the events still to come. */
export interface CampaignSummary {
  counts: CampaignCounts;
  upcoming: CampaignEvent[];
}

/** A registered supporter with their platform usernames. */
export interface SupporterEntry {
  supporter: Supporter;
  handles: Handle[];
}

/** Audit actions of organizers' exports. */
export type ExportAction = 'export_supporters' | 'export_events';

/** Organizers' reports: campaign figures, the supporter list and the audited exports. */
export class StatsService {
  constructor(private readonly deps: CoreDeps) {}

  async summary(campaignId: number): Promise<CampaignSummary> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const since = new Date(now.getTime() - ACTIVE_DAYS * DAY_MS);
    const [counts, upcoming] = await Promise.all([
      store.stats.counts(campaignId, since),
      store.events.listUpcoming(campaignId, now),
    ]);
    // listUpcoming keeps events still running; one that already started is not "upcoming".
    return { counts, upcoming: upcoming.filter((event) => event.startsAt > now) };
  }

  /**
   * Registered supporters (consented, not erased), optionally only those holding `tag` (which
   * must exist) or whose name or username contains `search`.
   */
  async roster(
    campaignId: number,
    filter: { tag?: string; search?: string },
  ): Promise<SupporterEntry[]> {
    const { store } = this.deps;
    const tag =
      filter.tag === undefined ? undefined : (await requireTag(store, campaignId, filter.tag)).name;
    const supporters = await store.supporters.list(campaignId, {
      consented: true,
      status: LISTED_STATUSES,
      ...(tag !== undefined && { tag }),
      ...(filter.search !== undefined && { search: filter.search }),
    });
    const handles = await store.stats.handles(
      campaignId,
      supporters.map((s) => s.id),
    );
    return supporters.map((supporter) => ({
      supporter,
      handles: handles.filter((h) => h.supporterId === supporter.id),
    }));
  }

  /**
   * The registered supporters as CSV (id, name, usernames, tags, points, status, joined), noted
   * in the audit log under the organizer who asked.
   */
  async exportSupporters(
    campaignId: number,
    actorId: number | null,
  ): Promise<{ csv: string; count: number }> {
    const roster = await this.roster(campaignId, {});
    const rows = roster.map(({ supporter, handles }) => [
      supporter.id,
      supporter.displayName ?? '',
      handles.map((h) => `${h.platform}:@${h.username}`).join('; '),
      supporter.tags.join('; '),
      supporter.points,
      supporter.status,
      supporter.consentAt?.toISOString() ?? '',
    ]);
    const header = ['id', 'name', 'usernames', 'tags', 'points', 'status', 'joined'];
    await this.recordExport(campaignId, actorId, 'export_supporters', `${rows.length} supporters`);
    return { csv: toCsv([header, ...rows]), count: rows.length };
  }

  /** Notes in the audit log that an organizer exported campaign data. */
  async recordExport(
    campaignId: number,
    actorId: number | null,
    action: ExportAction,
    detail: string,
  ): Promise<void> {
    await this.deps.store.privacy.audit(campaignId, actorId, action, detail);
  }
}
