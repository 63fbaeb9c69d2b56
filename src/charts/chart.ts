/**
 * The sole owner of Chart.js: loads it with the first chart (a chunk of its own, not part of the app's first load),
 * registers the parts the app uses and provides a Svelte action that draws a config on a canvas and redraws it when
 * the config changes.
 */
import type { Chart as ChartJs, ChartConfiguration } from 'chart.js';

export type ChartConfig = ChartConfiguration<
  'bar' | 'line' | 'radar',
  (number | null)[] | { x: number; y: number }[],
  string
>;

type ChartClass = typeof ChartJs;
let loaded: ChartClass | null = null;
let loading: Promise<ChartClass> | null = null;

/** Loads and registers Chart.js once; a view with charts may call it early so that its first chart draws at once. */
export function loadCharts(): Promise<ChartClass> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController,
      m.BarElement,
      m.CategoryScale,
      m.Filler,
      m.Legend,
      m.LinearScale,
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.RadarController,
      m.RadialLinearScale,
      m.Tooltip,
    );
    loaded = m.Chart;
    return m.Chart;
  });
  // A failed load (the app was updated meanwhile, the tab went offline) may be tried again by the next chart.
  loading.catch(() => (loading = null));
  return loading;
}

export function chart(canvas: HTMLCanvasElement, config: ChartConfig) {
  let current = config;
  let instance: ChartJs | null = null;
  let destroyed = false;
  const draw = (Chart: ChartClass) => {
    instance?.destroy();
    instance = new Chart(canvas, current as ChartConfiguration);
  };
  if (loaded) draw(loaded);
  else
    loadCharts().then(
      (Chart) => {
        if (!destroyed && !instance) draw(Chart);
      },
      () => {
        // Without Chart.js the card still offers its table and CSV.
      },
    );
  return {
    update(next: ChartConfig) {
      current = next;
      if (loaded) draw(loaded);
    },
    destroy() {
      destroyed = true;
      instance?.destroy();
      instance = null;
    },
  };
}
