// npm run bench:analyze — 1M lines, 100k customers, imported into the built app in headless Chromium. Prints the
// worker time of the full analysis (aggregates, KPIs, RFM, cohorts, trend; median of 5 runs, no caches), the time
// from an as-of change to the redrawn Overview, and the longest main-thread task. Writes JSON to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, ROOT } from '../test/e2e/harness.mjs';
import { generateRetailCsv } from './generate.mjs';

const TMP = resolve(ROOT, 'bench/tmp');
const RESULTS = resolve(ROOT, 'bench/results');
mkdirSync(RESULTS, { recursive: true });
// 1M lines, every one with a customer id, about 100k distinct customers drawn evenly, orders of 1-6 lines.
const path = await generateRetailCsv(resolve(TMP, 'retail-1000000-100k.csv'), 1_000_000, {
  customers: 110_000,
  seed: 7,
  missingShare: 0,
  maxLines: 6,
  skew: 1,
});

const app = await startApp();
let out;
try {
  const { page } = await app.open();
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
  const id = await page.evaluate(async () => {
    const e = globalThis.__kundenwertEngine;
    const ws = await e.listWorkspaces();
    return (await e.listDatasets(ws.value[0].id)).value[0].id;
  });
  const runs = [];
  // A different as-of date each run, so that nothing computed for one run serves the next.
  const lastDate = await page.evaluate(async (datasetId) => {
    const e = globalThis.__kundenwertEngine;
    const ws = await e.listWorkspaces();
    return (await e.listDatasets(ws.value[0].id)).value.find((d) => d.id === datasetId).summary.lastDate;
  }, id);
  const asOfs = [0, 15, 30, 45, 60, 75].map((back) =>
    new Date(Date.parse(lastDate) - back * 86_400_000).toISOString().slice(0, 10),
  );
  for (const asOf of asOfs) {
    runs.push(
      await page.evaluate(
        async ([datasetId, d]) =>
          (await globalThis.__kundenwertEngine.timeFullAnalysis({ datasetId, asOf: d })).value,
        [id, asOf],
      ),
    );
  }
  const warm = runs.slice(1); // the first run also reads the columns from IndexedDB
  const median = (k) => warm.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(warm.length / 2)];
  const parts = Object.fromEntries(
    ['aggregates', 'kpis', 'rfm', 'cohorts', 'trend', 'total'].map((k) => [k, median(k)]),
  );

  // As-of change to redrawn Overview, on the main thread.
  await page.click('[data-testid=nav-overview]');
  await page.waitForSelector('[data-testid=ov-tiles]', { timeout: 120_000 });
  await page.evaluate(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => window.__longtasks.push(e.duration)),
    ).observe({ type: 'longtask' });
  });
  const redraws = [];
  // Distinct dates, so that each change really redraws.
  for (const date of asOfs.slice(1)) {
    const ms = await page.evaluate(async (d) => {
      const before = document.querySelector('[data-testid=ov-customers]').textContent;
      const input = document.querySelector('[data-testid=ctl-asof]');
      const t0 = performance.now();
      input.value = d;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((res) => {
        const check = () =>
          document.querySelector('[data-testid=ov-customers]').textContent !== before
            ? requestAnimationFrame(() => res())
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - t0;
    }, date);
    redraws.push(ms);
  }
  const longest = await page.evaluate(() => Math.max(0, ...window.__longtasks));

  // The customer table with 100k customers: scroll through it in steps and record the longest main-thread task.
  await page.click('[data-testid=nav-customers]');
  await page.waitForSelector('[data-testid=cu-row]', { timeout: 120_000 });
  await page.evaluate(() => (window.__longtasks = []));
  const scrollMs = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid=cu-viewport]');
    const t0 = performance.now();
    for (let step = 1; step <= 40; step++) {
      el.scrollTop = (el.scrollHeight * step) / 80;
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return performance.now() - t0;
  });
  await page.waitForTimeout(500);
  const longestScroll = await page.evaluate(() => Math.max(0, ...window.__longtasks));
  await page.screenshot({ path: resolve(ROOT, 'screenshots/customers-100k.png'), fullPage: true });
  out = {
    bench: 'analyze',
    date: new Date().toISOString(),
    lines: runs[0].lines,
    customers: runs[0].customers,
    firstRunWithLoadMs: runs[0].total,
    medianMs: parts,
    redrawMs: redraws,
    longestMainThreadTaskMs: longest,
    customerTableScroll: { steps: 40, ms: scrollMs, longestMainThreadTaskMs: longestScroll },
  };
  console.log(
    `${out.lines.toLocaleString('en')} lines, ${out.customers.toLocaleString('en')} customers: full analysis ${parts.total.toFixed(0)} ms ` +
      `(aggregates ${parts.aggregates.toFixed(0)}, KPIs ${parts.kpis.toFixed(0)}, RFM ${parts.rfm.toFixed(0)}, cohorts ${parts.cohorts.toFixed(0)}, trend ${parts.trend.toFixed(0)}); ` +
      `as-of change to redrawn Overview ${redraws.map((m) => m.toFixed(0)).join(', ')} ms; longest main-thread task ${longest.toFixed(0)} ms`,
  );
  console.log(
    `customer table, 100k customers: 40 scroll steps to the middle in ${scrollMs.toFixed(0)} ms, longest main-thread task ${longestScroll.toFixed(0)} ms`,
  );
} finally {
  await app.stop();
}
const file = resolve(RESULTS, `analyze-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(out, null, 2));
console.log(`written ${file}`);
