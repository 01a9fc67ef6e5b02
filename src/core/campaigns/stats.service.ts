import type { CoreDeps } from '../deps.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import type { StreamedText } from '../interaction/reply.ts';
import {
  SUPPORTER_STATUSES,
  type Supporter,
  type SupporterFilter,
  type SupporterPage,
} from '../supporters/supporter.types.ts';
import { toCsv } from './csv.ts';
import type { CampaignCounts, ExportedSupporter, Handle } from './stats.types.ts';
import { requireTag } from './tags.ts';

/** "Active" in `/stats`: wrote to the assistant within this many days. */
export const ACTIVE_DAYS = 30;

const DAY_MS = 86_400_000;
const LISTED_STATUSES = SUPPORTER_STATUSES.filter((status) => status !== 'erased');
/** Registered: agreed to the privacy notice and not erased. */
const REGISTERED: SupporterFilter = { consented: true, status: LISTED_STATUSES };
/** Supporters read per query by an export: memory stays that of one page. */
const EXPORT_PAGE = 2_000;

/** What `/stats` shows: headline counts and the first events still to come. */
export interface CampaignSummary {
  counts: CampaignCounts;
  /** The first events (shifts included) that have not started yet, soonest first. */
  upcoming: CampaignEvent[];
  /** How many have not started yet in all. */
  upcomingTotal: number;
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

  /** The campaign's figures and its first `listed` events to come. */
  async summary(campaignId: number, listed: number): Promise<CampaignSummary> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const since = new Date(now.getTime() - ACTIVE_DAYS * DAY_MS);
    const [counts, coming] = await Promise.all([
      store.stats.counts(campaignId, since),
      store.events.startingAfter(campaignId, now, listed),
    ]);
    return { counts, upcoming: coming.events, upcomingTotal: coming.total };
  }

  /**
   * Registered supporters (consented, not erased), optionally only those holding `tag` (which
   * must exist) or whose name or username contains `search`: how many, and the first `limit`.
   */
  async roster(
    campaignId: number,
    filter: { tag?: string; search?: string },
    limit: number,
  ): Promise<{ total: number; entries: SupporterEntry[] }> {
    const { store } = this.deps;
    const tag =
      filter.tag === undefined ? undefined : (await requireTag(store, campaignId, filter.tag)).name;
    const listed: SupporterFilter = {
      ...REGISTERED,
      ...(tag !== undefined && { tag }),
      ...(filter.search !== undefined && { search: filter.search }),
    };
    const [total, entries] = await Promise.all([
      store.supporters.count(campaignId, listed),
      this.entries(campaignId, listed, { limit }),
    ]);
    return { total, entries };
  }

  /**
   * Registered, active supporters not seen for `days` days: how many, and the first `limit` of
   * them, most recently seen first.
   */
  async silent(
    campaignId: number,
    days: number,
    limit: number,
  ): Promise<{ total: number; entries: SupporterEntry[] }> {
    const before = new Date(this.deps.clock.now().getTime() - days * DAY_MS);
    const { total, supporters } = await this.deps.store.stats.silent(campaignId, before, limit);
    return { total, entries: await this.withHandles(campaignId, supporters) };
  }

  /**
   * The registered supporters as CSV (id, name, usernames, tags, points, status, joined), noted
   * in the audit log under the organizer who asked. The file is read a page at a time while it
   * is written out, so memory holds one page whatever the size of the campaign.
   */
  async exportSupporters(
    campaignId: number,
    actorId: number | null,
  ): Promise<{ csv: StreamedText; count: number }> {
    const count = await this.deps.store.supporters.count(campaignId, REGISTERED);
    await this.recordExport(campaignId, actorId, 'export_supporters', `${count} supporters`);
    const stats = this.deps.store.stats;
    return {
      count,
      csv: {
        async *pages() {
          yield toCsv([['id', 'name', 'usernames', 'tags', 'points', 'status', 'joined']]);
          for (let afterId = 0; ; ) {
            const page = await stats.exportPage(campaignId, REGISTERED, afterId, EXPORT_PAGE);
            if (page.length > 0) yield toCsv(page.map(csvRow));
            if (page.length < EXPORT_PAGE) return;
            afterId = page.at(-1)!.id;
          }
        },
      },
    };
  }

  /** One page of supporters with their usernames. */
  private async entries(
    campaignId: number,
    filter: SupporterFilter,
    page: SupporterPage,
  ): Promise<SupporterEntry[]> {
    const supporters = await this.deps.store.supporters.list(campaignId, filter, page);
    return this.withHandles(campaignId, supporters);
  }

  /** The supporters with their platform usernames. */
  private async withHandles(
    campaignId: number,
    supporters: Supporter[],
  ): Promise<SupporterEntry[]> {
    if (supporters.length === 0) return [];
    const handles = await this.deps.store.stats.handles(
      campaignId,
      supporters.map((s) => s.id),
    );
    return supporters.map((supporter) => ({
      supporter,
      handles: handles.filter((h) => h.supporterId === supporter.id),
    }));
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

function csvRow(supporter: ExportedSupporter): (string | number)[] {
  return [
    supporter.id,
    supporter.displayName ?? '',
    supporter.handles.map((h) => `${h.platform}:@${h.username}`).join('; '),
    supporter.tags.join('; '),
    supporter.points,
    supporter.status,
    supporter.consentAt?.toISOString() ?? '',
  ];
}
