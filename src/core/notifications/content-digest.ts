import type { Campaign } from '../campaigns/campaign.types.ts';
import type { CampaignEvent } from '../events/event.types.ts';
import { nextDateOfEachSeries } from '../events/series.types.ts';
import type { Services } from '../services.ts';
import type { Supporter } from '../supporters/supporter.types.ts';
import type { Task } from '../tasks/task.types.ts';
import { EVENT_LISTING_LIMIT } from '../views/event-view.ts';
import { claimButton, LISTING_LIMIT, taskLine } from '../views/task-replies.ts';
import {
  linesWithin,
  MESSAGE_LIMIT,
  messageLength,
  type NoticeBody,
  type NotificationView,
  shorten,
} from './content-view.ts';
import type { Notification } from './notification.types.ts';

/** How far ahead a digest looks for events, and how far back for tasks on a first digest. */
export const DIGEST_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;

/** Longest title or place in a digest line. */
const TEXT_IN_DIGEST = 80;

/** Claim buttons under a digest: one row. */
const CLAIM_BUTTONS = 5;

/** What a digest lists. */
export interface DigestItems {
  tasks: Task[];
  events: CampaignEvent[];
}

/**
 * What a digest has to say to a supporter at `now`: open tasks they can take that appeared since
 * their last delivered digest (else in the last 7 days), and events starting in the next 7 days.
 */
export async function digestItems(
  services: Pick<Services, 'tasks' | 'events'>,
  previous: readonly Notification[],
  supporter: Supporter,
  now: Date,
): Promise<DigestItems> {
  const lastSent = previous
    .filter((row) => row.kind === 'digest' && row.sentAt)
    .reduce((latest, row) => Math.max(latest, row.sentAt!.getTime()), 0);
  const since = lastSent || now.getTime() - DIGEST_DAYS * DAY_MS;
  const until = now.getTime() + DIGEST_DAYS * DAY_MS;
  const [available, upcoming] = await Promise.all([
    services.tasks.available(supporter.campaignId, supporter),
    services.events.upcoming(supporter.campaignId),
  ]);
  return {
    tasks: available.filter((task) => task.createdAt.getTime() > since),
    // A series is listed at its next date only (a daily one would fill the list).
    events: nextDateOfEachSeries(upcoming).filter((event) => event.startsAt.getTime() <= until),
  };
}

/**
 * The digest message: a title, the new tasks and the coming events with their counts (the lists
 * shortened to fit one message), and Claim buttons for the first tasks. Null when there is
 * nothing to say: an empty digest would only be noise.
 */
export function digestNotice(
  view: NotificationView,
  campaign: Campaign,
  { tasks, events }: DigestItems,
): NoticeBody | null {
  if (tasks.length === 0 && events.length === 0) return null;
  const title = view.t('notification.digest_title', { campaign: campaign.name });
  const hint = view.t('notification.digest_hint');
  const sections = (tasks.length > 0 ? 1 : 0) + (events.length > 0 ? 1 : 0);
  let room = MESSAGE_LIMIT - messageLength([title, hint]) - 2 * sections;
  const more = (count: number) => view.t('task.more', { count });
  const blocks = [title];
  if (tasks.length > 0) {
    const heading = view.t('notification.digest_tasks', { count: tasks.length });
    const budget = (events.length > 0 ? Math.floor(room / 2) : room) - heading.length - 1;
    const lines = tasks.map((task) => taskLine(view, task));
    const block = [heading, ...linesWithin(lines, budget, LISTING_LIMIT, more)].join('\n');
    blocks.push(block);
    room -= block.length;
  }
  if (events.length > 0) {
    const heading = view.t('notification.digest_events', {
      days: DIGEST_DAYS,
      count: events.length,
    });
    const lines = events.map((event) => eventLine(view, event));
    const budget = room - heading.length - 1;
    blocks.push([heading, ...linesWithin(lines, budget, EVENT_LISTING_LIMIT, more)].join('\n'));
  }
  blocks.push(hint);
  const claims = tasks.slice(0, CLAIM_BUTTONS).map((task) => claimButton(view, task));
  return { blocks, ...(claims.length > 0 && { buttons: [claims] }) };
}

/** `#12 Canvass · Sat 5 Dec 2026, 18:00 (Europe/Paris) · Market square`. */
function eventLine(view: NotificationView, event: CampaignEvent): string {
  return [
    view.t('event.title', { id: event.id, title: shorten(event.title, TEXT_IN_DIGEST) }),
    view.formatWhen(event.startsAt),
    ...(event.location ? [shorten(event.location, TEXT_IN_DIGEST)] : []),
  ].join(' · ');
}
