/** Pure builders of Chart.js configs (testable in Node). Colours meet contrast on white; labels are passed in. */
import type { ChartConfig } from './chart';

export const COLORS = { primary: '#1d4e89', accent: '#c2571a', muted: '#8c959f', grid: '#e6e8eb' };

export interface TrendSeries {
  labels: string[];
  revenue: (number | null)[];
  active: number[];
  revenueLabel: string;
  activeLabel: string;
  format: (n: number) => string;
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: {
          beginAtZero: true,
          grid: { color: COLORS.grid },
          ticks: { callback: (v) => (hasRevenue ? s.format(Number(v)) : String(v)) },
        },
        ...(hasRevenue
          ? { y1: { position: 'right' as const, beginAtZero: true, grid: { drawOnChartArea: false } } }
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: { type: 'linear', min: 0, max: 100, ticks: { callback: (v) => `${v} %` } },
        y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } },
      },
    },
  } as ChartConfig;
}

const CURVE_COLORS = ['#1d4e89', '#c2571a', '#2f7d4a', '#7b3fa0', '#a01d4e', '#4e6b1d', '#1d7f89', '#895f1d'];

/** Cumulative revenue per customer by period, one line per cohort. */
export function cohortCurvesConfig(
  cohorts: { label: string; values: (number | null)[] }[],
  format: (n: number) => string,
): ChartConfig {
  const periods = cohorts.reduce((m, c) => Math.max(m, c.values.length), 0);
  return {
    type: 'line',
    data: {
      labels: Array.from({ length: periods }, (_, k) => String(k)),
      datasets: cohorts.map((c, i) => ({
        label: c.label,
        data: c.values,
        borderColor: CURVE_COLORS[i % CURVE_COLORS.length],
        backgroundColor: CURVE_COLORS[i % CURVE_COLORS.length],
        // After the eighth cohort the colours repeat: dashes tell the two rounds apart.
        borderDash: i >= CURVE_COLORS.length ? [6, 4] : [],
        pointRadius: 0,
        spanGaps: false,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => format(Number(v)) } } },
    },
  } as ChartConfig;
}

/** One bar per segment value. */
export function barsConfig(
  labels: string[],
  values: (number | null)[],
  label: string,
  format: (n: number) => string,
): ChartConfig {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: COLORS.primary }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { callback: (v) => format(Number(v)) } } },
    },
  } as ChartConfig;
}

/** Vertical bars: a histogram or a per-bucket comparison; two series are drawn side by side. */
export function columnsConfig(
  labels: string[],
  series: { label: string; values: (number | null)[] }[],
  format: (n: number) => string = String,
): ChartConfig {
  const colors = [COLORS.primary, COLORS.accent];
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colors[i % 2] })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: series.length > 1 } },
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => format(Number(v)) } } },
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true }, x: { ticks: { maxTicksLimit: 12 } } },
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, backdropColor: 'transparent' } } },
    },
  } as ChartConfig;
}
