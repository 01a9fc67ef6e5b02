import type {
  Campaign,
  CampaignSettings,
  ChatSpace,
  ChatSpaceSettings,
  Locale,
  NewCampaign,
  SpacePlatform,
} from '../core/campaigns/campaign.types.ts';
import type { CampaignRepo } from '../core/ports.ts';
import type {
  Campaign as CampaignRow,
  ChatSpace as ChatSpaceRow,
  Prisma,
} from '../generated/sqlite/client.ts';
import type { DbClient } from './prisma-client.ts';

/** Campaigns and the guilds/groups bound to them. */
export class PrismaCampaignRepo implements CampaignRepo {
  constructor(private readonly db: DbClient) {}

  async create(input: NewCampaign): Promise<Campaign> {
    return toCampaign(await this.db.campaign.create({ data: input }));
  }

  async findById(id: number): Promise<Campaign | null> {
    const row = await this.db.campaign.findUnique({ where: { id } });
    return row && toCampaign(row);
  }

  async findByInviteCode(code: string): Promise<Campaign | null> {
    const row = await this.db.campaign.findUnique({ where: { inviteCode: code } });
    return row && toCampaign(row);
  }

  async findDefault(): Promise<Campaign | null> {
    const row = await this.db.campaign.findFirst({ orderBy: { id: 'asc' } });
    return row && toCampaign(row);
  }

  async findLastJoined(platform: string, externalId: string): Promise<Campaign | null> {
    const identity = await this.db.identity.findFirst({
      where: { platform, externalId, supporter: { consentAt: { not: null } } },
      orderBy: { supporter: { consentAt: 'desc' } },
      include: { campaign: true },
    });
    return identity && toCampaign(identity.campaign);
  }

  async update(id: number, settings: CampaignSettings): Promise<Campaign> {
    return toCampaign(await this.db.campaign.update({ where: { id }, data: settings }));
  }

  listWithDigest(): Promise<Campaign[]> {
    return this.listScheduled({ digestCron: { not: null } });
  }

  listWithReport(): Promise<Campaign[]> {
    return this.listScheduled({ reportCron: { not: null } });
  }

  private async listScheduled(where: Prisma.CampaignWhereInput): Promise<Campaign[]> {
    const rows = await this.db.campaign.findMany({ where, orderBy: { id: 'asc' } });
    return rows.map(toCampaign);
  }

  async bindSpace(
    campaignId: number,
    platform: SpacePlatform,
    externalId: string,
    settings: ChatSpaceSettings = {},
  ): Promise<ChatSpace> {
    const row = await this.db.chatSpace.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { campaignId, platform, externalId, ...settings },
      update: { campaignId, ...settings },
    });
    return toChatSpace(row);
  }

  async findSpace(platform: SpacePlatform, externalId: string): Promise<ChatSpace | null> {
    const row = await this.db.chatSpace.findUnique({
      where: { platform_externalId: { platform, externalId } },
    });
    return row && toChatSpace(row);
  }

  async unbindSpace(platform: SpacePlatform, externalId: string): Promise<ChatSpace | null> {
    const row = await this.db.chatSpace.findUnique({
      where: { platform_externalId: { platform, externalId } },
    });
    if (!row) return null;
    // A concurrent removal may have taken it already: deleting nothing is the same outcome.
    const { count } = await this.db.chatSpace.deleteMany({ where: { id: row.id } });
    return count > 0 ? toChatSpace(row) : null;
  }

  async listSpaces(campaignId: number): Promise<ChatSpace[]> {
    const rows = await this.db.chatSpace.findMany({
      where: { campaignId },
      orderBy: { id: 'asc' },
    });
    return rows.map(toChatSpace);
  }

  async listSpacesOn(platform: SpacePlatform): Promise<ChatSpace[]> {
    const rows = await this.db.chatSpace.findMany({ where: { platform }, orderBy: { id: 'asc' } });
    return rows.map(toChatSpace);
  }

  async setMirrorWarning(spaceId: number, at: Date | null): Promise<void> {
    await this.db.chatSpace.update({ where: { id: spaceId }, data: { mirrorWarnedAt: at } });
  }
}

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale as Locale,
    reminderOffsets: row.reminderOffsets,
    inviteCode: row.inviteCode,
    digestCron: row.digestCron,
    reportCron: row.reportCron,
    leaderboardEnabled: row.leaderboardEnabled,
    coverWindowMinutes: row.coverWindowMinutes,
    createdAt: row.createdAt,
  };
}

function toChatSpace(row: ChatSpaceRow): ChatSpace {
  return {
    id: row.id,
    campaignId: row.campaignId,
    platform: row.platform as SpacePlatform,
    externalId: row.externalId,
    title: row.title,
    organizerRoleId: row.organizerRoleId,
    announceChannelId: row.announceChannelId,
    pingRoleId: row.pingRoleId,
    announceTopicId: row.announceTopicId,
    setupUserId: row.setupUserId,
    mirrorWarnedAt: row.mirrorWarnedAt,
  };
}
