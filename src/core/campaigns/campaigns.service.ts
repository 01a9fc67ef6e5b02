import { randomBytes } from 'node:crypto';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import type { CommandRequest } from '../interaction/request.ts';
import type { Role, Supporter } from '../supporters/supporter.types.ts';
import type {
  Campaign,
  CampaignSettings,
  ChatSpace,
  ChatSpaceSettings,
  SpacePlatform,
} from './campaign.types.ts';
import { type SetupRequest, type SetupResult, setUpCampaign } from './setup.ts';
import { forgetRemovedSpace, moveSpace } from './space-changes.ts';

/** Where a request belongs: its campaign and, in a bound guild or group, that space. */
export interface RequestScope {
  campaign: Campaign;
  space: ChatSpace | null;
}

/** Campaigns: the default one, binding guilds and groups, settings, organizers and tags. */
export class CampaignsService {
  constructor(private readonly deps: CoreDeps) {}

  /** The default campaign, created from the configured defaults when none exists yet. */
  async ensureDefault(): Promise<Campaign> {
    const existing = await this.deps.store.campaigns.findDefault();
    if (existing) return existing;
    const { name, timezone, locale } = this.deps.settings.defaults;
    await this.deps.store.campaigns.create({ name, timezone, locale, inviteCode: newInviteCode() });
    // Two processes starting at once may both create one: the oldest is the default.
    return (await this.deps.store.campaigns.findDefault()) as Campaign;
  }

  /**
   * A bound guild or group acts for its campaign; private chats, the console and unbound spaces
   * act for the campaign the person joined last, else the default one.
   */
  async scopeOf(request: Pick<CommandRequest, 'actor' | 'space'>): Promise<RequestScope> {
    const { store } = this.deps;
    if (request.space) {
      const space = await store.campaigns.findSpace(request.space.platform, request.space.id);
      if (space)
        return { campaign: (await store.campaigns.findById(space.campaignId)) as Campaign, space };
    }
    const joined = await store.campaigns.findLastJoined(
      request.actor.platform,
      request.actor.userId,
    );
    return { campaign: joined ?? (await this.ensureDefault()), space: null };
  }

  findByInviteCode(code: string): Promise<Campaign | null> {
    return this.deps.store.campaigns.findByInviteCode(code.trim());
  }

  /** Creates a campaign with the configured defaults and the given name. */
  create(name: string): Promise<Campaign> {
    const { timezone, locale } = this.deps.settings.defaults;
    return this.deps.store.campaigns.create({
      name,
      timezone,
      locale,
      inviteCode: newInviteCode(),
    });
  }

  update(campaignId: number, settings: CampaignSettings): Promise<Campaign> {
    return this.deps.store.campaigns.update(campaignId, settings);
  }

  /** The bot was removed from a guild or group: see {@link forgetRemovedSpace}. */
  removedFrom(platform: SpacePlatform, externalId: string): Promise<ChatSpace | null> {
    return forgetRemovedSpace(this.deps, platform, externalId);
  }

  /** A group got a new id (became a supergroup): see {@link moveSpace}. */
  spaceMoved(platform: SpacePlatform, from: string, to: string): Promise<ChatSpace | null> {
    return moveSpace(this.deps, platform, from, to);
  }

  bindSpace(
    campaignId: number,
    platform: SpacePlatform,
    externalId: string,
    settings?: ChatSpaceSettings,
  ): Promise<ChatSpace> {
    return this.deps.store.campaigns.bindSpace(campaignId, platform, externalId, settings);
  }

  /** `/setup`: binds a guild or group to a campaign and applies settings (see setup.ts). */
  setUp(request: SetupRequest): Promise<SetupResult> {
    return setUpCampaign(this.deps, request);
  }

  /**
   * Makes a supporter an organizer or a volunteer again; null when nothing changed. Admins stay
   * admins when promoted, and only an admin may take an admin's role away.
   */
  async setRole(
    campaignId: number,
    target: Supporter,
    role: 'organizer' | 'volunteer',
    by: Role,
  ): Promise<Supporter | null> {
    if (target.role === 'admin' && role === 'volunteer' && by !== 'admin') {
      throw new DomainError('ORGANIZER_CANNOT_DEMOTE_ADMIN');
    }
    if (target.role === role || (target.role === 'admin' && role === 'organizer')) return null;
    return this.deps.store.supporters.update(campaignId, target.id, { role });
  }

  /** Gives a supporter a tag (created in the campaign if new); null if they held it already. */
  async addTag(campaignId: number, target: Supporter, tag: string): Promise<Supporter | null> {
    const after = await this.deps.store.supporters.addTag(campaignId, target.id, tag);
    return after.tags.length > target.tags.length ? after : null;
  }

  /** Takes a tag from a supporter; null if they did not hold it. */
  async removeTag(campaignId: number, target: Supporter, tag: string): Promise<Supporter | null> {
    const after = await this.deps.store.supporters.removeTag(campaignId, target.id, tag);
    return after.tags.length < target.tags.length ? after : null;
  }
}

/** Invite codes go into Telegram deep links: letters and digits only, hard to guess. */
export function newInviteCode(): string {
  return randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
}
