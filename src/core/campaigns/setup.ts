import type { CoreDeps, CronRules } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { isOff } from '../i18n/french-words.ts';
import type { Actor, CommandRequest, PlatformWords } from '../interaction/request.ts';
import type { Store } from '../ports.ts';
import type { Role } from '../supporters/supporter.types.ts';
import { formatOffsets, parseDuration, parseOffsets } from '../time/durations.ts';
import { canonicalTimeZone } from '../time/zones.ts';
import type { Campaign, CampaignSettings, ChatSpace, Locale } from './campaign.types.ts';
import { newInviteCode, type RequestScope } from './campaigns.service.ts';

/** The options of `/setup`, as typed. */
export interface SetupOptions {
  name?: string;
  timezone?: string;
  language?: Locale;
  organizerRole?: string;
  /** Discord channel for announcements: `123`, `<#123>`, or `off`. */
  announceChannel?: string;
  /** Discord role announcements ping: `123`, `<@&123>`, or `off`. */
  pingRole?: string;
  reminders?: string;
  digest?: string;
  /** Cron of the organizers' report, or `off`. */
  report?: string;
  leaderboard?: boolean;
  /** How long before an event a "can't make it" asks for cover (`48h`), or `off`. */
  coverWindow?: string;
  /** Invite code of an existing campaign to bind the space to. */
  invite?: string;
}

/** Who runs `/setup`, where, and with what. */
export interface SetupRequest {
  actor: Actor;
  space?: CommandRequest['space'];
  words: PlatformWords;
  /** The campaign and bound space the request resolved to. */
  scope: RequestScope;
  role: Role;
  options: SetupOptions;
}

export interface SetupResult {
  campaign: Campaign;
  /** The guild or group, when the command came from one. */
  space: ChatSpace | null;
  /** A new campaign was created for the space. */
  created: boolean;
}

/**
 * Applies `/setup`: in a bound space, updates its campaign (or moves it to the campaign of
 * `invite`); in an unbound space, creates a campaign for it (or binds it to `invite`'s); in a
 * private chat, configures the request's campaign. In a group without channels (Telegram),
 * announcements then go to the forum topic `/setup` ran in, or the main chat. Every option is checked before anything is
 * written, and the writes are one transaction.
 */
export async function setUpCampaign(deps: CoreDeps, request: SetupRequest): Promise<SetupResult> {
  const { space, scope, options } = request;
  const settings = campaignSettings(options, deps.cron);
  const roles = !!space && request.words.spaceRoles;
  const organizerRoleId = roleSetting(options.organizerRole, roles);
  const announceChannelId = channelSetting(options.announceChannel, roles);
  const pingRoleId = pingRoleSetting(options.pingRole, roles);
  if (!space) {
    if (options.invite !== undefined) throw new DomainError('SETUP_INVITE_NEEDS_SPACE');
    if (request.role !== 'admin') throw new DomainError('ERROR_ADMINS_ONLY', { command: '/setup' });
    const campaign = await updated(deps.store, scope.campaign, settings);
    return { campaign, space: null, created: false };
  }
  const target = options.invite === undefined ? null : await inviteTarget(deps, request);
  if (!target && !scope.space && !request.actor.spaceAdmin && request.role !== 'admin') {
    throw new DomainError('SETUP_SPACE_ADMIN_ONLY');
  }
  const spaceSettings = {
    title: space.title ?? null,
    setupUserId: request.actor.userId,
    // Groups without channels announce where /setup was last run: a forum topic or the main chat.
    ...(!roles && { announceTopicId: space.topic ?? null }),
    ...(organizerRoleId && { organizerRoleId }),
    ...(announceChannelId !== undefined && { announceChannelId }),
    ...(pingRoleId !== undefined && { pingRoleId }),
  };
  return deps.store.transaction(async (store) => {
    // A concurrent /setup in the same space may have bound it since the request was resolved.
    const bound = scope.space ?? (await store.campaigns.findSpace(space.platform, space.id));
    let campaign = target ?? (bound && (await store.campaigns.findById(bound.campaignId)));
    const created = !campaign;
    campaign ??= await store.campaigns.create({
      name: options.name ?? space.title ?? deps.settings.defaults.name,
      timezone: settings.timezone ?? deps.settings.defaults.timezone,
      locale: settings.locale ?? deps.settings.defaults.locale,
      inviteCode: newInviteCode(),
    });
    campaign = await updated(store, campaign, settings);
    const chatSpace = await store.campaigns.bindSpace(
      campaign.id,
      space.platform,
      space.id,
      spaceSettings,
    );
    return { campaign, space: chatSpace, created };
  });
}

