import { fileURLToPath } from 'node:url';

/**
 * The font is shipped in the repository and loaded explicitly (system fonts are ignored), so the
 * chart's text renders the same on a bare server with no fonts installed. DejaVu Sans covers
 * Latin and Cyrillic.
 */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_FAMILY = 'DejaVu Sans';

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

/**
 * The image is drawn 960 px wide: a phone shows a chat photo about 480 px wide, so every text of
 * the chart is at least {@link CHART_MIN_FONT_PX} px there (24 px drawn, halved).
 */
export const CHART_WIDTH = 960;
/** The smallest font size drawn; ×480/960 it is 12 px in a phone-width chat. */
export const CHART_MIN_FONT_PX = 24;
const TITLE_FONT_PX = 32;
const PANEL_TITLE_FONT_PX = 28;
const PAD = { left: 150, right: 28, top: 76, bottom: 60 };
const PANEL_HEIGHT = 300;
const PANEL_TITLE_SPACE = 68;
const COLORS = ['#2a9d5c', '#e4572e', '#2e86ab'];

/** One panel of the chart: its own title and y axis, one bar per day. */
export interface ChartPanel {
  /** E.g. "Выручка: 45 000 ₽" — the bot formats it in the reader's language. */
  title: string;
  values: readonly number[];
  /** A y-axis tick as text (money in a compact form); plain numbers by default. */
  formatTick?: (value: number) => string;
}

export interface DailyChart {
  title: string;
  /** One label per day under the x axis (e.g. `23.11`); only some are drawn. */
  labels: readonly string[];
  panels: readonly ChartPanel[];
}

/** A "nice" upper bound of the y axis and its step: 1, 2 or 5 × 10^k, at most ~6 ticks. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 5, step: 1 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
}

/** Fewer, larger ticks for a short panel: about three lines (1, 2 or 5 × 10^k). */
function panelScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 3;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * The days to draw: from the first day with any activity, but never fewer than `minDays`
 * (so a new install does not draw a month of zeros, and one busy day is not one huge bar).
 * Undefined when no day has any activity (the bot says so in words instead of an empty chart).
 */
export function activeSpan<T>(
  points: readonly T[],
  hasActivity: (p: T) => boolean,
  minDays: number,
): T[] | undefined {
  const first = points.findIndex(hasActivity);
  if (first < 0) return undefined;
  return points.slice(Math.max(0, Math.min(first, points.length - minDays)));
}

/** The chart's height for `panels` panels. */
export const chartHeight = (panels: number): number =>
  PAD.top + panels * (PANEL_TITLE_SPACE + PANEL_HEIGHT) + PAD.bottom;

/**
 * The SVG of a daily chart: a title, then one panel per series stacked (revenue, orders, new
 * customers — each on its own axis, since roubles and counts do not share a scale), one bar per
 * day, and the dates under the last panel, every few days.
 */
export function dailyChartSvg(chart: DailyChart): string {
  const width = CHART_WIDTH;
  const height = chartHeight(chart.panels.length);
  const plotW = width - PAD.left - PAD.right;
  const n = Math.max(1, chart.labels.length);
  const slot = plotW / n;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const barW = Math.max(2, slot * 0.7);
  // About six date labels fit at this font size; the last day is always labelled.
  const every = Math.max(1, Math.ceil(n / 6));
  const labelled = (i: number) => (n - 1 - i) % every === 0;
  const parts: string[] = [];
  const text = (attrs: string, size: number, content: string, fill = '#333') =>
    `<text ${attrs} font-size="${size}" fill="${fill}">${escapeXml(content)}</text>`;

  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(text(`x="${width / 2}" y="46" text-anchor="middle"`, TITLE_FONT_PX, chart.title, '#111'));

  chart.panels.forEach((panel, index) => {
    const top0 = PAD.top + index * (PANEL_TITLE_SPACE + PANEL_HEIGHT);
    const plotTop = top0 + PANEL_TITLE_SPACE;
    const plotBottom = plotTop + PANEL_HEIGHT;
    const color = COLORS[index % COLORS.length];
    const max = Math.max(0, ...panel.values);
    const { top, step } = panelScale(max);
    const y = (v: number) => plotBottom - (v / top) * PANEL_HEIGHT;
    const format = panel.formatTick ?? ((v: number) => String(v));
    parts.push(
      `<rect x="${PAD.left}" y="${top0 + 26}" width="22" height="22" fill="${color}"/>`,
      text(`x="${PAD.left + 32}" y="${top0 + 46}"`, PANEL_TITLE_FONT_PX, panel.title, '#111'),
    );
    for (let v = 0; v <= top; v += step) {
      const yy = y(v).toFixed(1);
      parts.push(
        `<line x1="${PAD.left}" y1="${yy}" x2="${width - PAD.right}" y2="${yy}" stroke="#e3e3e3" stroke-width="1.5"/>`,
        text(
          `x="${PAD.left - 12}" y="${(y(v) + 8).toFixed(1)}" text-anchor="end"`,
          CHART_MIN_FONT_PX,
          format(v),
          '#444',
        ),
      );
    }
    panel.values.forEach((value, i) => {
      if (labelled(i)) {
        parts.push(
          `<line x1="${x(i).toFixed(1)}" y1="${plotTop}" x2="${x(i).toFixed(1)}" y2="${plotBottom}" stroke="#f0f0f0" stroke-width="1.5"/>`,
        );
      }
      if (value <= 0) return;
      parts.push(
        `<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${y(value).toFixed(1)}" width="${barW.toFixed(1)}" height="${(plotBottom - y(value)).toFixed(1)}" fill="${color}"/>`,
      );
    });
    parts.push(
      `<line x1="${PAD.left}" y1="${plotBottom}" x2="${width - PAD.right}" y2="${plotBottom}" stroke="#888" stroke-width="2"/>`,
    );
  });

  const axisY = height - PAD.bottom + 34;
  chart.labels.forEach((label, i) => {
    if (labelled(i))
      parts.push(
        text(`x="${x(i).toFixed(1)}" y="${axisY}" text-anchor="middle"`, CHART_MIN_FONT_PX, label, '#444'),
      );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>`;
}

/**
 * Renders the daily chart to PNG bytes with resvg (no browser, no system fonts). The native renderer
 * is loaded on the first chart, not at start: about 5 MB of resident memory that only the owner's
 * statistics screen needs.
 */
export async function renderDailyChart(chart: DailyChart): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(dailyChartSvg(chart), {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return Buffer.from(resvg.render().asPng());
}
