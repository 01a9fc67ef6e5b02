import type { Locale, Platform } from '../campaigns/campaign.types.ts';

export const SUPPORTER_STATUSES = ['active', 'paused', 'unreachable', 'erased'] as const;
export type SupporterStatus = (typeof SUPPORTER_STATUSES)[number];

/** Campaign-wide roles; `host` is a per-event right and lives on the event. */
export const ROLES = ['admin', 'organizer', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

/** A person in a campaign, known by platform identities rather than email or phone. */
export interface Supporter {
  id: number;
  campaignId: number;
  displayName: string | null;
  locale: Locale | null;
  timezone: string | null;
  quietHours: string | null;
  remindersEnabled: boolean;
  points: number;
  status: SupporterStatus;
  role: Role;
  consentAt: Date | null;
  policyVersion: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  lastActiveAt: Date | null;
  erasedAt: Date | null;
  createdAt: Date;
  /**
   * Tags an organizer gave (`/tag add`), sorted: the only ones that open tag-restricted tasks and
   * put someone in a `tag:` audience.
   */
  tags: string[];
  /** Skills the supporter declared (`/profile set skills:`), sorted: shown, never used for access. */
  skills: string[];
}

/** A platform account: (platform, external user id), unique per campaign. */
export interface Identity {
  id: number;
  campaignId: number;
  supporterId: number;
  platform: Platform;
  externalId: string;
  username: string | null;
  chatId: string | null;
  unreachable: boolean;
  lastSeenAt: Date | null;
}

export interface IdentityRef {
  platform: Platform;
  externalId: string;
  username?: string | null;
  chatId?: string | null;
}

export type SupporterPatch = Partial<
  Pick<
    Supporter,
    | 'displayName'
    | 'locale'
    | 'timezone'
    | 'quietHours'
    | 'remindersEnabled'
    | 'status'
    | 'role'
    | 'consentAt'
    | 'policyVersion'
    | 'email'
    | 'phone'
    | 'notes'
    | 'lastActiveAt'
    | 'erasedAt'
  >
>;

export interface SupporterFilter {
  /** Only supporters holding this tag. */
  tag?: string;
  status?: SupporterStatus[];
  /** Only supporters who agreed to the privacy notice. */
  consented?: boolean;
  /** Case-insensitive part of the display name or a username. */
  search?: string;
}

/** A supporter named by campaign and id (answers that span campaigns). */
export interface SupporterRef {
  campaignId: number;
  supporterId: number;
}

/** A page of a listing in id order: `limit` supporters after `afterId` (all when no limit). */
export interface SupporterPage {
  afterId?: number;
  limit?: number;
}

/** Outcome of typing a link code: only `redeemed` wrote anything. */
export type LinkCodeUse =
  | { kind: 'redeemed'; campaignId: number; supporterId: number }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'used' };
