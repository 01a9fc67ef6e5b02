import { PLATFORMS } from '../campaigns/campaign.types.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { isRegistered } from '../interaction/registered.ts';
import type { Actor } from '../interaction/request.ts';
import { issueLinkCode, type LinkResult, redeemLinkCode } from './link.ts';
import { type ProfileInput, parseProfileInput } from './profile.ts';
import { setAccountReachable } from './reachability.ts';
import type { Supporter } from './supporter.types.ts';

/** What `/join` did: showed the privacy notice, registered the person, or found them registered. */
export type JoinOutcome =
  | { kind: 'notice' }
  | { kind: 'joined'; supporter: Supporter }
  | { kind: 'already'; supporter: Supporter };

const LEADERBOARD_SIZE = 10;
const MAX_NAME_LENGTH = 100;

/** Supporters: registration and consent, profiles, identities, tags and roles. */
export class SupportersService {
  constructor(private readonly deps: CoreDeps) {}

  /**
   * The supporter behind an actor, if known, after noting that they wrote: last seen, current
   * username and chat, and reachable again if they had been marked unreachable. Before consent
   * nothing is noted: only the platform id is kept. Times are noted at most once a minute, so a
   * run of commands writes nothing but what changed.
   */
  async touch(campaignId: number, actor: Actor): Promise<Supporter | null> {
    const { store, clock } = this.deps;
    const supporter = await store.supporters.findByIdentity(
      campaignId,
      actor.platform,
      actor.userId,
    );
    if (!isRegistered(supporter)) return supporter;
    const now = clock.now();
    const identity = (await store.supporters.identities(campaignId, supporter.id)).find(
      (i) => i.platform === actor.platform && i.externalId === actor.userId,
    );
    if (
      identity &&
      (identity.unreachable ||
        stale(identity.lastSeenAt, now) ||
        (actor.username && actor.username !== identity.username) ||
        (actor.chatId && actor.chatId !== identity.chatId))
    ) {
      await store.supporters.updateIdentity(campaignId, identity.id, {
        lastSeenAt: now,
        unreachable: false,
        ...(actor.username && { username: actor.username }),
        ...(actor.chatId && { chatId: actor.chatId }),
      });
    }
    if (supporter.status !== 'unreachable' && !stale(supporter.lastActiveAt, now)) return supporter;
    const reachable = supporter.status === 'unreachable' ? { status: 'active' as const } : {};
    return store.supporters.update(campaignId, supporter.id, { lastActiveAt: now, ...reachable });
  }

  /** The person blocked (false) or unblocked (true) the bot: see {@link setAccountReachable}. */
  setReachable(platform: string, externalId: string, reachable: boolean): Promise<void> {
    return setAccountReachable(this.deps, platform, externalId, reachable);
  }

  /** The registered supporter an option names: `@username`, a Discord mention or a user id. */
  async findByUserOption(campaignId: number, platform: string, value: string): Promise<Supporter> {
    const { supporters } = this.deps.store;
    const mention = /^<@!?(\d+)>$/.exec(value)?.[1];
    // The console has no other users: from there, people are named by their chat accounts.
    const platforms: readonly string[] = platform === 'console' ? PLATFORMS : [platform];
    for (const where of platforms) {
      const found = value.startsWith('@')
        ? await supporters.findByUsername(campaignId, where, value)
        : await supporters.findByIdentity(campaignId, where, mention ?? value);
      if (isRegistered(found)) return found;
    }
    throw new DomainError('USER_NOT_FOUND', { user: value });
  }

  /**
   * Registers a person in a campaign. Without `agree` only their platform id is stored (so the
   * notice can be answered); with it, consent is recorded with the policy version and the name
   * the platform shows for them.
   */
  join(campaignId: number, actor: Actor, agree: boolean): Promise<JoinOutcome> {
    const { store, clock, settings } = this.deps;
    return store.transaction(async (tx) => {
      const existing = await tx.supporters.findByIdentity(campaignId, actor.platform, actor.userId);
      if (isRegistered(existing)) return { kind: 'already', supporter: existing };
      const platformId = { platform: actor.platform, externalId: actor.userId };
      if (!agree) {
        if (!existing) await tx.supporters.createWithIdentity(campaignId, platformId);
        return { kind: 'notice' };
      }
      const now = clock.now();
      const person = existing ?? (await tx.supporters.createWithIdentity(campaignId, platformId));
      const identity = (await tx.supporters.identities(campaignId, person.id)).find(
        (i) => i.platform === actor.platform && i.externalId === actor.userId,
      );
      if (identity) {
        await tx.supporters.updateIdentity(campaignId, identity.id, {
          lastSeenAt: now,
          ...(actor.username && { username: actor.username }),
          ...(actor.chatId && { chatId: actor.chatId }),
        });
      }
      const name = (actor.displayName ?? actor.username)?.trim().slice(0, MAX_NAME_LENGTH);
      const supporter = await tx.supporters.update(campaignId, person.id, {
        displayName: name || null,
        consentAt: now,
        policyVersion: settings.policyVersion,
        status: 'active',
        lastActiveAt: now,
      });
      await tx.privacy.recordConsent(campaignId, person.id, 'consented', settings.policyVersion);
      return { kind: 'joined', supporter };
    });
  }

  /** Applies `/profile set`; every value is checked before anything is written. */
  updateProfile(supporter: Supporter, input: ProfileInput): Promise<Supporter> {
    const { patch, skills } = parseProfileInput(input);
    const { campaignId, id } = supporter;
    return this.deps.store.transaction(async (tx) => {
      const updated = await tx.supporters.update(campaignId, id, patch);
      return skills ? tx.supporters.setSkills(campaignId, id, skills) : updated;
    });
  }

  /** A one-time code to type on another platform, valid for a few minutes. */
  issueLinkCode(supporter: Supporter): Promise<{ code: string; expiresAt: Date }> {
    return issueLinkCode(this.deps, supporter);
  }

  /** Makes the typing account and the code's owner one supporter. */
  redeemLinkCode(actor: Actor, code: string): Promise<LinkResult> {
    return redeemLinkCode(this.deps, actor, code);
  }

  /** The campaign's top supporters by points. */
  leaderboard(campaignId: number): Promise<Supporter[]> {
    return this.deps.store.supporters.topByPoints(campaignId, LEADERBOARD_SIZE);
  }
}

/** Last seen / active times are rewritten once they are this old. */
const TOUCH_EVERY_MS = 60_000;

function stale(at: Date | null, now: Date): boolean {
  return !at || now.getTime() - at.getTime() >= TOUCH_EVERY_MS;
}
