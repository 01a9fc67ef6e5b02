import { describe, expect, it } from 'vitest';
import { EChartsChartRenderer } from '../../src/charts/echarts-chart-renderer.ts';
import { CHART_SIZE } from '../../src/core/reports/chart.types.ts';
import { useCore } from '../support/core-harness.ts';
import { seedStatsCampaign } from '../support/seed-stats.ts';

const h = useCore();
const renderer = new EChartsChartRenderer();

async function campaign() {
  const found = await h.core.services.campaigns.ensureDefault();
  if ((await h.db.store.supporters.list(found.id)).length === 0) {
    await seedStatsCampaign(h.db.store, found);
  }
  return found;
}

/** The texts of the SVG, entities decoded, in drawing order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replaceAll('&amp;', '&')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>'),
  );
}

/** Width and height from a PNG's header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the /stats picture', () => {
  it('counts supporters cumulatively per week, tasks done per week, fill and attendance', async () => {
    const chart = await h.core.services.reports.chart(await campaign(), '12w', 'en');
    expect(chart.growth.labels).toEqual(
      [
        ...['7 Sep', '14 Sep', '21 Sep', '28 Sep', '5 Oct', '12 Oct', '19 Oct', '26 Oct'],
        ...['2 Nov', '9 Nov', '16 Nov', '23 Nov', '30 Nov'],
      ].slice(1),
    );
    expect(chart.growth.supporters).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 7, 9, 10]);
    expect(chart.growth.tasksDone).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
    expect(chart.fill.events).toEqual([
      { label: '#2 Canvass the market · Sat 5 Dec', yes: 2, maybe: 1, waitlist: 0, capacity: 10 },
    ]);
    expect(chart.attendance.labels).toEqual(chart.growth.labels.slice(4));
    expect(chart.attendance.shown).toEqual(['', '', '', '', '', '', '66.7%', '']);
  });

  it('writes the English week labels, values and titles into the SVG', async () => {
    const chart = await h.core.services.reports.chart(await campaign(), '12w', 'en');
    const shown = texts(renderer.svg(chart));
    expect(shown).toContain('Test campaign · last 12 weeks');
    expect(shown).toContain('14 Sep – 30 Nov 2026');
    for (const label of ['14 Sep', '5 Oct', '16 Nov', '23 Nov', '30 Nov']) {
      expect(shown).toContain(label);
    }
    expect(shown).toContain('10');
    expect(shown).toContain('66.7%');
    expect(shown).toContain('#2 Canvass the market · Sat 5 Dec');
    expect(shown).toContain('Attendance per week (came / said yes)');
  });

  it('writes French month names and decimal commas into the SVG', async () => {
    const chart = await h.core.services.reports.chart(await campaign(), '12w', 'fr');
    const shown = texts(renderer.svg(chart));
    expect(shown).toContain('Test campaign · 12 dernières semaines');
    expect(shown).toContain('14 sept. – 30 nov. 2026');
    for (const label of ['14 sept.', '5 oct.', '16 nov.', '23 nov.', '30 nov.']) {
      expect(shown).toContain(label);
    }
    expect(shown.some((text) => /^66,7\s%$/u.test(text))).toBe(true);
    expect(shown).not.toContain('66.7%');
    expect(shown).toContain('#2 Canvass the market · sam. 5 déc.');
    expect(shown).toContain('Présence par semaine (venus / ayant dit oui)');
  });

  it('labels a year by month and 30 days by day', async () => {
    const year = await h.core.services.reports.chart(await campaign(), '1y', 'fr');
    expect(year.growth.labels.at(0)).toBe('déc. 2025');
    expect(year.growth.labels.at(-1)).toBe('nov. 2026');
    expect(year.growth.supporters.at(-1)).toBe(10);
    const month = await h.core.services.reports.chart(await campaign(), '30d', 'en');
    expect(month.growth.labels).toHaveLength(30);
    expect(month.growth.labels.at(-1)).toBe('30 Nov');
    expect(month.growth.tasksDone.reduce((a, b) => a + b)).toBe(2);
  });

  it('says so when no event is coming', async () => {
    const chart = await h.core.services.reports.chart(await campaign(), '12w', 'en');
    const empty = { ...chart, fill: { ...chart.fill, events: [] } };
    expect(texts(renderer.svg(empty))).toContain('No event in the next 14 days');
  });

  it('rasterizes to a valid PNG of the expected size', async () => {
    const chart = await h.core.services.reports.chart(await campaign(), '12w', 'fr');
    expect(pngSize(await renderer.png(chart))).toEqual(CHART_SIZE);
  });
});
