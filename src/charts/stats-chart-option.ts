import type { EChartsOption } from 'echarts';
import type { StatsChart } from '../core/reports/chart.types.ts';

/** A light, high-contrast palette: readable on a phone in daylight. */
const COLORS = {
  text: '#1f2937',
  muted: '#4b5563',
  line: '#2563eb',
  bars: '#f59e0b',
  yes: '#16a34a',
  maybe: '#facc15',
  waitlist: '#dc2626',
  capacity: '#111827',
  attendance: '#7c3aed',
  grid: '#e5e7eb',
} as const;

/** Where the three panels sit, in pixels of the 1200 x 800 picture. */
const PANELS = {
  growth: { left: 70, right: 90, top: 140, height: 240 },
  fill: { left: 300, width: 300, top: 500, height: 250 },
  attendance: { left: 700, right: 60, top: 500, height: 250 },
} as const;

/**
 * The ECharts option of the `/stats` picture: growth over the window on top (cumulative
 * supporters as a line, tasks done as bars), then the fill of the coming events (stacked bars
 * against a capacity mark) and the attendance rate per week or month. Every text comes from the
 * chart description, already in the campaign's language.
 */
export function statsChartOption(chart: StatsChart, fontFamily: string): EChartsOption {
  const number = new Intl.NumberFormat(chart.locale);
  const percent = new Intl.NumberFormat(chart.locale, { style: 'percent' });
  const { growth, fill, attendance } = chart;
  const events = [...fill.events].reverse();
  const axisLabel = { color: COLORS.muted, fontSize: 14, fontFamily };
  const countLabel = { ...axisLabel, formatter: (value: number) => number.format(value) };
  const splitLine = { lineStyle: { color: COLORS.grid } };
  // Up to 12 labels all fit; the 30 days of `30d` are thinned out by ECharts.
  const every = (labels: readonly string[]) => ({
    ...axisLabel,
    interval: labels.length <= 12 ? 0 : ('auto' as const),
  });
  const panelTitle = (text: string, left: number, top: number) => ({
    text,
    left,
    top,
    textStyle: { fontSize: 18, fontWeight: 'bold' as const, color: COLORS.text, fontFamily },
  });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily, color: COLORS.text },
    title: [
      {
        text: chart.title,
        subtext: chart.subtitle,
        left: 30,
        top: 16,
        textStyle: { fontSize: 26, fontWeight: 'bold', color: COLORS.text, fontFamily },
        subtextStyle: { fontSize: 16, color: COLORS.muted, fontFamily },
      },
      panelTitle(growth.title, 30, 92),
      panelTitle(fill.title, 30, 440),
      panelTitle(attendance.title, 640, 440),
    ],
    legend: [
      {
        data: [growth.supportersName, growth.tasksDoneName],
        right: 40,
        top: 60,
        itemGap: 40,
        textStyle: { fontSize: 14, fontFamily },
      },
      {
        data: [fill.yesName, fill.maybeName, fill.waitlistName, fill.capacityName],
        left: 30,
        top: 468,
        itemGap: 14,
        textStyle: { fontSize: 13, fontFamily },
      },
    ],
    grid: [PANELS.growth, PANELS.fill, PANELS.attendance].map((panel) => ({
      ...panel,
      // The panels are placed by hand: no automatic growth or shrinking around the labels.
      outerBoundsMode: 'none',
    })),
    xAxis: [
      { type: 'category', gridIndex: 0, data: growth.labels, axisLabel: every(growth.labels) },
      { type: 'value', gridIndex: 1, minInterval: 1, axisLabel: countLabel, splitLine },
      {
        type: 'category',
        gridIndex: 2,
        data: attendance.labels,
        axisLabel: every(attendance.labels),
      },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, axisLabel: countLabel, splitLine },
      {
        type: 'value',
        gridIndex: 0,
        minInterval: 1,
        position: 'right',
        axisLabel: countLabel,
        splitLine: { show: false },
      },
      {
        type: 'category',
        gridIndex: 1,
        data: events.map((event) => event.label),
        axisLabel: { ...axisLabel, fontSize: 13, width: 270, overflow: 'truncate' },
      },
      {
        type: 'value',
        gridIndex: 2,
        min: 0,
        max: 100,
        axisLabel: { ...axisLabel, formatter: (value: number) => percent.format(value / 100) },
        splitLine,
      },
    ],
    series: [
      {
        name: growth.supportersName,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: growth.supporters,
        color: COLORS.line,
        lineStyle: { width: 4 },
        symbolSize: 8,
        label: {
          show: true,
          position: 'top',
          fontSize: 13,
          fontFamily,
          color: COLORS.line,
          formatter: ({ dataIndex, value }) =>
            dataIndex === growth.supporters.length - 1 ? number.format(Number(value)) : '',
        },
      },
      {
        name: growth.tasksDoneName,
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 1,
        data: growth.tasksDone,
        color: COLORS.bars,
        barMaxWidth: 28,
      },
      ...(['yes', 'maybe', 'waitlist'] as const).map((answer) => ({
        name: fill[`${answer}Name`],
        type: 'bar' as const,
        stack: 'answers',
        xAxisIndex: 1,
        yAxisIndex: 2,
        data: events.map((event) => event[answer]),
        color: COLORS[answer],
        barMaxWidth: 22,
      })),
      {
        name: fill.capacityName,
        type: 'scatter',
        xAxisIndex: 1,
        yAxisIndex: 2,
        symbol: 'rect',
        symbolSize: [4, 26],
        color: COLORS.capacity,
        data: events.map((event) => event.capacity ?? '-'),
      },
      {
        name: 'attendance',
        type: 'bar',
        xAxisIndex: 2,
        yAxisIndex: 3,
        data: attendance.rates.map((rate) => rate ?? '-'),
        color: COLORS.attendance,
        barMaxWidth: 36,
        label: {
          show: true,
          position: 'top',
          fontSize: 13,
          fontFamily,
          color: COLORS.text,
          formatter: ({ dataIndex }) => attendance.shown[dataIndex] ?? '',
        },
      },
    ],
    graphic:
      events.length === 0
        ? [
            {
              type: 'text',
              left: PANELS.fill.left - 200,
              top: PANELS.fill.top + PANELS.fill.height / 2,
              style: { text: fill.empty, fontSize: 16, fill: COLORS.muted, fontFamily },
            },
          ]
        : [],
  } as EChartsOption;
}
