import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as echarts from 'echarts';
import { CHART_SIZE, type ChartRenderer, type StatsChart } from '../core/reports/chart.types.ts';
import { statsChartOption } from './stats-chart-option.ts';

/**
 * The project's `assets/fonts` folder: the nearest one above this code, which runs from `src/`
 * in development and from the compiled `dist/` in production.
 */
function fontFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'assets', 'fonts'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('The chart fonts (assets/fonts) are missing');
    folder = parent;
  }
  return join(folder, 'assets', 'fonts');
}

/** The font shipped with the project, so the picture's text looks the same on every machine. */
export const CHART_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) =>
  join(fontFolder(), name),
);
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** resvg compiled to WebAssembly, and the font bytes, loaded once per process. */
let loaded: Promise<Uint8Array[]> | undefined;

function loadRasterizer(): Promise<Uint8Array[]> {
  loaded ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
    await initWasm(await readFile(wasm));
    return Promise.all(CHART_FONT_FILES.map(async (file) => new Uint8Array(await readFile(file))));
  })();
  return loaded;
}

/**
 * Draws the `/stats` picture with Apache ECharts' server-side SVG renderer (no browser, no
 * canvas), then rasterizes the SVG to PNG with resvg compiled to WebAssembly, which reads only
 * the shipped font: no system library or system font is involved. Each drawing builds and
 * disposes its own chart and frees resvg's memory at once (the native build of resvg keeps
 * growing with each drawing), so nothing accumulates between drawings.
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
async function rasterize(svg: string): Promise<Uint8Array> {
  const fontBuffers = await loadRasterizer();
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontBuffers,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
