import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_SIZE, type ChartRenderer, type StatsChart } from '../core/reports/chart.types.ts';
import { statsChartOption } from './stats-chart-option.ts';

/** The font shipped with the project, so the picture's text looks the same on every machine. */
export const CHART_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) =>
  fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url)),
);
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/**
 * Draws the `/stats` picture with Apache ECharts' server-side SVG renderer (no browser, no
 * canvas), then rasterizes the SVG to PNG with resvg, which reads only the shipped font: no
 * system library or system font is involved. Each drawing builds and disposes its own chart, so
 * nothing is kept between drawings.
 */
export class EChartsChartRenderer implements ChartRenderer {
  /** The picture as SVG text: what the PNG shows, readable by tests. */
  svg(chart: StatsChart): string {
    const instance = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: CHART_SIZE.width,
      height: CHART_SIZE.height,
      locale: chart.locale === 'fr' ? 'FR' : 'EN',
    });
    try {
      instance.setOption(statsChartOption(chart, CHART_FONT_FAMILY));
      return instance.renderToSVGString();
    } finally {
      instance.dispose();
    }
  }

  async png(chart: StatsChart): Promise<Uint8Array> {
    return rasterize(this.svg(chart));
  }
}

/** An SVG drawn to PNG at its own size with the shipped font only. */
export function rasterize(svg: string): Uint8Array {
  const image = new Resvg(svg, {
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: CHART_FONT_FILES,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  }).render();
  return image.asPng();
}
