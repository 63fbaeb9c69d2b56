/** Pure builders of the Economics view's Chart.js configs (testable in Node); labels and formats are passed in. */
import type { ChartConfig } from './chart';
import { axisTitle, BASE_OPTIONS, COLORS, valueAxis, type AxisTitles } from './configs';

/** Distinct colours for several series (contrast on white), the blended series in the primary colour. */
export const SERIES_COLORS = ['#c2571a', '#2e7d32', '#6a3d9a', '#00838f', '#ad1457', '#5d4037', '#455a64'];

/**
 * One column per channel, with an optional dashed horizontal target line (e.g. the target LTV:CAC) drawn as a
 * line series of the same value at every channel.
 */
export function channelColumnsConfig(
  labels: string[],
  values: (number | null)[],
  label: string,
  format: (n: number) => string,
  axes: AxisTitles = {},
  target?: { value: number; label: string },
): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar' as const,
          label,
          data: values,
          backgroundColor: COLORS.primary,
          pointStyle: 'rect' as const,
          order: 2,
        },
        ...(target
          ? [
              {
                type: 'line' as const,
                label: target.label,
                data: labels.map(() => target.value),
                borderColor: COLORS.accent,
                backgroundColor: COLORS.accent,
                borderDash: [6, 4],
                borderWidth: 2,
                pointRadius: 0,
                pointStyle: 'line' as const,
                order: 1,
              },
            ]
          : []),
      ],
    },
    options: {
      ...BASE_OPTIONS,
      // The legend draws the target as a line, the bars as boxes.
      plugins: { legend: { display: !!target, labels: { usePointStyle: true } } },
      scales: {
        x: { title: axisTitle(axes.x) },
        y: valueAxis(format, axes.y),
      },
    },
  } as ChartConfig;
}

/** The CAC per period: one line per channel and the blended CAC as a thicker line; gaps where a CAC is undefined. */
export function cacPeriodsConfig(
  labels: string[],
  series: { label: string; values: (number | null)[] }[],
  blended: { label: string; values: (number | null)[] },
  format: (n: number) => string,
  axes: AxisTitles = {},
): ChartConfig {
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        ...series.map((s, i) => ({
          label: s.label,
          data: s.values,
          borderColor: SERIES_COLORS[i % SERIES_COLORS.length],
          backgroundColor: SERIES_COLORS[i % SERIES_COLORS.length],
          pointRadius: 2,
          borderWidth: 1.5,
          spanGaps: false,
        })),
        {
          label: blended.label,
          data: blended.values,
          borderColor: COLORS.primary,
          backgroundColor: COLORS.primary,
          borderWidth: 3,
          pointRadius: 2,
          spanGaps: false,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: axisTitle(axes.x) },
        y: valueAxis(format, axes.y),
      },
    },
  } as ChartConfig;
}
