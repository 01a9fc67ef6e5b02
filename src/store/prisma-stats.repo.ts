import type { CampaignCounts, Handle, TagCount } from '../core/campaigns/stats.types.ts';
import { normalizeTag } from '../core/campaigns/tags.ts';
import type { StatsRepo } from '../core/ports.ts';
import type { DbClient } from './prisma-client.ts';

/** Registered: agreed to the privacy notice and not erased. */
const registered = { consentAt: { not: null }, status: { not: 'erased' } };

/** Counts and listings behind organizers' reports. */
export class PrismaStatsRepo implements StatsRepo {
  constructor(private readonly db: DbClient) {}

  async counts(campaignId: number, activeSince: Date): Promise<CampaignCounts> {
    const { supporter, task, assignment } = this.db;
    const [supporters, active, tasksOpen, tasksClosed, assignmentsDone] = await Promise.all([
      supporter.count({ where: { campaignId, ...registered } }),
      supporter.count({ where: { campaignId, ...registered, lastActiveAt: { gte: activeSince } } }),
      task.count({ where: { campaignId, status: 'open' } }),
      task.count({ where: { campaignId, status: 'closed' } }),
      assignment.count({ where: { campaignId, status: 'done' } }),
    ]);
    return { supporters, activeSince: active, tasksOpen, tasksClosed, assignmentsDone };
  }

  async tags(campaignId: number, name?: string): Promise<TagCount[]> {
    const rows = await this.db.tag.findMany({
      where: { campaignId, ...(name !== undefined && { name: normalizeTag(name) }) },
      select: {
        name: true,
        _count: { select: { supporters: { where: { granted: true, supporter: registered } } } },
      },
      orderBy: { name: 'asc' },
    });
    return rows.map((row) => ({ name: row.name, supporters: row._count.supporters }));
  }

  async handles(campaignId: number, supporterIds: number[]): Promise<Handle[]> {
    const rows = await this.db.identity.findMany({
      where: { campaignId, supporterId: { in: supporterIds }, username: { not: null } },
      select: { supporterId: true, platform: true, username: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({ ...row, username: row.username as string }));
  }
}
