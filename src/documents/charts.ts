/**
 * Charts for documents, drawn by Apache ECharts (server-side SVG rendering) and turned into PNG by resvg,
 * with the font gongshu ships: Noto Sans SC (SIL Open Font License) from the @expo-google-fonts/noto-sans-sc
 * package, so a chart's Chinese looks the same on every machine, fonts installed or not. Both libraries
 * are loaded only by the documents that draw (together about 80 MB of code and font).
 */
import { createRequire } from 'node:module';

/** The font file resvg reads (resvg takes TTF/OTF, not the WOFF2 of web-font packages). */
export const CHART_FONT = { family: 'Noto Sans SC', package: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' } as const;

export function chartFontFile(): string {
  return createRequire(import.meta.url).resolve(`${CHART_FONT.package}/${CHART_FONT.file}`);
}

export interface BarChart {
  title: string;
  /** Category labels, in order. */
  labels: string[];
  values: number[];
  /** Bars drawn left to right (false: top to bottom, for long labels). */
  vertical: boolean;
  /** The value axis' name (个, 元 …). */
  unit: string;
}

export interface ChartImage {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
}

/** Colours of the official look: one dark red for every bar, black text. */
const BAR = '#B22222';

function optionOf(chart: BarChart): Record<string, unknown> {
  const categoryAxis = { type: 'category', data: chart.labels, axisLabel: { fontSize: 15, color: '#000', interval: 0, ...(chart.vertical ? {} : { width: 190, overflow: 'break' }) }, axisTick: { alignWithLabel: true } };
  const valueAxis = { type: 'value', name: chart.unit, nameTextStyle: { fontSize: 14, color: '#000' }, minInterval: 1, axisLabel: { fontSize: 14, color: '#000' }, splitLine: { lineStyle: { color: '#ddd' } } };
  return {
    animation: false,
    backgroundColor: '#fff',
    textStyle: { fontFamily: CHART_FONT.family },
    title: { text: chart.title, left: 'center', top: 6, textStyle: { fontSize: 18, fontWeight: 'normal', color: '#000', fontFamily: CHART_FONT.family } },
    grid: chart.vertical ? { left: 56, right: 24, top: 60, bottom: 40 } : { left: 200, right: 48, top: 56, bottom: 32 },
    xAxis: chart.vertical ? categoryAxis : valueAxis,
    yAxis: chart.vertical ? valueAxis : { ...categoryAxis, inverse: true },
    series: [{ type: 'bar', data: chart.values, barMaxWidth: 36, itemStyle: { color: BAR }, label: { show: true, position: chart.vertical ? 'top' : 'right', fontSize: 14, color: '#000' } }],
  };
}

/** The chart as SVG (ECharts) and PNG (resvg, `scale` times its size, for print). */
export async function drawBarChart(chart: BarChart, size: { width: number; height: number }, scale = 2): Promise<ChartImage> {
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    instance.setOption(optionOf(chart));
    svg = instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
  const png = new Resvg(svg, {
    font: { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT.family },
    fitTo: { mode: 'width', value: size.width * scale },
    background: '#ffffff',
  })
    .render()
    .asPng();
  return { png: Buffer.from(png), svg, width: size.width, height: size.height };
}
