import type { Locale, Platform } from '../core/campaigns/campaign.types.ts';
import { normalizeTag } from '../core/campaigns/tags.ts';
import { NotFoundError } from '../core/errors.ts';
import type { SupporterRepo } from '../core/ports.ts';
import {
  type Identity,
  type IdentityRef,
  type LinkCodeUse,
  type Role,
  SUPPORTER_STATUSES,
  type Supporter,
  type SupporterFilter,
  type SupporterPage,
  type SupporterPatch,
  type SupporterRef,
  type SupporterStatus,
} from '../core/supporters/supporter.types.ts';
import type { Identity as IdentityRow, Prisma } from '../generated/sqlite/client.ts';
import { atomically, type DbClient, isRecordMissing } from './prisma-client.ts';
import { createLinkCode, mergeSupporters, redeemLinkCode } from './prisma-supporter-links.ts';
import { countSupporters, supporterIds } from './prisma-supporter-query.ts';

/** Supporters read per query when a listing is asked for whole. */
const PAGE = 500;

export const withTags = { tags: { include: { tag: true } } } satisfies Prisma.SupporterInclude;
type SupporterRow = Prisma.SupporterGetPayload<{ include: typeof withTags }>;

/** Supporters, their platform identities and their tags. */
export class PrismaSupporterRepo implements SupporterRepo {
  constructor(private readonly db: DbClient) {}

  async createWithIdentity(campaignId: number, identity: IdentityRef): Promise<Supporter> {
    const row = await this.db.supporter.create({
      data: {
        campaignId,
        identities: {
          create: {
            campaignId,
            platform: identity.platform,
            externalId: identity.externalId,
            username: normalizeUsername(identity.username),
            chatId: identity.chatId ?? null,
          },
        },
      },
      include: withTags,
    });
    return toSupporter(row);
  }

  async findById(campaignId: number, id: number): Promise<Supporter | null> {
    const row = await this.db.supporter.findFirst({ where: { id, campaignId }, include: withTags });
    return row && toSupporter(row);
  }

  async findByIdentity(
    campaignId: number,
    platform: string,
    externalId: string,
  ): Promise<Supporter | null> {
    // The identity first, by its unique index: filtering supporters by "has such an identity"
    // made SQLite walk the campaign's supporters.
    const identity = await this.db.identity.findFirst({
      where: { campaignId, platform, externalId },
      select: { supporterId: true },
    });
    return identity && this.findById(campaignId, identity.supporterId);
  }

  async setAccountReachable(
    platform: string,
    externalId: string,
    reachable: boolean,
  ): Promise<SupporterRef[]> {
    const where = { platform, externalId, unreachable: reachable };
    const changed = await this.db.identity.findMany({
      where,
      select: { campaignId: true, supporterId: true },
    });
    await this.db.identity.updateMany({ where, data: { unreachable: !reachable } });
    return changed.map(({ campaignId, supporterId }) => ({ campaignId, supporterId }));
  }

  async findByUsername(
    campaignId: number,
    platform: string,
    username: string,
  ): Promise<Supporter | null> {
    const identity = await this.db.identity.findFirst({
      where: { campaignId, platform, username: normalizeUsername(username) },
      select: { supporterId: true },
      orderBy: { id: 'asc' },
    });
    return identity && this.findById(campaignId, identity.supporterId);
  }

  async update(campaignId: number, id: number, patch: SupporterPatch): Promise<Supporter> {
    try {
      const row = await this.db.supporter.update({
        where: { id, campaignId },
        data: patch,
        include: withTags,
      });
      return toSupporter(row);
    } catch (error) {
      if (isRecordMissing(error)) throw new NotFoundError('supporter', id);
      throw error;
    }
  }

  async list(
    campaignId: number,
    filter: SupporterFilter = {},
    page: SupporterPage = {},
  ): Promise<Supporter[]> {
    if (page.limit !== undefined)
      return this.page(campaignId, filter, page.afterId ?? 0, page.limit);
    const all: Supporter[] = [];
    for (let afterId = page.afterId ?? 0; ; ) {
      const next = await this.page(campaignId, filter, afterId, PAGE);
      all.push(...next);
      if (next.length < PAGE) return all;
      afterId = next.at(-1)!.id;
    }
  }

