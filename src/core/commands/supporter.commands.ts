import { DomainError } from '../errors.ts';
import { isRegistered } from '../interaction/registered.ts';
import { LINK_CODE_MINUTES } from '../supporters/link.ts';
import { privacyNotice } from '../supporters/privacy-notice.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import { type CommandContext, defineCommand } from './define-command.ts';
import { choice, flag, text } from './options.ts';

/** `/join` (Telegram `/start`, also `/start <invite-code>`): privacy notice first, then consent. */
const join = defineCommand({
  name: 'join',
  aliases: ['start'],
  description: {
    en: 'Register in this campaign (a short privacy notice comes first)',
    fr: 'S’inscrire dans cette campagne (après une courte notice de confidentialité)',
  },
  access: 'anyone',
  private: true,
  options: {
    code: text({
      max: 64,
      description: { en: 'Invite code of a campaign', fr: 'Code d’invitation d’une campagne' },
      example: 'k3Xq9ZpA2bWm',
    }),
    agree: flag({
      description: {
        en: 'I agree to the privacy notice',
        fr: 'J’accepte la notice de confidentialité',
      },
      example: 'on',
    }),
  },
  async run(ctx, { code, agree }) {
    const { t, services, request } = ctx;
    const campaign = code ? await services.campaigns.findByInviteCode(code) : ctx.campaign;
    if (!campaign) throw new DomainError('JOIN_UNKNOWN_CODE', { code: code ?? '' });
    const outcome = await services.supporters.join(campaign.id, request.actor, agree === true);
    if (outcome.kind === 'already')
      return ctx.reply(t('join.already', { campaign: campaign.name }));
    if (outcome.kind === 'joined') {
      const name = outcome.supporter.displayName ?? t('join.friend');
      return ctx.reply([
        t('join.welcome', { campaign: campaign.name, name }),
        t('join.next_steps'),
      ]);
    }
    const platform = ctx.platformName(request.actor.platform);
    const { blocks, buttons } = privacyNotice(t, campaign, platform, !!code);
    return ctx.reply(blocks, { buttons });
  },
});

function profileBlocks(ctx: CommandContext, s: Supporter): string[] {
  const { t, campaign } = ctx;
  const byDefault = (value: string) => t('profile.campaign_default', { value });
  const lines = [
    t('profile.name', { value: s.displayName ?? t('roster.no_name') }),
    t('profile.language', { value: s.locale ?? byDefault(campaign.locale) }),
    t('profile.timezone', { value: s.timezone ?? byDefault(campaign.timezone) }),
    s.quietHours
      ? t('profile.quiet_hours', { value: s.quietHours })
      : t('profile.quiet_hours_none'),
    t(s.remindersEnabled ? 'profile.reminders_on' : 'profile.reminders_off'),
    s.skills.length > 0
      ? t('profile.skills', { value: s.skills.join(', ') })
      : t('profile.skills_none'),
    s.tags.length > 0 ? t('profile.tags', { value: s.tags.join(', ') }) : t('profile.tags_none'),
    t('profile.points', { value: s.points }),
  ];
  return [t('profile.title', { campaign: campaign.name }), lines.join('\n'), t('profile.hint')];
}

/** `/profile` (Discord `/profile show`). */
const profileShow = defineCommand({
  name: 'profile',
  subcommand: 'show',
  description: {
    en: 'Show your profile and settings',
    fr: 'Afficher votre profil et vos réglages',
  },
  access: 'supporter',
  private: true,
  options: {},
  async run(ctx) {
    return ctx.reply(profileBlocks(ctx, ctx.self()));
  },
});

const profileSet = defineCommand({
  name: 'profile',
  subcommand: 'set',
  description: {
    en: 'Change your time zone, language, quiet hours, reminders or skills',
    fr: 'Changer votre fuseau horaire, langue, heures calmes, rappels ou compétences',
  },
  access: 'supporter',
  private: true,
  options: {
    timezone: text({
      max: 64,
      description: { en: 'Your time zone (IANA name)', fr: 'Votre fuseau horaire (nom IANA)' },
      example: 'Europe/Paris',
    }),
    language: choice(['en', 'fr'], {
      description: { en: 'Language of replies', fr: 'Langue des réponses' },
      example: 'fr',
    }),
    quiet_hours: text({
      max: 20,
      description: {
        en: 'No messages between these times (or off)',
        fr: 'Pas de messages entre ces heures (ou désactivé)',
      },
      example: '22:00-08:00',
    }),
    reminders: flag({
      description: { en: 'Receive reminders', fr: 'Recevoir des rappels' },
      example: 'on',
    }),
    skills: text({
      max: 1000,
      description: {
        en: 'Your skills, separated by commas (or none)',
        fr: 'Vos compétences, séparées par des virgules (ou aucune)',
      },
      example: { en: 'canvassing,phoning', fr: 'porte-à-porte,phoning' },
    }),
  },
  async run(ctx, args) {
    if (Object.values(args).every((value) => value === undefined)) {
      return ctx.reply(ctx.t('profile.nothing_to_set'));
    }
    const updated = await ctx.services.supporters.updateProfile(ctx.self(), args);
    return ctx.reply([ctx.t('profile.updated'), ...profileBlocks(ctx, updated).slice(1, 2)]);
  },
});

/** `/link`: a one-time code, or typing that code on another platform to join the accounts. */
const link = defineCommand({
  name: 'link',
  description: {
    en: 'Join your Discord and Telegram accounts into one profile',
    fr: 'Réunir vos comptes Discord et Telegram en un seul profil',
  },
  // Typing a code needs no registration on this platform: the code owner's consent covers it.
  access: 'anyone',
  private: true,
  options: {
    code: text({
      max: 32,
      description: {
        en: 'The code /link gave you on your other account',
        fr: 'Le code que /link vous a donné sur votre autre compte',
      },
      example: 'K7M2QX9P',
    }),
  },
  async run(ctx, { code }) {
    const { t, services, request } = ctx;
    if (code) {
      const { identities } = await services.supporters.redeemLinkCode(request.actor, code);
      const accounts = identities
        .map((i) => `${ctx.platformName(i.platform)}${i.username ? ` @${i.username}` : ''}`)
        .join(', ');
      return ctx.reply(t('link.done', { accounts }));
    }
    if (!isRegistered(ctx.supporter)) {
      return ctx.reply(t('error.join_first', { join: request.words.joinCommand }));
    }
    const issued = await services.supporters.issueLinkCode(ctx.supporter);
    return ctx.reply(t('link.code', { code: issued.code, minutes: LINK_CODE_MINUTES }));
  },
});

/** `/leaderboard`: the top supporters by points, when the campaign turned it on. */
const leaderboard = defineCommand({
  name: 'leaderboard',
  description: { en: 'Top supporters by points', fr: 'Classement des soutiens par points' },
  access: 'supporter',
  options: {},
  async run(ctx) {
    const { t } = ctx;
    if (!ctx.campaign.leaderboardEnabled) return ctx.reply(t('leaderboard.off'));
    const top = await ctx.services.supporters.leaderboard(ctx.campaign.id);
    if (top.length === 0) return ctx.reply(t('leaderboard.empty'));
    const lines = top.map((s, index) =>
      t('leaderboard.line', {
        rank: index + 1,
        name: s.displayName ?? t('leaderboard.anonymous', { id: s.id }),
        points: s.points,
      }),
    );
    return ctx.reply([t('leaderboard.title'), lines.join('\n')]);
  },
});

export const supporterCommands = [join, profileShow, profileSet, link, leaderboard];
