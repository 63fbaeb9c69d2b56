/**
 * The sole owner of Chart.js: registers the parts the app uses and provides a Svelte action that draws a config on a
 * canvas and redraws it when the config changes.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
);

export type ChartConfig = ChartConfiguration<
  'bar' | 'line' | 'radar',
  (number | null)[] | { x: number; y: number }[],
  string
>;

export function chart(canvas: HTMLCanvasElement, config: ChartConfig) {
  let instance = new Chart(canvas, config as ChartConfiguration);
  return {
    update(next: ChartConfig) {
      instance.destroy();
      instance = new Chart(canvas, next as ChartConfiguration);
    },
    destroy() {
      instance.destroy();
    },
  };
}