  async count(campaignId: number, filter: SupporterFilter = {}): Promise<number> {
    if (isRegistered(filter)) {
      // Kept by database triggers (SupporterCount): one row instead of counting the campaign.
      const kept = await this.db.supporterCount.findUnique({ where: { campaignId } });
      return kept?.registered ?? 0;
    }
    return countSupporters(this.db, campaignId, filter);
  }

  private async page(
    campaignId: number,
    filter: SupporterFilter,
    afterId: number,
    limit: number,
  ): Promise<Supporter[]> {
    const ids = await supporterIds(this.db, campaignId, filter, afterId, limit);
    if (ids.length === 0) return [];
    const rows = await this.db.supporter.findMany({
      where: { id: { in: ids } },
      include: withTags,
      orderBy: { id: 'asc' },
    });
    return rows.map(toSupporter);
  }

  async identities(campaignId: number, supporterId: number): Promise<Identity[]> {
    const rows = await this.db.identity.findMany({
      where: { campaignId, supporterId },
      orderBy: { id: 'asc' },
    });
    return rows.map(toIdentity);
  }

  async updateIdentity(
    campaignId: number,
    identityId: number,
    patch: Partial<Pick<Identity, 'username' | 'chatId' | 'unreachable' | 'lastSeenAt'>>,
  ): Promise<Identity> {
    const data =
      patch.username === undefined
        ? patch
        : { ...patch, username: normalizeUsername(patch.username) };
    try {
      return toIdentity(
        await this.db.identity.update({ where: { id: identityId, campaignId }, data }),
      );
    } catch (error) {
      if (isRecordMissing(error)) throw new NotFoundError('identity', identityId);
      throw error;
    }
  }

  setSkills(campaignId: number, supporterId: number, skills: string[]): Promise<Supporter> {
    return atomically(this.db, async (tx) => {
      await requireSupporter(tx, campaignId, supporterId);
      const owned = { campaignId, supporterId };
      const before = await tx.supporterTag.findMany({ where: { ...owned, declared: true } });
      await tx.supporterTag.updateMany({ where: owned, data: { declared: false } });
      await tx.supporterTag.deleteMany({ where: { ...owned, granted: false } });
      for (const name of new Set(skills.map(normalizeTag).filter(Boolean))) {
        const tag = await upsertTag(tx, campaignId, name);
        await tx.supporterTag.upsert({
          where: { supporterId_tagId: { supporterId, tagId: tag.id } },
          create: { ...owned, tagId: tag.id, declared: true },
          update: { declared: true },
        });
      }
      await dropUnusedTags(
        tx,
        campaignId,
        before.map((row) => row.tagId),
      );
      return new PrismaSupporterRepo(tx).findById(campaignId, supporterId) as Promise<Supporter>;
    });
  }

  addTag(campaignId: number, supporterId: number, name: string): Promise<Supporter> {
    return atomically(this.db, async (tx) => {
      await requireSupporter(tx, campaignId, supporterId);
      const tag = await upsertTag(tx, campaignId, normalizeTag(name));
      await tx.supporterTag.upsert({
        where: { supporterId_tagId: { supporterId, tagId: tag.id } },
        create: { campaignId, supporterId, tagId: tag.id, granted: true },
        update: { granted: true },
      });
      return new PrismaSupporterRepo(tx).findById(campaignId, supporterId) as Promise<Supporter>;
    });
  }

  async removeTag(campaignId: number, supporterId: number, name: string): Promise<Supporter> {
    const held = { campaignId, supporterId, tag: { name: normalizeTag(name) } };
    await this.db.supporterTag.updateMany({ where: held, data: { granted: false } });
    await this.db.supporterTag.deleteMany({ where: { ...held, declared: false } });
    const supporter = await this.findById(campaignId, supporterId);
    if (!supporter) throw new NotFoundError('supporter', supporterId);
    return supporter;
  }

  async addPoints(campaignId: number, supporterId: number, points: number): Promise<void> {
    await this.db.supporter.updateMany({
      where: { id: supporterId, campaignId },
      data: { points: { increment: points } },
    });
  }

