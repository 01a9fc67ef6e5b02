import { shownId } from '../events/event.types.ts';
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

/** The open covers under a heading, or nothing when there are none. */
export function openCoverBlock(view: View, open: readonly OpenCover[]): string[] {
  if (open.length === 0) return [];
  return [
    [
      view.t('cover.open_title', { count: open.length }),
      ...open.map((o) => openCoverLine(view, o)),
    ].join('\n'),
  ];
}
