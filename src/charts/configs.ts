/** Pure builders of Chart.js configs (testable in Node). Colours meet contrast on white; labels are passed in. */
import type { ChartConfig } from './chart';

export const COLORS = { primary: '#1d4e89', accent: '#c2571a', muted: '#8c959f', grid: '#e6e8eb' };

export type ChartLocale = 'de' | 'en';
const TAG: Record<ChartLocale, string> = { de: 'de-DE', en: 'en-GB' };

/** A month `YYYY-MM` as the UI's locale writes it short: "Jan. 2025" (German), "Jan 2025" (English); other keys as is. */
export function monthLabel(month: string, locale: ChartLocale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat(TAG[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

/** The currency's sign as the locale writes amounts ("€", "£", "CHF"): one notation with the Intl amounts. */
export function currencySymbol(currency: string, locale: ChartLocale): string {
  try {
    const parts = new Intl.NumberFormat(TAG[locale], { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** Axis titles (with their unit, e.g. "Umsatz (€)"); an axis without one shows none. */
export interface AxisTitles {
  x?: string;
  y?: string;
  y1?: string;
}
/** An axis title; an axis without one shows none. */
export const axisTitle = (text: string | undefined) => ({ display: !!text, text: text ?? '' });

/** The options every chart of the app shares: fills its box, drawn at once (no animation). */
export const BASE_OPTIONS = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** A value axis from zero whose ticks are written with `format` (money, counts, ratios). */
export function valueAxis(format: (n: number) => string, text: string | undefined) {
  return {
    beginAtZero: true,
    ticks: { callback: (v: string | number) => format(Number(v)) },
    title: axisTitle(text),
  };
}

/** The number of periods up to the last one with a value in any series (the axis ends there, not at 35). */
export function periodsShown(series: readonly (readonly (number | null)[])[]): number {
  let n = 0;
  for (const values of series)
    for (let k = values.length - 1; k >= n; k--)
      if (values[k] !== null && values[k] !== undefined) {
        n = k + 1;
        break;
      }
  return n;
}

export interface TrendSeries {
  labels: string[];
  revenue: (number | null)[];
  active: number[];
  revenueLabel: string;
  activeLabel: string;
  format: (n: number) => string;
  axes?: AxisTitles;
}

/** Revenue per month as bars (left axis), active customers as a line (right axis). */
export function trendConfig(s: TrendSeries): ChartConfig {
  const hasRevenue = s.revenue.some((v) => v !== null);
  return {
    type: 'bar',
    data: {
      labels: s.labels,
      datasets: [
        ...(hasRevenue
          ? [
              {
                type: 'bar' as const,
                label: s.revenueLabel,
                data: s.revenue,
                backgroundColor: COLORS.primary,
                yAxisID: 'y',
              },
            ]
          : []),
        {
          type: 'line' as const,
          label: s.activeLabel,
          data: s.active,
          borderColor: COLORS.accent,
          backgroundColor: COLORS.accent,
          yAxisID: hasRevenue ? 'y1' : 'y',
          tension: 0.2,
          pointRadius: 2,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: axisTitle(s.axes?.x) },
        y: {
          beginAtZero: true,
          grid: { color: COLORS.grid },
          ticks: { callback: (v) => (hasRevenue ? s.format(Number(v)) : String(v)) },
          title: axisTitle(hasRevenue ? s.axes?.y : s.axes?.y1),
        },
        ...(hasRevenue
          ? {
              y1: {
                position: 'right' as const,
                beginAtZero: true,
                grid: { drawOnChartArea: false },
                title: axisTitle(s.axes?.y1),
              },
            }
          : {}),
      },
    },
  } as ChartConfig;
}

/** The Lorenz curve against the line of equality; both axes 0–100 %. */
export function lorenzConfig(
  points: { x: number; y: number }[],
  curveLabel: string,
  equalityLabel: string,
  axes: AxisTitles = {},
): ChartConfig {
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: curveLabel,
          data: points.map((p) => ({ x: p.x * 100, y: p.y * 100 })),
          borderColor: COLORS.primary,
          backgroundColor: 'rgba(29, 78, 137, 0.12)',
          fill: 'origin',
          pointRadius: 0,
        },
        {
          label: equalityLabel,
          data: [
            { x: 0, y: 0 },
            { x: 100, y: 100 },
          ],
          borderColor: COLORS.muted,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 100,
          ticks: { callback: (v) => `${v} %` },
          title: axisTitle(axes.x),
        },
        y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` }, title: axisTitle(axes.y) },
      },
    },
  } as ChartConfig;
}

const CURVE_COLORS = ['#1d4e89', '#c2571a', '#2f7d4a', '#7b3fa0', '#a01d4e', '#4e6b1d', '#1d7f89', '#895f1d'];

/**
 * Cumulative revenue per customer by period, one line per cohort. The x axis runs to the last period with a value
 * in the cohorts shown (12 recent cohorts: at most 12 periods), not to the oldest cohort's length.
 */
export function cohortCurvesConfig(
  cohorts: { label: string; values: (number | null)[] }[],
  format: (n: number) => string,
  axes: AxisTitles = {},
): ChartConfig {
  const periods = periodsShown(cohorts.map((c) => c.values));
  return {
    type: 'line',
    data: {
      labels: Array.from({ length: periods }, (_, k) => String(k)),
      datasets: cohorts.map((c, i) => ({
        label: c.label,
        data: c.values.slice(0, periods),
        borderColor: CURVE_COLORS[i % CURVE_COLORS.length],
        backgroundColor: CURVE_COLORS[i % CURVE_COLORS.length],
        // After the eighth cohort the colours repeat: dashes tell the two rounds apart.
        borderDash: i >= CURVE_COLORS.length ? [6, 4] : [],
        pointRadius: 0,
        spanGaps: false,
      })),
    },
    options: {
      ...BASE_OPTIONS,
      scales: {
        x: { title: axisTitle(axes.x) },
        y: valueAxis(format, axes.y),
      },
    },
  } as ChartConfig;
}

/** One bar per segment value. */
export function barsConfig(
  labels: string[],
  values: (number | null)[],
  label: string,
  format: (n: number) => string,
  axes: AxisTitles = {},
): ChartConfig {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: COLORS.primary }] },
    options: {
      ...BASE_OPTIONS,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: valueAxis(format, axes.x),
        y: { title: axisTitle(axes.y) },
      },
    },
  } as ChartConfig;
}

/** Vertical bars: a histogram or a per-bucket comparison; two series are drawn side by side. */
export function columnsConfig(
  labels: string[],
  series: { label: string; values: (number | null)[] }[],
  format: (n: number) => string = String,
  axes: AxisTitles = {},
): ChartConfig {
  const colors = [COLORS.primary, COLORS.accent];
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colors[i % 2] })),
    },
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { display: series.length > 1 } },
      scales: {
        x: { title: axisTitle(axes.x) },
        y: valueAxis(format, axes.y),
      },
    },
  } as ChartConfig;
}

/**
 * Actual (solid) against predicted (dashed) over time, with a vertical rule at `markerIndex` (the calibration end)
 * drawn by a small inline plugin.
 */
export function trackingConfig(
  labels: string[],
  actual: number[],
  predicted: number[],
  names: { actual: string; predicted: string; marker: string },
  markerIndex: number,
  axes: AxisTitles = {},
): ChartConfig {
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: names.actual,
          data: actual,
          borderColor: COLORS.primary,
          backgroundColor: COLORS.primary,
          pointRadius: 0,
        },
        {
          label: names.predicted,
          data: predicted,
          borderColor: COLORS.accent,
          backgroundColor: COLORS.accent,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, title: axisTitle(axes.y) },
        x: { ticks: { maxTicksLimit: 12 }, title: axisTitle(axes.x) },
      },
    },
    plugins: [
      {
        id: 'calibrationEnd',
        afterDatasetsDraw(chart) {
          const x = chart.scales.x?.getPixelForValue(markerIndex);
          if (x === undefined || !Number.isFinite(x)) return;
          const { top, bottom } = chart.chartArea;
          const ctx = chart.ctx;
          ctx.save();
          ctx.strokeStyle = COLORS.muted;
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, bottom);
          ctx.stroke();
          ctx.fillStyle = '#57606a';
          ctx.font = '11px sans-serif';
          ctx.fillText(names.marker, x + 4, top + 12);
          ctx.restore();
        },
      },
    ],
  } as ChartConfig;
}

/** A radar of scores 0–100, one axis per label (the self-check levels). Missing scores are drawn at 0. */
export function radarConfig(labels: string[], scores: (number | null)[], label: string): ChartConfig {
  return {
    type: 'radar',
    data: {
      labels,
      datasets: [
        {
          label,
          data: scores.map((s) => s ?? 0),
          borderColor: COLORS.primary,
          backgroundColor: 'rgba(29, 78, 137, 0.18)',
          pointBackgroundColor: COLORS.primary,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      plugins: { legend: { display: false } },
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, backdropColor: 'transparent' } } },
    },
  } as ChartConfig;
}
