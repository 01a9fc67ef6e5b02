import type { CommandContext } from './define-command.ts';

/**
 * `riverside-supporters-2026-12-01-0930.csv`: the campaign and the time (UTC) in the name, so a
 * new export never overwrites an earlier one.
 */
export function exportName(ctx: CommandContext, kind: string, extension: string): string {
  const campaign = ctx.campaign.name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const time = ctx.now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `${campaign || 'campaign'}-${kind}-${time}.${extension}`;
}
