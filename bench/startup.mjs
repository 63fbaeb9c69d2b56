// npm run bench:startup — what the built app costs at start and when a view opens, in headless Chromium.
// 1. Start (BENCH_REPEAT fresh browser contexts, default 9): the gzip bytes of the JavaScript requested before the
//    drop zone is visible and its button enabled (the page's scripts and the worker's, each file gzipped here with
//    zlib's default level), the time until then, and the longest main-thread task from the start until 2 s after.
// 2. Views (BENCH_VIEW_REPEAT fresh contexts, default 3): 1M lines with 100k customers imported (the file of
//    bench:analyze), then each view opened once from the import view in turn; the longest main-thread task from the
//    click until 1 s after the view shows its content. BENCH_VIEWS=0 skips this part.
// Writes JSON to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApp, ROOT } from '../test/e2e/harness.mjs';
import { generateRetailCsv } from './generate.mjs';

const TMP = resolve(ROOT, 'bench/tmp');
const RESULTS = resolve(ROOT, 'bench/results');
mkdirSync(RESULTS, { recursive: true });
const RUNS = Number(process.env.BENCH_REPEAT ?? 9);
const VIEW_RUNS = Number(process.env.BENCH_VIEW_REPEAT ?? 3);
const SETTLE_MS = 2000;

/** Each view, the selector that says it has drawn what it was asked, and whether that needs a wait for the worker. */
const VIEWS = [
  { id: 'overview', ready: '[data-testid=ov-tiles]' },
  { id: 'customers', ready: '[data-testid=cu-row]' },
  { id: 'cohorts', ready: '[data-testid=co-heatmap] tbody tr' },
  { id: 'segments', ready: '[data-testid=sg-table] tbody tr' },
  {
    id: 'forecast',
    ready: '[data-testid=fc-tiles], [data-testid=fc-failure]',
    idle: '[data-testid=fc-busy]',
  },
  { id: 'selfcheck', ready: '[data-testid=evidence-pareto]' },
  { id: 'economics', ready: '[data-testid=ec-figures]', idle: '[data-testid=ec-loading]' },
  { id: 'valuestream', ready: '[data-testid=vs-template], [data-testid=vs-step]' },
  { id: 'settings', ready: '[data-testid=storage-usage]' },
];

/** Records every long task of the page from its first script on. */
function observeLongTasks() {
  window.__longtasks = [];
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => window.__longtasks.push({ start: e.startTime, ms: e.duration })),
  ).observe({ type: 'longtask', buffered: true });
}

/**
 * Notes the moment the drop zone is in the page with its button enabled (performance.now() of the page). It reads
 * no layout (that would add a forced layout to the task being measured); that the zone is visible then is checked
 * afterwards.
 */
function watchDropZone() {
  const obs = new MutationObserver(() => {
    const button = document.querySelector('[data-testid=dropzone] button');
    if (window.__dropzoneAt === undefined && button && !button.disabled) {
      window.__dropzoneAt = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
}

const isJs = (req) => {
  const type = req.resourceType();
  return type === 'script' || /\.m?js(\?|$)/.test(new URL(req.url()).pathname);
};

async function measureStart(app) {
  const context = await app.browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', (r) => requests.push(r));
  await page.addInitScript(observeLongTasks);
  await page.addInitScript(watchDropZone);
  await page.goto(app.url);
  await page.waitForFunction(() => window.__dropzoneAt !== undefined, null, {
    timeout: 30_000,
    polling: 100,
  });
  await page.waitForSelector('[data-testid=dropzone] button:enabled', { state: 'visible' });
  await page.waitForTimeout(SETTLE_MS);
  const { dropzoneAt, timeOrigin, tasks } = await page.evaluate(() => ({
    dropzoneAt: window.__dropzoneAt,
    timeOrigin: performance.timeOrigin,
    tasks: window.__longtasks,
  }));
  const cutoff = timeOrigin + dropzoneAt;
  const files = [];
  for (const r of requests.filter(isJs)) {
    const started = r.timing().startTime;
    const body = await (await r.response())?.body();
    if (!body) continue;
    files.push({
      file: new URL(r.url()).pathname.split('/').pop(),
      bytes: body.length,
      gzipBytes: gzipSync(body).length,
      beforeDropZone: started <= cutoff,
      startedMs: Math.round(started - timeOrigin),
    });
  }
  await context.close();
  const before = files.filter((f) => f.beforeDropZone);
  return {
    dropZoneUsableMs: dropzoneAt,
    jsGzipBytesBeforeDropZone: before.reduce((s, f) => s + f.gzipBytes, 0),
    jsBytesBeforeDropZone: before.reduce((s, f) => s + f.bytes, 0),
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)),
    tasks,
    files,
  };
}

async function measureViews(app, csv) {
  const context = await app.browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[pageerror]', err.message));
  await page.addInitScript(observeLongTasks);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=dropzone]', { timeout: 30_000 });
  await page.setInputFiles('[data-testid=file-input]', csv);
  await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
  // The summary in the app's English format (the context's locale is en-GB): 101,669 -> 101669.
  const customers = Number(
    (await page.locator('[data-testid=sum-customers]').textContent()).replace(/[^0-9]/g, ''),
  );
  await page.click('[data-testid=summary-done]');
  const out = [];
  for (const v of VIEWS) {
    await page.waitForTimeout(500);
    await page.evaluate(() => (window.__longtasks = []));
    const t0 = Date.now();
    await page.click(`[data-testid=nav-${v.id}]`);
    await page.waitForSelector(v.ready, { timeout: 180_000 });
    if (v.idle)
      await page.waitForFunction((sel) => !document.querySelector(sel), v.idle, { timeout: 180_000 });
    const readyMs = Date.now() - t0;
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(() => window.__longtasks);
    out.push({ view: v.id, readyMs, longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)), tasks });
    await page.click('[data-testid=nav-import]');
    await page.waitForSelector('[data-testid=dropzone]');
  }
  await context.close();
  return { customers, views: out };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (n) => (n / 1000).toFixed(1);

