import type { ChartRenderer, StatsChart } from '../core/reports/chart.types.ts';

/**
 * The chart renderer loaded on the first drawing: ECharts and the WebAssembly rasterizer weigh
 * about 20 MB in memory, which a process that never draws (a bot in its own process, the
 * dispatcher) does not carry.
 */
export class LazyChartRenderer implements ChartRenderer {
  private renderer: Promise<ChartRenderer> | undefined;

  png(chart: StatsChart): Promise<Uint8Array> {
    this.renderer ??= import('./echarts-chart-renderer.ts').then(
      (module) => new module.EChartsChartRenderer(),
    );
    return this.renderer.then((renderer) => renderer.png(chart));
  }
}
