import type { Locale } from '../campaigns/campaign.types.ts';

/** One event of the fill panel: its answers against its capacity. */
export interface EventFillBar {
  /** `#12 Canvass · 5 Dec`. */
  label: string;
  yes: number;
  maybe: number;
  waitlist: number;
  /** Seats; null when the event has no limit. */
  capacity: number | null;
}

/**
 * Everything the `/stats` picture shows, already in the campaign's language: every label, date
 * and shown value is text made by the core, so a renderer only draws.
 */
export interface StatsChart {
  locale: Locale;
  /** `Our campaign · last 12 weeks`. */
  title: string;
  /** `8 Sept – 30 Nov 2026`. */
  subtitle: string;
  growth: {
    title: string;
    /** One label per bucket (a day, the Monday of a week, or a month). */
    labels: string[];
    /** Registered supporters at the end of each bucket (cumulative line). */
    supporters: number[];
    /** Tasks marked done within each bucket (bars). */
    tasksDone: number[];
    supportersName: string;
    tasksDoneName: string;
  };
  fill: {
    title: string;
    events: EventFillBar[];
    yesName: string;
    maybeName: string;
    waitlistName: string;
    capacityName: string;
    /** Shown instead of bars when no event is coming. */
    empty: string;
  };
  attendance: {
    title: string;
    labels: string[];
    /** Came / said yes, in percent; null where no event was held. */
    rates: (number | null)[];
    /** The rates as shown (`87.5 %`, `87,5 %`), empty where no event was held. */
    shown: string[];
  };
}

/** Width and height of the picture, in pixels: readable on a phone, sharp on a desktop. */
export const CHART_SIZE = { width: 1200, height: 800 } as const;

/**
 * Draws the `/stats` picture. The core only describes it ({@link StatsChart}); an
 * implementation outside the core turns it into a PNG of {@link CHART_SIZE}.
 */
export interface ChartRenderer {
  png(chart: StatsChart): Promise<Uint8Array>;
}
