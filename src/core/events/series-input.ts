import { DateTime } from 'luxon';
import { DomainError } from '../errors.ts';
import { formatWhen, parseWhen } from '../time/when.ts';
import type { CampaignEvent } from './event.types.ts';
import type { TimeFrame } from './event-input.ts';
import type { SeriesScope } from './series.types.ts';
import {
  firstOccurrences,
  floatingStamp,
  hasEnd,
  localStamp,
  MAX_OCCURRENCES,
  readRepeat,
  type SeriesRule,
} from './series-rule.ts';

/** How a series repeats, as typed: `repeat:weekly until:"2027-06-30"` or `count:10`. */
export interface RepeatInput {
  repeat?: string;
  until?: string;
  count?: number;
}

/** A checked rule and its first occurrences (all of them when it ends within the limit). */
export interface CheckedRule extends SeriesRule {
  starts: Date[];
}

/**
 * The rule of a new series starting at `start`, checked before anything is written: a known
 * rule, an end after the start, at most 500 occurrences. The first occurrence is the first date
 * the rule gives from `start` on.
 */
export function checkRepeat(
  input: RepeatInput,
  start: Date,
  now: Date,
  frame: TimeFrame,
): CheckedRule {
  if (input.repeat === undefined) throw new DomainError('SERIES_END_WITHOUT_REPEAT');
  if (input.until !== undefined && input.count !== undefined) {
    throw new DomainError('SERIES_UNTIL_AND_COUNT');
  }
  let rule = readRepeat(input.repeat);
  if (input.count !== undefined) {
    if (input.count > MAX_OCCURRENCES) {
      throw new DomainError('SERIES_TOO_MANY', { max: MAX_OCCURRENCES });
    }
    rule += `;COUNT=${input.count}`;
  }
  if (input.until !== undefined) {
    const until = parseWhen(input.until, now, frame.zone, frame.locale);
    if (!until) throw new DomainError('TIME_UNPARSEABLE', { text: input.until });
    const lastDay = DateTime.fromJSDate(until, { zone: frame.zone }).endOf('day');
    if (lastDay.toMillis() < Math.max(start.getTime(), now.getTime())) {
      throw new DomainError('SERIES_UNTIL_PAST', {
        until: lastDay.setLocale(frame.locale).toLocaleString(DateTime.DATE_FULL),
        start: formatWhen(start, frame.zone, frame.locale),
      });
    }
    rule += `;UNTIL=${floatingStamp(lastDay.startOf('second'))}`;
  }
  const draft = { rule, firstStart: localStamp(start, frame.zone), timezone: frame.zone };
  const starts = firstOccurrences(draft, MAX_OCCURRENCES + 1);
  if (hasEnd(rule) && starts.length > MAX_OCCURRENCES) {
    throw new DomainError('SERIES_TOO_MANY', { max: MAX_OCCURRENCES });
  }
  const first = starts[0];
  if (!first) {
    throw new DomainError('SERIES_UNTIL_PAST', {
      until: input.until ?? '',
      start: formatWhen(start, frame.zone, frame.locale),
    });
  }
  return { ...draft, firstStart: localStamp(first, frame.zone), starts };
}

/**
 * The scope an edit or cancellation of `event` applies to: none for an event outside a series
 * (giving one is refused), and one must be given for an occurrence.
 */
export function scopeFor(
  event: CampaignEvent,
  scope: SeriesScope | undefined,
  usage: string,
): SeriesScope | null {
  if (event.seriesId === null) {
    if (scope === undefined) return null;
    throw new DomainError('SERIES_NOT_SERIES', { id: event.id, option: 'scope', example: usage });
  }
  if (scope === undefined) {
    throw new DomainError('SERIES_CHOOSE_SCOPE', { id: event.id, example: usage });
  }
  return scope;
}
