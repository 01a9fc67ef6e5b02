/** Chat platforms a supporter can reach the assistant from. */
export const PLATFORMS = ['discord', 'telegram', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Platforms whose guilds or groups can be bound to a campaign. */
export type SpacePlatform = Exclude<Platform, 'console'>;

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The unit of isolation: every other record belongs to exactly one campaign. */
export interface Campaign {
  id: number;
  name: string;
  timezone: string;
  locale: Locale;
  /** Default event reminder offsets, e.g. "24h,2h". */
  reminderOffsets: string;
  inviteCode: string;
  digestCron: string | null;
  /** Cron of the organizers' report, read in the campaign's zone; null = no report. */
  reportCron: string | null;
  leaderboardEnabled: boolean;
  /** Minutes before an event when a "can't make it" asks others to cover the seat; null = off. */
  coverWindowMinutes: number | null;
  createdAt: Date;
}

export interface NewCampaign {
  name: string;
  timezone: string;
  locale: Locale;
  inviteCode: string;
  reminderOffsets?: string;
}

export type CampaignSettings = Partial<
  Pick<
    Campaign,
    | 'name'
    | 'timezone'
    | 'locale'
    | 'reminderOffsets'
    | 'digestCron'
    | 'reportCron'
    | 'leaderboardEnabled'
    | 'coverWindowMinutes'
  >
>;

/** A Discord guild or Telegram group bound to a campaign. */
export interface ChatSpace {
  id: number;
  campaignId: number;
  platform: SpacePlatform;
  externalId: string;
  title: string | null;
  organizerRoleId: string | null;
  announceChannelId: string | null;
  /** Discord role an announcement pings (`/setup ping_role:`); null = none. */
  pingRoleId: string | null;
  /** Telegram forum topic (`message_thread_id`) where announcements go; null = the group's main chat. */
  announceTopicId: string | null;
  /** Platform user id of who last ran /setup here. */
  setupUserId: string | null;
  /** When that person was told the bot lacks a permission to mirror events; null otherwise. */
  mirrorWarnedAt: Date | null;
}

export type ChatSpaceSettings = Partial<
  Pick<
    ChatSpace,
    | 'title'
    | 'organizerRoleId'
    | 'announceChannelId'
    | 'pingRoleId'
    | 'announceTopicId'
    | 'setupUserId'
  >
>;
