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