const csv = await generateRetailCsv(resolve(TMP, 'retail-1000000-100k.csv'), 1_000_000, {
  customers: 110_000,
  seed: 7,
  missingShare: 0,
  maxLines: 6,
  skew: 1,
});
const app = await startApp();
let out;
try {
  const starts = [];
  for (let i = 0; i < RUNS; i++) starts.push(await measureStart(app));
  const first = starts[0];
  console.log('JavaScript before the drop zone is usable (gzip):');
  for (const f of first.files)
    console.log(
      `  ${f.beforeDropZone ? '*' : ' '} ${f.file.padEnd(40)} ${kB(f.gzipBytes).padStart(7)} kB gzip (${kB(f.bytes)} kB), requested at ${f.startedMs} ms`,
    );
  console.log(
    `start (${RUNS} runs): ${starts.map((s) => kB(s.jsGzipBytesBeforeDropZone)).join(', ')} kB gzip of JS before the drop zone is usable; ` +
      `usable after ${starts.map((s) => s.dropZoneUsableMs.toFixed(0)).join(', ')} ms; ` +
      `longest main-thread task ${starts.map((s) => s.longestTaskMs.toFixed(0)).join(', ')} ms (median ${median(starts.map((s) => s.longestTaskMs)).toFixed(0)})`,
  );
  const viewRuns = [];
  if (process.env.BENCH_VIEWS !== '0')
    for (let i = 0; i < VIEW_RUNS; i++) viewRuns.push(await measureViews(app, csv));
  const views = VIEWS.map(({ id }) => {
    const runs = viewRuns.map((r) => r.views.find((v) => v.view === id));
    return {
      view: id,
      longestTaskMs: runs.map((v) => v.longestTaskMs),
      readyMs: runs.map((v) => v.readyMs),
      tasks: runs.map((v) => v.tasks),
    };
  });
  if (viewRuns.length) {
    console.log(
      `opening each view with ${viewRuns[0].customers.toLocaleString('en')} customers (${VIEW_RUNS} runs):`,
    );
    for (const v of views)
      console.log(
        `  ${v.view.padEnd(12)} longest main-thread task ${v.longestTaskMs.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
          `(median ${median(v.longestTaskMs).toFixed(0)}); content after ${v.readyMs.join(', ')} ms`,
      );
  }
  out = {
    bench: 'startup',
    date: new Date().toISOString(),
    start: {
      runs: RUNS,
      jsGzipBytesBeforeDropZone: median(starts.map((s) => s.jsGzipBytesBeforeDropZone)),
      dropZoneUsableMs: median(starts.map((s) => s.dropZoneUsableMs)),
      longestTaskMs: {
        median: median(starts.map((s) => s.longestTaskMs)),
        runs: starts.map((s) => s.longestTaskMs),
      },
      perRun: starts,
    },
    views: { runs: VIEW_RUNS, customers: viewRuns[0]?.customers ?? null, perView: views },
  };
} finally {
  await app.stop();
}
const file = resolve(RESULTS, `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(out, null, 2));
console.log(`written ${file}`);