/** Checks and converts the campaign-wide options; throws the sentence for the first bad one. */
function campaignSettings(options: SetupOptions, cron: CronRules): CampaignSettings {
  const settings: CampaignSettings = {};
  if (options.name !== undefined) settings.name = options.name;
  if (options.timezone !== undefined) {
    const zone = canonicalTimeZone(options.timezone);
    if (!zone) throw new DomainError('TIME_UNKNOWN_ZONE', { zone: options.timezone });
    settings.timezone = zone;
  }
  if (options.language !== undefined) settings.locale = options.language;
  if (options.reminders !== undefined) {
    const offsets = parseOffsets(options.reminders);
    if (!offsets) throw new DomainError('TIME_BAD_DURATION', { text: options.reminders });
    settings.reminderOffsets = formatOffsets(offsets);
  }
  if (options.digest !== undefined) {
    settings.digestCron = cronSetting(options.digest, cron, 'SETUP_BAD_DIGEST');
  }
  if (options.report !== undefined) {
    settings.reportCron = cronSetting(options.report, cron, 'SETUP_BAD_REPORT');
  }
  if (options.leaderboard !== undefined) settings.leaderboardEnabled = options.leaderboard;
  if (options.coverWindow !== undefined) {
    settings.coverWindowMinutes = coverWindowSetting(options.coverWindow);
  }
  return settings;
}

/** A five-field cron expression (minute hour day month weekday), or null for `off`. */
function cronSetting(
  text: string,
  cron: CronRules,
  error: 'SETUP_BAD_DIGEST' | 'SETUP_BAD_REPORT',
): string | null {
  const expression = text.trim().split(/\s+/).join(' ');
  if (isOff(expression)) return null;
  // Six fields would add seconds: a message more often than once a minute is never wanted.
  if (expression.split(' ').length !== 5 || !cron.validate(expression)) {
    throw new DomainError(error, { text });
  }
  return expression;
}

/** Minutes of a cover window such as `48h` (up to 30 days), or null for `off`. */
function coverWindowSetting(text: string): number | null {
  if (isOff(text.trim())) return null;
  const minutes = parseDuration(text);
  if (minutes === null || minutes > 30 * 1440) {
    throw new DomainError('SETUP_BAD_COVER_WINDOW', { text });
  }
  return minutes;
}

/** The role id in `123` or `<@&123>`; only spaces with roles (Discord servers) have them. */
function roleSetting(text: string | undefined, roles: boolean): string | undefined {
  if (text === undefined) return undefined;
  if (!roles) throw new DomainError('SETUP_ROLE_NEEDS_SERVER');
  const id = /^(?:<@&(\d{1,20})>|(\d{1,20}))$/.exec(text.trim());
  if (!id) throw new DomainError('SETUP_BAD_ROLE', { text });
  return id[1] ?? id[2];
}

/** The role announcements ping (`123` or `<@&123>`), null for `off`; Discord servers only. */
function pingRoleSetting(text: string | undefined, roles: boolean): string | null | undefined {
  if (text === undefined) return undefined;
  if (!roles) throw new DomainError('SETUP_PING_ROLE_NEEDS_SERVER');
  if (isOff(text)) return null;
  const id = /^(?:<@&(\d{1,20})>|(\d{1,20}))$/.exec(text.trim());
  if (!id) throw new DomainError('SETUP_BAD_PING_ROLE', { text });
  return id[1] ?? id[2];
}

/** The channel id in `123` or `<#123>`, null for `off`; only spaces with roles have channels. */
function channelSetting(text: string | undefined, roles: boolean): string | null | undefined {
  if (text === undefined) return undefined;
  if (!roles) throw new DomainError('SETUP_CHANNEL_NEEDS_SERVER');
  if (isOff(text)) return null;
  const id = /^(?:<#(\d{1,20})>|(\d{1,20}))$/.exec(text.trim());
  if (!id) throw new DomainError('SETUP_BAD_CHANNEL', { text });
  return id[1] ?? id[2];
}

/** The campaign an invite code names, if the person organizes it. */
async function inviteTarget(deps: CoreDeps, request: SetupRequest): Promise<Campaign> {
  const { store, settings } = deps;
  const code = (request.options.invite ?? '').trim();
  const campaign = await store.campaigns.findByInviteCode(code);
  if (!campaign) throw new DomainError('SETUP_UNKNOWN_INVITE', { code });
  const { actor } = request;
  const listedAdmin = settings.admins.some(
    (admin) => admin.platform === actor.platform && admin.userId === actor.userId,
  );
  const there = await store.supporters.findByIdentity(campaign.id, actor.platform, actor.userId);
  if (listedAdmin || there?.role === 'organizer' || there?.role === 'admin') return campaign;
  // Binding a space lets its admins organize: only the campaign's own organizers may do it.
  throw new DomainError('SETUP_NOT_YOUR_CAMPAIGN', { name: campaign.name });
}

async function updated(
  store: Store,
  campaign: Campaign,
  settings: CampaignSettings,
): Promise<Campaign> {
  return Object.keys(settings).length > 0
    ? store.campaigns.update(campaign.id, settings)
    : campaign;
}