  async addIdentity(
    campaignId: number,
    supporterId: number,
    identity: IdentityRef,
  ): Promise<Identity> {
    await requireSupporter(this.db, campaignId, supporterId);
    const row = await this.db.identity.create({
      data: {
        campaignId,
        supporterId,
        platform: identity.platform,
        externalId: identity.externalId,
        username: normalizeUsername(identity.username),
        chatId: identity.chatId ?? null,
      },
    });
    return toIdentity(row);
  }

  async createLinkCode(
    campaignId: number,
    supporterId: number,
    code: string,
    expiresAt: Date,
  ): Promise<void> {
    await requireSupporter(this.db, campaignId, supporterId);
    await createLinkCode(this.db, campaignId, supporterId, code, expiresAt);
  }

  redeemLinkCode(code: string, at: Date): Promise<LinkCodeUse> {
    return redeemLinkCode(this.db, code, at);
  }

  async merge(campaignId: number, intoId: number, fromId: number): Promise<Supporter> {
    await mergeSupporters(this.db, campaignId, intoId, fromId);
    return (await this.findById(campaignId, intoId)) as Supporter;
  }

  async topByPoints(campaignId: number, limit: number): Promise<Supporter[]> {
    const rows = await this.db.supporter.findMany({
      where: { campaignId, consentAt: { not: null }, status: { not: 'erased' }, points: { gt: 0 } },
      include: withTags,
      orderBy: [{ points: 'desc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toSupporter);
  }
}

/** True when the filter is exactly "registered": consented and any status but erased. */
function isRegistered(filter: SupporterFilter): boolean {
  const live = SUPPORTER_STATUSES.filter((status) => status !== 'erased');
  return (
    filter.consented === true &&
    filter.tag === undefined &&
    (filter.search === undefined || filter.search.trim() === '') &&
    filter.status !== undefined &&
    filter.status.length === live.length &&
    live.every((status) => filter.status!.includes(status))
  );
}

/** Usernames are matched without their leading @ and without regard to case. */
function normalizeUsername(username: string | null | undefined): string | null {
  return username ? username.replace(/^@/, '').toLocaleLowerCase() : null;
}

/** Finds a tag of the campaign by normalized name, creating it when missing. */
export function upsertTag(db: DbClient, campaignId: number, name: string) {
  return db.tag.upsert({
    where: { campaignId_name: { campaignId, name } },
    create: { campaignId, name },
    update: {},
  });
}

/**
 * Deletes those of the given tags that nobody holds or declares any more and no task requires, so
 * a free-text skill does not outlive the people who typed it.
 */
export async function dropUnusedTags(
  db: DbClient,
  campaignId: number,
  tagIds: number[],
): Promise<void> {
  if (tagIds.length === 0) return;
  await db.tag.deleteMany({
    where: { campaignId, id: { in: tagIds }, supporters: { none: {} }, tasks: { none: {} } },
  });
}

async function requireSupporter(db: DbClient, campaignId: number, id: number): Promise<void> {
  const found = await db.supporter.count({ where: { id, campaignId } });
  if (!found) throw new NotFoundError('supporter', id);
}

export function toSupporter(row: SupporterRow): Supporter {
  return {
    id: row.id,
    campaignId: row.campaignId,
    displayName: row.displayName,
    locale: row.locale as Locale | null,
    timezone: row.timezone,
    quietHours: row.quietHours,
    remindersEnabled: row.remindersEnabled,
    points: row.points,
    status: row.status as SupporterStatus,
    role: row.role as Role,
    consentAt: row.consentAt,
    policyVersion: row.policyVersion,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    lastActiveAt: row.lastActiveAt,
    erasedAt: row.erasedAt,
    createdAt: row.createdAt,
    tags: row.tags
      .filter((t) => t.granted)
      .map((t) => t.tag.name)
      .sort(),
    skills: row.tags
      .filter((t) => t.declared)
      .map((t) => t.tag.name)
      .sort(),
  };
}

export function toIdentity(row: IdentityRow): Identity {
  return {
    id: row.id,
    campaignId: row.campaignId,
    supporterId: row.supporterId,
    platform: row.platform as Platform,
    externalId: row.externalId,
    username: row.username,
    chatId: row.chatId,
    unreachable: row.unreachable,
    lastSeenAt: row.lastSeenAt,
  };
}
