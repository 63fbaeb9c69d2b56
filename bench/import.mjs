// npm run bench:import — imports generated Online-Retail-like files (100k and 1M rows) into the test build of the app
// (it has the plain-parse baseline) in headless Chromium, through the real file input, worker and IndexedDB. Prints
// rows/s, total ms, the ratio to a plain PapaParse pass in the same worker, the peak JS heap (page and worker) and
// the longest main-thread task.
// Writes JSON to bench/results/. Sizes can be overridden: node bench/import.mjs 100000 1000000 5000000
// Each size runs BENCH_REPEAT times (default 3); the summary gives medians, the JSON every run. One more run per
// size samples the heap (it is not timed: the sampling slows the worker).
import { writeFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp } from '../test/e2e/harness.mjs';
import { generateRetailCsv } from './generate.mjs';
import { heapSampler, RESULTS, TMP } from './lib.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const ROWS = sizes.length ? sizes : [100_000, 1_000_000];

/** The plain PapaParse pass over the file, in the app's worker on a page of its own. */
async function plainParse(app, path) {
  const { page, context } = await app.open();
  try {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-file';
      input.hidden = true;
      document.body.append(input);
    });
    await page.setInputFiles('#bench-file', path);
    return await page.evaluate(async () => {
      const f = document.getElementById('bench-file').files[0];
      const r = await globalThis.__kundenwertEngine.plainParse(f, ',');
      return r.ok ? r.value : null;
    });
  } finally {
    await context.close();
  }
}

/**
 * One timed run: the plain PapaParse pass on a fresh page, then the real import through the UI on another fresh
 * page, so that neither inherits the other's heap or compiled code. With `sampleHeap` the run instead skips the plain
 * pass and samples the JS heap of page and worker every 50 ms: each sample interrupts the worker, which slowed the
 * 1M-row import by about 15 %, so heap runs are kept apart from the timed ones.
 */
async function runOnce(app, rows, path, bytes, sampleHeap = false) {
  const plain = sampleHeap ? null : await plainParse(app, path);
  const { page, context } = await app.open();
  try {
    await page.evaluate(() => {
      window.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const sampler = sampleHeap ? await heapSampler(page, 50) : null;

    // The real import through the UI.
    await page.setInputFiles('[data-testid=file-input]', path);
    await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
    await page.evaluate(() => (window.__longtasks = []));
    await sampler?.start();
    // Wall time as the user sees it, taken in the page: from the click on Start to the summary in the DOM
    // (Playwright's own wait notices the summary a few hundred milliseconds late on a busy machine).
    await page.evaluate(() => {
      document
        .querySelector('[data-testid=start-import]')
        .addEventListener('click', () => (window.__clickAt = performance.now()), { capture: true });
      new MutationObserver((_, obs) => {
        if (!document.querySelector('[data-testid=import-summary]')) return;
        window.__summaryAt = performance.now();
        obs.disconnect();
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
    const wallMs = Math.round(await page.evaluate(() => window.__summaryAt - window.__clickAt));
    const heap = sampler ? await sampler.stop() : null;
    const longest = await page.evaluate(() => Math.max(0, ...window.__longtasks));
    const summary = await page.evaluate(async () => {
      const e = globalThis.__kundenwertEngine;
      const ws = await e.listWorkspaces();
      const ds = await e.listDatasets(ws.value[0].id);
      return ds.value[0].summary;
    });
    return {
      rows,
      fileMB: bytes / 2 ** 20,
      rowsRead: summary.rowsRead,
      importMs: summary.durationMs,
      storageWaitMs: summary.storageWaitMs,
      wallMs,
      rowsPerSecond: summary.rowsRead / (summary.durationMs / 1000),
      plainParseMs: plain?.ms ?? null,
      ratioToPlainParse: plain ? summary.durationMs / plain.ms : null,
      ...(heap && { peakPageHeapMB: heap.peakPageHeapMB, peakWorkerHeapMB: heap.peakWorkerHeapMB }),
      longestMainThreadTaskMs: longest,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// This machine's timings vary by 10-20 % from run to run, so every size runs REPEAT times and the summary line
// gives medians; every run is printed and written as well.
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const app = await startApp({ hooks: true });
const results = [];
try {
  for (const rows of ROWS) {
    const path = await generateRetailCsv(resolve(TMP, `retail-${rows}.csv`), rows);
    const bytes = statSync(path).size;
    const runs = [];
    for (let i = 0; i < REPEAT; i++) {
      const r = await runOnce(app, rows, path, bytes);
      runs.push(r);
      console.log(
        `  run ${i + 1}/${REPEAT}: import ${r.importMs.toFixed(0)} ms (wall ${r.wallMs} ms, storage wait ` +
          `${r.storageWaitMs.toFixed(0)} ms), plain parse ${r.plainParseMs?.toFixed(0)} ms, ratio ` +
          `${r.ratioToPlainParse?.toFixed(2)}×, longest main-thread task ${r.longestMainThreadTaskMs.toFixed(0)} ms`,
      );
    }
    const heapRun = await runOnce(app, rows, path, bytes, true);
    console.log(
      `  heap run: import ${heapRun.importMs.toFixed(0)} ms while sampling, peak heap page ` +
        `${heapRun.peakPageHeapMB.toFixed(1)} MB / worker ${heapRun.peakWorkerHeapMB.toFixed(1)} MB`,
    );
    const importMs = median(runs.map((r) => r.importMs));
    const plainParseMs = median(runs.map((r) => r.plainParseMs ?? NaN));
    const r = {
      rows,
      fileMB: runs[0].fileMB,
      rowsRead: runs[0].rowsRead,
      repeat: REPEAT,
      importMs,
      rowsPerSecond: runs[0].rowsRead / (importMs / 1000),
      plainParseMs,
      ratioToPlainParse: median(runs.map((r) => r.ratioToPlainParse ?? NaN)),
      peakPageHeapMB: heapRun.peakPageHeapMB,
      peakWorkerHeapMB: heapRun.peakWorkerHeapMB,
      longestMainThreadTaskMs: Math.max(...[...runs, heapRun].map((r) => r.longestMainThreadTaskMs)),
      runs,
      heapRun,
    };
    results.push(r);
    console.log(
      `${rows.toLocaleString('en')} rows (${r.fileMB.toFixed(1)} MB), median of ${REPEAT}: import ` +
        `${r.importMs.toFixed(0)} ms (${Math.round(r.rowsPerSecond).toLocaleString('en')} rows/s), plain parse ` +
        `${r.plainParseMs.toFixed(0)} ms, ratio ${r.ratioToPlainParse.toFixed(2)}×; peak heap page ` +
        `${r.peakPageHeapMB.toFixed(1)} MB / worker ${r.peakWorkerHeapMB.toFixed(1)} MB, longest main-thread task ` +
        `${r.longestMainThreadTaskMs.toFixed(0)} ms`,
    );
  }
} finally {
  await app.stop();
}
const file = resolve(RESULTS, `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ bench: 'import', date: new Date().toISOString(), results }, null, 2));
console.log(`written ${file}`);
