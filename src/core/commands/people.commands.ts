import type { SupporterEntry } from '../campaigns/stats.service.ts';
import { normalizeTag } from '../campaigns/tags.ts';
import { DomainError } from '../errors.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import { defineCommand } from './define-command.ts';
import { text, user } from './options.ts';

/**
 * How much of `/supporters` is shown at once, within Discord's 2000 characters; the CSV export
 * has everyone.
 */
const LISTED_SUPPORTERS = 25;
const LISTED_CHARACTERS = 1500;

const userOption = user({
  required: true,
  description: { en: 'The person', fr: 'La personne' },
  example: '@alice',
});

const tagOption = text({
  required: true,
  max: 50,
  description: { en: 'The tag', fr: 'L’étiquette' },
  example: { en: 'canvassers', fr: 'porte-à-porte' },
});

/** `/supporters`, `/tag add|remove`, `/organizer add|remove`: who is in the campaign. */
export const peopleCommands = [
  defineCommand({
    name: 'supporters',
    description: { en: 'List supporters', fr: 'Lister les soutiens' },
    access: 'organizer',
    private: true,
    options: {
      tag: text({
        max: 50,
        description: { en: 'Only those with this tag', fr: 'Seulement avec cette étiquette' },
        example: { en: 'canvassers', fr: 'porte-à-porte' },
      }),
      search: text({
        max: 100,
        description: {
          en: 'Part of a name or username',
          fr: 'Partie d’un nom ou d’un pseudo',
        },
        example: 'alice',
      }),
      inactive: text({
        max: 10,
        description: {
          en: 'Only those silent for this many days (other filters are then left aside)',
          fr: 'Seulement les soutiens silencieux depuis ce nombre de jours (autres filtres ignorés)',
        },
        example: '30d',
      }),
    },
    async run(ctx, args) {
      if (args.inactive !== undefined) {
        const days = inactiveDays(args.inactive);
        const { total, entries } = await ctx.services.stats.silent(
          ctx.campaign.id,
          days,
          LISTED_SUPPORTERS,
        );
        const title = ctx.t('roster.title_inactive', { count: total, days });
        return ctx.reply([title, rosterText(ctx.t, entries, total)]);
      }
      const { total, entries } = await ctx.services.stats.roster(
        ctx.campaign.id,
        args,
        LISTED_SUPPORTERS,
      );
      const title =
        args.tag === undefined
          ? ctx.t('roster.title', { count: total })
          : ctx.t('roster.title_tag', { count: total, tag: args.tag });
      return ctx.reply([title, rosterText(ctx.t, entries, total)]);
    },
  }),
  defineCommand({
    name: 'tag',
    subcommand: 'add',
    description: { en: 'Give a supporter a tag', fr: 'Donner une étiquette à un soutien' },
    access: 'organizer',
    private: true,
    options: { user: userOption, tag: tagOption },
    async run(ctx, args) {
      const target = await ctx.findUser(args.user);
      const tag = tagName(args.tag);
      const after = await ctx.services.campaigns.addTag(ctx.campaign.id, target, tag);
      const params = { user: label(target, args.user), tag };
      if (!after) return ctx.reply(ctx.t('organizer.tag_already', params));
      return ctx.reply(ctx.t('organizer.tag_added', { ...params, tags: after.tags.join(', ') }));
    },
  }),
  defineCommand({
    name: 'tag',
    subcommand: 'remove',
    description: { en: 'Take a tag from a supporter', fr: 'Retirer une étiquette à un soutien' },
    access: 'organizer',
    private: true,
    options: { user: userOption, tag: tagOption },
    async run(ctx, args) {
      const target = await ctx.findUser(args.user);
      const tag = tagName(args.tag);
      const after = await ctx.services.campaigns.removeTag(ctx.campaign.id, target, tag);
      const params = { user: label(target, args.user), tag };
      return ctx.reply(ctx.t(after ? 'organizer.tag_removed' : 'organizer.tag_not_held', params));
    },
  }),
  defineCommand({
    name: 'organizer',
    subcommand: 'add',
    description: { en: 'Make a supporter an organizer', fr: 'Nommer un soutien organisateur' },
    access: 'organizer',
    private: true,
    options: { user: userOption },
    async run(ctx, args) {
      const target = await ctx.findUser(args.user);
      const changed = await ctx.services.campaigns.setRole(
        ctx.campaign.id,
        target,
        'organizer',
        ctx.role,
      );
      const id = changed
        ? 'organizer.promoted'
        : target.role === 'admin'
          ? 'organizer.is_admin'
          : 'organizer.already';
      return ctx.reply(ctx.t(id, { user: label(target, args.user) }));
    },
  }),
  defineCommand({
    name: 'organizer',
    subcommand: 'remove',
    description: {
      en: 'Make an organizer a volunteer again',
      fr: 'Redonner à un organisateur le rôle de bénévole',
    },
    access: 'organizer',
    private: true,
    options: { user: userOption },
    async run(ctx, args) {
      const target = await ctx.findUser(args.user);
      const changed = await ctx.services.campaigns.setRole(
        ctx.campaign.id,
        target,
        'volunteer',
        ctx.role,
      );
      const id = changed ? 'organizer.demoted' : 'organizer.not_organizer';
      return ctx.reply(ctx.t(id, { user: label(target, args.user) }));
    },
  }),
];

/** One tag per option: commas separate tags in skill lists, so a tag cannot hold one. */
function tagName(value: string): string {
  if (value.includes(',')) throw new DomainError('ORGANIZER_BAD_TAG');
  return normalizeTag(value);
}

function label(target: Supporter, typed: string): string {
  return target.displayName ?? typed;
}

/** The first supporters of a list, within Discord's limit, then how many more there are. */
function rosterText(t: Translator, entries: readonly SupporterEntry[], total: number): string {
  const lines: string[] = [];
  let length = 0;
  for (const entry of entries.slice(0, LISTED_SUPPORTERS)) {
    const line = rosterLine(t, entry);
    length += line.length + 1;
    if (length > LISTED_CHARACTERS) break;
    lines.push(line);
  }
  if (total > lines.length) lines.push(t('roster.more', { count: total - lines.length }));
  return lines.join('\n') || t('roster.empty');
}

/** `30d` or `30`: a number of days from 1 to 365. */
function inactiveDays(text: string): number {
  const days = /^(\d{1,3})\s*d?$/i.exec(text.trim());
  const value = days ? Number(days[1]) : 0;
  if (value < 1 || value > 365) throw new DomainError('ROSTER_BAD_INACTIVE', { text });
  return value;
}

function rosterLine(t: Translator, { supporter, handles }: SupporterEntry): string {
  const names = handles.map((h) => `@${h.username}`);
  return t('roster.line', {
    name: supporter.displayName ?? t('roster.no_name'),
    handles: names.length > 0 ? ` (${[...new Set(names)].join(', ')})` : '',
    tags: supporter.tags.join(', ') || t('roster.no_tags'),
    points: supporter.points,
    status: t(`roster.status_${supporter.status}`),
  });
}
