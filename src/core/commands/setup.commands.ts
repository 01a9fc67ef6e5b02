import type { SetupResult } from '../campaigns/setup.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { PlatformWords } from '../interaction/request.ts';
import { formatDuration } from '../time/durations.ts';
import { defineCommand } from './define-command.ts';
import { choice, flag, text } from './options.ts';

/** `/setup`: binds this guild or group to a campaign and sets the campaign's defaults. */
export const setupCommands = [
  defineCommand({
    name: 'setup',
    description: {
      en: 'Bind this server or group to a campaign and set it up',
      fr: 'Lier ce serveur ou groupe à une campagne et la configurer',
    },
    access: 'organizer',
    options: {
      timezone: text({
        max: 64,
        description: {
          en: 'Campaign time zone (IANA)',
          fr: 'Fuseau horaire de la campagne (IANA)',
        },
        example: 'Europe/Paris',
      }),
      language: choice(['en', 'fr'], {
        description: { en: 'Campaign language', fr: 'Langue de la campagne' },
        example: 'fr',
      }),
      organizer_role: text({
        max: 40,
        description: {
          en: 'Discord role whose members are organizers',
          fr: 'Rôle Discord dont les membres sont organisateurs',
        },
        example: '<@&123456789012345678>',
      }),
      ping_role: text({
        max: 40,
        description: {
          en: 'Discord role pinged by announcements (or off)',
          fr: 'Rôle Discord mentionné par les annonces (ou désactivé)',
        },
        example: '<@&123456789012345678>',
      }),
      channel: text({
        max: 40,
        description: {
          en: 'Discord channel where new events and tasks are announced (or off)',
          fr: 'Salon Discord où annoncer les nouveaux événements et tâches (ou désactivé)',
        },
        example: '<#123456789012345678>',
      }),
      reminders: text({
        max: 100,
        description: {
          en: 'Default event reminders before the start',
          fr: 'Rappels d’événement par défaut avant le début',
        },
        example: '24h,2h',
      }),
      digest: text({
        max: 100,
        description: {
          en: 'Digest schedule (cron, campaign time zone) or off',
          fr: 'Horaire du résumé (cron, fuseau de la campagne) ou désactivé',
        },
        example: '0 9 * * 1',
      }),
      report: text({
        max: 100,
        description: {
          en: 'Organizers’ weekly report schedule (cron, campaign time zone) or off',
          fr: 'Horaire du bilan hebdomadaire des organisateurs (cron, fuseau de la campagne) ou désactivé',
        },
        example: '0 9 * * 1',
      }),
      leaderboard: flag({
        description: { en: 'Show the leaderboard', fr: 'Afficher le classement' },
        example: 'on',
      }),
      cover_window: text({
        max: 20,
        description: {
          en: 'How long before an event a cancellation asks others to cover (or off)',
          fr: 'Combien de temps avant un événement un désistement fait chercher un remplaçant (ou désactivé)',
        },
        example: '48h',
      }),
      name: text({
        max: 100,
        description: { en: 'Campaign name', fr: 'Nom de la campagne' },
        example: { en: 'Canvass team', fr: 'Équipe porte-à-porte' },
      }),
      invite: text({
        max: 64,
        description: {
          en: 'Invite code of an existing campaign to bind this group to',
          fr: 'Code d’invitation d’une campagne existante à laquelle lier ce groupe',
        },
        example: 'k3Jx9QaZpL0w',
      }),
    },
    async run(ctx, args) {
      const { request } = ctx;
      const result = await ctx.services.campaigns.setUp({
        actor: request.actor,
        space: request.space,
        words: request.words,
        scope: { campaign: ctx.campaign, space: ctx.space },
        role: ctx.role,
        options: {
          name: args.name,
          timezone: args.timezone,
          language: args.language,
          organizerRole: args.organizer_role,
          announceChannel: args.channel,
          pingRole: args.ping_role,
          reminders: args.reminders,
          digest: args.digest,
          report: args.report,
          leaderboard: args.leaderboard,
          coverWindow: args.cover_window,
          invite: args.invite,
        },
      });
      const blocks = summary(ctx.t, result, ctx.space?.campaignId, request.words);
      if (ctx.services.calendars.enabled()) {
        const feed = await ctx.services.calendars.campaignFeed(result.campaign.id);
        blocks.push(ctx.t('setup.calendar_feed', { webcal: feed.webcal }));
      }
      return ctx.reply(blocks);
    },
  }),
];

/** The campaign's settings and how to join it, headed by what `/setup` just did. */
function summary(
  t: Translator,
  result: SetupResult,
  previousCampaignId: number | undefined,
  words: PlatformWords,
): string[] {
  const { campaign, space } = result;
  const heading = result.created
    ? 'setup.created'
    : space && space.campaignId !== previousCampaignId
      ? 'setup.bound'
      : 'setup.current';
  const settings = [
    t('setup.settings', {
      timezone: campaign.timezone,
      language: campaign.locale,
      reminders: campaign.reminderOffsets.replaceAll(',', ', '),
      digest: campaign.digestCron ?? t('common.off'),
      leaderboard: t(campaign.leaderboardEnabled ? 'common.on' : 'common.off'),
    }),
    t('setup.report', { report: campaign.reportCron ?? t('common.off') }),
    t('setup.cover_window', {
      window:
        campaign.coverWindowMinutes === null
          ? t('common.off')
          : formatDuration(campaign.coverWindowMinutes),
    }),
  ];
  if (space && words.spaceRoles) {
    const role = space.organizerRoleId ? `<@&${space.organizerRoleId}>` : t('common.none');
    settings.push(t('setup.organizer_role', { role }));
    const channel = space.announceChannelId ? `<#${space.announceChannelId}>` : t('common.none');
    settings.push(t('setup.announce_channel', { channel }));
    const ping = space.pingRoleId ? `<@&${space.pingRoleId}>` : t('common.none');
    settings.push(t('setup.ping_role', { role: ping }));
  }
  if (space?.announceTopicId && !words.spaceRoles) settings.push(t('setup.announce_topic'));
  const join = [t('setup.invite', { code: campaign.inviteCode })];
  if (words.startLink) {
    join.push(t('setup.invite_link', { link: words.startLink(campaign.inviteCode) }));
  }
  return [t(heading, { name: campaign.name }), settings.join('\n'), join.join('\n')];
}
