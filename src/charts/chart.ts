/**
 * The sole owner of Chart.js: loads it with the first chart (a chunk of its own, not part of the app's first load),
 * registers the parts the app uses and provides a Svelte action that draws a config on a canvas and redraws it when
 * the config changes. Charts draw one per task, after the task that rendered them: a view with several charts and a
 * big table never blocks the main thread in one long task (the first chart of a session alone takes 30–45 ms).
 */
import type { Chart as ChartJs, ChartConfiguration } from 'chart.js';

export type ChartConfig = ChartConfiguration<
  'bar' | 'line' | 'radar',
  (number | null)[] | { x: number; y: number }[],
  string
>;

type ChartClass = typeof ChartJs;
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
    return m.Chart;
  });
  // A failed load (the app was updated meanwhile, the tab went offline) may be tried again by the next chart.
  loading.catch(() => (loading = null));
  return loading;
}

/** Draw jobs, one per task, in the order the charts asked. */
const queue: (() => void)[] = [];
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
function next() {
  const job = queue.shift();
  if (queue.length > 0) post();
  job?.();
}
function post() {
  if (channel) channel.port2.postMessage(null);
  else setTimeout(next, 0);
}
if (channel) channel.port1.onmessage = next;
function enqueue(job: () => void) {
  queue.push(job);
  if (queue.length === 1) post();
}

export function chart(canvas: HTMLCanvasElement, config: ChartConfig) {
  let current = config;
  let instance: ChartJs | null = null;
  let destroyed = false;
  let queued = false;
  /** Draws the newest config in a task of its own (one job per chart however often it changes meanwhile). */
  const request = (Chart: ChartClass) => {
    if (queued) return;
    queued = true;
    enqueue(() => {
      queued = false;
      if (destroyed) return;
      instance?.destroy();
      instance = new Chart(canvas, current as ChartConfiguration);
    });
  };
  const redraw = () =>
    loadCharts().then(
      (Chart) => {
        if (!destroyed) request(Chart);
      },
      () => {
        // Without Chart.js the card still offers its table and CSV.
      },
    );
  void redraw();
  return {
    update(next: ChartConfig) {
      current = next;
      void redraw();
    },
    destroy() {
      destroyed = true;
      instance?.destroy();
      instance = null;
    },
  };
}
