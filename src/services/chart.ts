import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

/**
 * The font is shipped in the repository and loaded explicitly (system fonts are ignored), so the
 * chart's text renders the same on a bare server with no fonts installed. DejaVu Sans covers
 * Latin and Cyrillic.
 */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_FAMILY = 'DejaVu Sans';

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

export interface ChartSeriesPoint {
  /** Label under the x axis (e.g. `23.11`). */
  label: string;
  orders: number;
  users: number;
}

export interface ChartTexts {
  title: string;
  orders: string;
  users: string;
}

const WIDTH = 1000;
const HEIGHT = 520;
const PAD = { left: 64, right: 24, top: 70, bottom: 70 };
const ORDERS_COLOR = '#e4572e';
const USERS_COLOR = '#2e86ab';

/** A "nice" upper bound of the y axis and its step: 1, 2 or 5 × 10^k, at most ~6 ticks. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 5, step: 1 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const wholeStep = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
}

/**
 * The SVG of a daily chart: orders as bars, new users as a line with dots, y axis with ticks,
 * x axis labelled every few days, a title and a legend.
 */
export function dailyChartSvg(points: readonly ChartSeriesPoint[], texts: ChartTexts): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(0, ...points.map((p) => Math.max(p.orders, p.users)));
  const { top, step } = niceScale(max);
  const n = Math.max(1, points.length);
  const slot = plotW / n;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const parts: string[] = [];

  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${WIDTH / 2}" y="34" font-size="22" text-anchor="middle" fill="#222">${escapeXml(texts.title)}</text>`,
  );
  for (let v = 0; v <= top; v += step) {
    const yy = y(v).toFixed(1);
    parts.push(
      `<line x1="${PAD.left}" y1="${yy}" x2="${WIDTH - PAD.right}" y2="${yy}" stroke="#e3e3e3" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${PAD.left - 8}" y="${(y(v) + 5).toFixed(1)}" font-size="14" text-anchor="end" fill="#444">${v}</text>`,
    );
  }
  const barW = Math.max(2, slot * 0.6);
  points.forEach((p, i) => {
    if (p.orders > 0) {
      const h = plotH - (y(p.orders) - PAD.top);
      parts.push(
        `<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${y(p.orders).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${ORDERS_COLOR}" opacity="0.85"/>`,
      );
    }
  });
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.users).toFixed(1)}`).join(' ');
  if (points.length > 0) {
    parts.push(`<polyline points="${line}" fill="none" stroke="${USERS_COLOR}" stroke-width="3"/>`);
    points.forEach((p, i) => {
      parts.push(
        `<circle cx="${x(i).toFixed(1)}" cy="${y(p.users).toFixed(1)}" r="4" fill="${USERS_COLOR}"/>`,
      );
    });
  }
  const every = Math.max(1, Math.ceil(n / 10));
  points.forEach((p, i) => {
    if ((n - 1 - i) % every !== 0) return;
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${HEIGHT - PAD.bottom + 22}" font-size="14" text-anchor="middle" fill="#444">${escapeXml(p.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#888" stroke-width="1.5"/>`,
  );
  parts.push(
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="#888" stroke-width="1.5"/>`,
  );
  const legendY = HEIGHT - 18;
  parts.push(
    `<rect x="${PAD.left}" y="${legendY - 13}" width="16" height="16" fill="${ORDERS_COLOR}"/>`,
    `<text x="${PAD.left + 24}" y="${legendY}" font-size="16" fill="#222">${escapeXml(texts.orders)}</text>`,
    `<line x1="${PAD.left + 260}" y1="${legendY - 5}" x2="${PAD.left + 290}" y2="${legendY - 5}" stroke="${USERS_COLOR}" stroke-width="3"/>`,
    `<circle cx="${PAD.left + 275}" cy="${legendY - 5}" r="4" fill="${USERS_COLOR}"/>`,
    `<text x="${PAD.left + 300}" y="${legendY}" font-size="16" fill="#222">${escapeXml(texts.users)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>`;
}

/** Renders the daily chart to PNG bytes with resvg (no browser, no system fonts). */
export function renderDailyChart(points: readonly ChartSeriesPoint[], texts: ChartTexts): Buffer {
  const resvg = new Resvg(dailyChartSvg(points, texts), {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return Buffer.from(resvg.render().asPng());
}
