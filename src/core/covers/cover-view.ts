import { type CampaignEvent, shownId } from '../events/event.types.ts';
import type { Button } from '../interaction/reply.ts';
import type { View } from '../interaction/view.ts';
import type { OpenCover } from './covers.service.ts';

/** `#12.2 Canvass · Drivers: looking for 1 volunteer (2 waves of offers so far)`. */
export function openCoverLine(view: View, { cover, event }: OpenCover): string {
  return view.t('cover.open_line', {
    id: shownId(event),
    title: event.title,
    free: cover.seats - cover.taken,
    waves: cover.wave,
  });
}

/** Open covers listed under their heading at most; the rest are counted. */
const LISTED = 10;

/** The open covers under a heading, or nothing when there are none. */
export function openCoverBlock(view: View, open: readonly OpenCover[]): string[] {
  if (open.length === 0) return [];
  const lines = open.slice(0, LISTED).map((o) => openCoverLine(view, o));
  if (open.length > LISTED) lines.push(view.t('task.more', { count: open.length - LISTED }));
  return [[view.t('cover.open_title', { count: open.length }), ...lines].join('\n')];
}

/**
 * "Hand out #12.2 again" (`/event handout id:12.2`): offers the free seats of an unfilled event
 * or shift, as listed by the organizers' weekly report.
 */
export function handoutButton(view: View, event: CampaignEvent): Button {
  return {
    label: view.t('report.handout_button', { id: shownId(event) }),
    action: { command: 'event', subcommand: 'handout', args: { id: shownId(event) } },
  };
}
