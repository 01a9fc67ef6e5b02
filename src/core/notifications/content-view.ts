import type { Campaign, Locale } from '../campaigns/campaign.types.ts';
import { shiftHours } from '../events/shifts.ts';
import { translator } from '../i18n/i18n.ts';
import type { Button, ReplyFile } from '../interaction/reply.ts';
import { type ShowInstant, showInstant, type View } from '../interaction/view.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import { formatWhen } from '../time/when.ts';

/**
 * The most characters one message may hold: Discord's 2,000 is the smallest limit of the
 * platforms (Telegram allows 4,096). Adapters join blocks with a blank line.
 */
export const MESSAGE_LIMIT = 2000;

/** How one recipient reads: their language and zone, else the campaign's. */
export interface NotificationView extends View {
  locale: Locale;
}

/** The text, buttons and files of one notification, before it is fitted to the limit. */
export interface NoticeBody {
  blocks: string[];
  buttons?: Button[][];
  files?: ReplyFile[];
  /** The one link worth a preview: a task's own link. */
  preview?: string;
}

/** The view of one recipient; `show` is how their platform shows instants. */
export function notificationView(
  campaign: Campaign,
  supporter: Supporter,
  show?: ShowInstant,
): NotificationView {
  const locale = supporter.locale ?? campaign.locale;
  const zone = supporter.timezone ?? campaign.timezone;
  return {
    locale,
    t: translator(locale),
    formatWhen: (instant, other) =>
      showInstant(show, instant, formatWhen(instant, other ?? zone, locale)),
    formatHours: (hours) => shiftHours(hours, show),
  };
}

/** Characters of a message as adapters show it: blocks separated by a blank line. */
export function messageLength(blocks: readonly string[]): number {
  return blocks.reduce((total, block) => total + block.length, 0) + 2 * (blocks.length - 1);
}

/** The message within {@link MESSAGE_LIMIT}: its longest blocks are cut with an ellipsis. */
export function fitMessage(blocks: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const fitted = [...blocks];
  let excess = messageLength(fitted) - limit;
  while (excess > 0) {
    const longest = fitted.reduce(
      (best, block, i) => (block.length > fitted[best]!.length ? i : best),
      0,
    );
    const block = fitted[longest]!;
    // Blocks of one character cannot shrink: the limit is far above any real message of them.
    if (block.length <= 1) break;
    fitted[longest] = shorten(block, Math.max(1, block.length - excess));
    excess = messageLength(fitted) - limit;
  }
  return fitted;
}

/**
 * At most `max` lines, as many as fit in `budget` characters (one line each), then `more(hidden)`
 * for the rest; the line saying how many are left is counted in the budget.
 */
export function linesWithin(
  lines: readonly string[],
  budget: number,
  max: number,
  more: (hidden: number) => string,
): string[] {
  const shown: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    const reserve = rest > 0 ? more(rest).length + 1 : 0;
    if (shown.length === max || used + line.length + 1 + reserve > budget) {
      return [...shown, more(lines.length - shown.length)];
    }
    shown.push(line);
    used += line.length + 1;
  }
  return shown;
}

/** The text cut to `max` characters, ending with an ellipsis when it was longer. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
