// npm run bench:analyze — 1M lines, 100k customers, imported into the test build of the app in headless Chromium.
// Prints the first analysis after opening the dataset in a fresh worker, load included (reading the columns and
// dictionaries from IndexedDB and building the lines, then aggregates, KPIs, RFM, cohorts and trend; BENCH_OPENS
// times, default 3, each on a fresh page once the app has started), the worker time of the full analysis once
// loaded (median of 5 runs, no caches), the time from an as-of change to the redrawn Overview, and the longest
// main-thread task. Then the economics figures of the same 100k customers with a customer master file and a spend
// file for them (bench/generate.mjs, imported through the app's import): the worker time of the first call (with the
// forecast fit and the channels' fits, memoised after) and of calls with the fits cached but the figures recomputed
// (other cost settings each time). Writes JSON to bench/results/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, ROOT } from '../test/e2e/harness.mjs';
import { generateRecordCsvs, generateRetailCsv } from './generate.mjs';

const TMP = resolve(ROOT, 'bench/tmp');
const RESULTS = resolve(ROOT, 'bench/results');
mkdirSync(RESULTS, { recursive: true });
const OPENS = Math.max(1, Number(process.env.BENCH_OPENS ?? 3));
// 1M lines, every one with a customer id, about 100k distinct customers drawn evenly, orders of 1-6 lines.
const path = await generateRetailCsv(resolve(TMP, 'retail-1000000-100k.csv'), 1_000_000, {
  customers: 110_000,
  seed: 7,
  missingShare: 0,
  maxLines: 6,
  skew: 1,
});

// Master data and spend for the customers of that file (ids 12346 … 12346 + 110k − 1).
const records = await generateRecordCsvs(TMP, { customers: 110_000, seed: 11 });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Opens the dataset in a fresh worker (a new page of the same browser context: same IndexedDB, new worker) and runs
 * the first full analysis there. `wallMs` is the page's wait for the call, `load` the worker's (read + build).
 */
async function firstRunWithLoad(app, context, datasetId, asOf) {
  const { page } = await app.open({ context });
  try {
    // As a user opens a dataset some time after the app has started, not while it starts.
    await page.waitForTimeout(500);
    return await page.evaluate(
      async ([id, d]) => {
        const t0 = performance.now();
        const r = (await globalThis.__kundenwertEngine.timeFullAnalysis({ datasetId: id, asOf: d })).value;
        return { ...r, wallMs: performance.now() - t0 };
      },
      [datasetId, asOf],
    );
  } finally {
    await page.close();
  }
}

const app = await startApp({ hooks: true });
let out;
try {
  const { page: importPage, context } = await app.open();
  await importPage.setInputFiles('[data-testid=file-input]', path);
  await importPage.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await importPage.click('[data-testid=start-import]');
  await importPage.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
  const { id, lastDate } = await importPage.evaluate(async () => {
    const e = globalThis.__kundenwertEngine;
    const ws = await e.listWorkspaces();
    const d = (await e.listDatasets(ws.value[0].id)).value[0];
    return { id: d.id, lastDate: d.summary.lastDate };
  });
  await importPage.close();
  // A different as-of date each run, so that nothing computed for one run serves the next.
  const asOfs = [0, 15, 30, 45, 60, 75].map((back) =>
    new Date(Date.parse(lastDate) - back * 86_400_000).toISOString().slice(0, 10),
  );

  // The first analysis after opening the dataset, load included, each time in a fresh worker.
  const opens = [];
  for (let i = 0; i < OPENS; i++) {
    const r = await firstRunWithLoad(app, context, id, asOfs[0]);
    opens.push(r);
    console.log(
      `  open ${i + 1}/${OPENS}: first analysis with load ${(r.load + r.total).toFixed(0)} ms (load ` +
        `${r.load.toFixed(0)}: read ${r.read.toFixed(0)}, build ${r.build.toFixed(0)}; analysis ` +
        `${r.total.toFixed(0)}), wall ${r.wallMs.toFixed(0)} ms`,
    );
  }

  // The analysis once the lines are in memory (the first run of this page opens the dataset again).
  const { page } = await app.open({ context });
  const runs = [];
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
  const parts = Object.fromEntries(
    ['aggregates', 'kpis', 'rfm', 'cohorts', 'trend', 'total'].map((k) => [k, median(warm.map((r) => r[k]))]),
  );
  const withLoad = opens.map((r) => r.load + r.total);

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

  // Economics: import the master and the spend file as the Data view does (sniff for the source, then import).
  const imported = [];
  for (const [source, file] of [
    ['customers', records.master],
    ['spend', records.spend],
  ]) {
    imported.push(
      await page.evaluate(
        async ([src, text, name]) => {
          const e = globalThis.__kundenwertEngine;
          const ws = (await e.listWorkspaces()).value[0].id;
          const f = new File([text], name);
          const answer = (await e.sniffFile(f, undefined, src)).value;
          const t0 = performance.now();
          const r = await e.startImport(ws, f, answer.options);
          if (!r.ok) throw new Error(`${src}: ${r.error.code} ${r.error.message}`);
          return { source: src, rows: r.value.rowCount, ms: performance.now() - t0 };
        },
        [source, readFileSync(file, 'utf8'), file.split('/').at(-1)],
      ),
    );
  }
  const costsFor = (costPerOrder) => ({
    marginByCategory: {},
    costPerOrder,
    costPerReturn: 4,
    serviceCostPerTicket: 15,
    serviceCostPerCustomerYear: null,
    discountPercentMonthly: null,
    targetLtvToCac: null,
    channelPurpose: {},
    typedSpend: [],
  });
  const economicsCall = (costPerOrder) =>
    page.evaluate(
      async ([datasetId, d, costs]) => {
        const t0 = performance.now();
        const r = await globalThis.__kundenwertEngine.timeEconomics({
          datasetId,
          asOf: d,
          figures: { cac: null, marginPercent: 30, acquisitionShare: null, existingShare: null, costs },
          granularity: 'month',
          horizonMonths: 36,
        });
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        return { ...r.value, wallMs: performance.now() - t0 };
      },
      [id, lastDate, costsFor(costPerOrder)],
    );
  const econFirst = await economicsCall(5);
  const econCached = [];
  for (const costPerOrder of [6, 7, 8, 9, 10]) econCached.push(await economicsCall(costPerOrder));

  // Actions: the same orders with a category column (40 categories, by product), imported through the app; then the
  // overview (first call: the forecast fit, the matrix's bitsets, co-purchase and journey), every list's first page
  // at several sorts and filters, and matrix pages at every sort, with filters and while scrolling, each timed in
  // the worker.
  const catPath = resolve(TMP, 'retail-1000000-100k-category.csv');
  {
    const text = readFileSync(path, 'utf8').split('\n');
    const withCategory = text.map((line, i) => {
      if (i === 0) return `${line},Category`;
      if (line === '') return line;
      const code = line.split(',')[1];
      let h = 0;
      for (let k = 0; k < code.length; k++) h = (h * 31 + code.charCodeAt(k)) >>> 0;
      return `${line},Cat ${String(h % 40).padStart(2, '0')}`;
    });
    writeFileSync(catPath, withCategory.join('\n'));
  }
  const { page: actionsPage } = await app.open({ context });
  await actionsPage.setInputFiles('[data-testid=file-input]', catPath);
  await actionsPage.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await actionsPage.click('[data-testid=start-import]');
  await actionsPage.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
  const catId = await actionsPage.evaluate(async () => {
    const e = globalThis.__kundenwertEngine;
    const ws = await e.listWorkspaces();
    const ds = (await e.listDatasets(ws.value[0].id)).value;
    return Math.max(...ds.map((d) => d.id));
  });
  const actionsBase = {
    datasetId: catId,
    asOf: lastDate,
    figures: {
      cac: null,
      marginPercent: 30,
      acquisitionShare: null,
      existingShare: null,
      costs: costsFor(5),
    },
  };
  const actionsCall = (method, extra = {}) =>
    actionsPage.evaluate(
      async (call) => {
        const r = await globalThis.__kundenwertEngine.timeActions(call);
        if (!r.ok) throw new Error(`${call.method}: ${r.error.code} ${r.error.message}`);
        return r.value;
      },
      { method, req: { ...actionsBase, ...extra } },
    );
  const overviewFirst = await actionsCall('actionsOverview');
  const overview = await actionsPage.evaluate(
    async (req) => (await globalThis.__kundenwertEngine.actionsOverview(req)).value,
    actionsBase,
  );
  const pair = overview.whitespace[0] ? { a: overview.whitespace[0].a, b: overview.whitespace[0].b } : null;
  // Another margin: every list's value and the overview again, the fit and the matrix memoised.
  const overviewOtherMargin = await actionsCall('actionsOverview', {
    figures: { ...actionsBase.figures, marginPercent: 40 },
  });
  const listCalls = [];
  for (const list of ['reactivation', 'due', 'whitespace', 'upsell'])
    for (const variant of [
      {},
      { sort: 'revenue' },
      { sort: 'id', descending: false },
      { segment: 'atRisk' },
      { search: '123' },
    ]) {
      const query = { list, pair, ...variant };
      const first = await actionsCall('actionPage', { query, offset: 0, limit: 100 });
      const scrolled = await actionsCall('actionPage', { query, offset: 5000, limit: 100 });
      listCalls.push({
        list,
        variant,
        total: first.total,
        firstMs: first.workerMs,
        offset: 5000,
        pageMs: scrolled.workerMs,
      });
    }
  const columns = overview.matrixColumns;
  const matrixCalls = [];
  for (const [name, query] of [
    ['id', { sort: { by: 'id' }, descending: false }],
    ['revenue', { sort: { by: 'revenue' }, descending: true }],
    ['count', { sort: { by: 'count' }, descending: true }],
    ['column', { sort: { by: 'column', column: columns[3] }, descending: true }],
    ['has/hasNot', { sort: { by: 'revenue' }, descending: true, has: [columns[0]], hasNot: [columns[1]] }],
    ['search', { sort: { by: 'id' }, descending: false, search: '1234' }],
    ['segment', { sort: { by: 'count' }, descending: true, segment: 'champions' }],
  ]) {
    const pages = [];
    for (const offset of [0, 100, 20_000, 50_000])
      pages.push(await actionsCall('actionMatrix', { query, offset, limit: 60 }));
    matrixCalls.push({ name, total: pages[0].total, ms: pages.map((p) => p.workerMs) });
  }
  // The Actions view on the same 100k customers, in the page: scroll the reactivation list and the customers ×
  // categories matrix through their virtualised rows and record the longest main-thread task of each.
  const scrollThrough = (viewport) =>
    actionsPage.evaluate(async (sel) => {
      window.__longtasks = [];
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => window.__longtasks.push(e.duration)),
      ).observe({
        type: 'longtask',
      });
      const el = document.querySelector(sel);
      const t0 = performance.now();
      for (let step = 1; step <= 40; step++) {
        el.scrollTop = (el.scrollHeight * step) / 80;
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 500));
      return { steps: 40, ms, longestMainThreadTaskMs: Math.max(0, ...window.__longtasks) };
    }, viewport);
  await actionsPage.click('[data-testid=summary-done]');
  await actionsPage.click('[data-testid=nav-actions]');
  await actionsPage.waitForSelector('[data-testid=ac-reactivation-row]', { timeout: 180_000 });
  const listScroll = await scrollThrough('[data-testid=ac-reactivation-viewport]');
  await actionsPage.click('[data-testid=ac-tab-whitespace]');
  await actionsPage.waitForSelector('[data-testid=ac-mx-row]', { timeout: 180_000 });
  const matrixScroll = await scrollThrough('[data-testid=ac-mx-viewport]');
  await actionsPage.screenshot({
    path: resolve(ROOT, 'screenshots/actions-matrix-100k.png'),
    fullPage: true,
  });

  // The due-now list needs a forecast with dropout: the retail file above has none (its customers buy evenly, the
  // BG/NBD fit fails with dropoutToZero). So 100k BG/NBD-like customers (seeded: rate ~ Exp(1) per 2 weeks, dropout
  // after each repeat purchase with probability U(0.05, 0.5), two years) with a category, imported the same way.
  const duePath = resolve(TMP, 'btyd-100k.csv');
  {
    let state = 20_261_205;
    const rnd = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const start = Date.UTC(2022, 0, 1) / 86_400_000;
    const end = start + 730;
    const iso = (d) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const out = ['Kunde;Datum;Betrag;Kategorie'];
    for (let c = 0; c < 100_000; c++) {
      const rate = -Math.log(1 - rnd()) / 14; // per day
      const dropout = 0.05 + 0.45 * rnd();
      let d = start + Math.floor(rnd() * 365);
      const cat = () => `Cat ${String(Math.floor(rnd() ** 2 * 30)).padStart(2, '0')}`;
      out.push(`C${c};${iso(d)};${(20 + 80 * rnd()).toFixed(2)};${cat()}`);
      for (;;) {
        d += Math.max(1, Math.ceil(-Math.log(1 - rnd()) / rate));
        if (d > end) break;
        out.push(`C${c};${iso(d)};${(20 + 80 * rnd()).toFixed(2)};${cat()}`);
        if (rnd() < dropout) break;
      }
    }
    writeFileSync(duePath, out.join('\n'));
  }
  const { page: duePage } = await app.open({ context });
  await duePage.setInputFiles('[data-testid=file-input]', duePath);
  await duePage.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await duePage.click('[data-testid=start-import]');
  await duePage.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
  const dueId = await duePage.evaluate(async () => {
    const e = globalThis.__kundenwertEngine;
    const ws = await e.listWorkspaces();
    const ds = (await e.listDatasets(ws.value[0].id)).value;
    return Math.max(...ds.map((d) => d.id));
  });
  const dueBase = { datasetId: dueId, asOf: null, figures: actionsBase.figures };
  const dueCall = (method, extra = {}) =>
    duePage.evaluate(
      async (call) => {
        const r = await globalThis.__kundenwertEngine.timeActions(call);
        if (!r.ok) throw new Error(`${call.method}: ${r.error.code} ${r.error.message}`);
        return r.value;
      },
      { method, req: { ...dueBase, ...extra } },
    );
  const dueOverviewFirst = await dueCall('actionsOverview');
  const dueSummary = await duePage.evaluate(
    async (req) => (await globalThis.__kundenwertEngine.actionsOverview(req)).value.lists.due,
    dueBase,
  );
  for (const variant of [
    {},
    { sort: 'expectedNext' },
    { sort: 'pAlive' },
    { sort: 'id', descending: false },
    { segment: 'loyal' },
    { search: '123' },
  ]) {
    const query = { list: 'due', ...variant };
    const first = await dueCall('actionPage', { query, offset: 0, limit: 100 });
    const scrolled = await dueCall('actionPage', { query, offset: 1000, limit: 100 });
    listCalls.push({
      list: 'due (BG/NBD data)',
      variant,
      total: first.total,
      firstMs: first.workerMs,
      offset: 1000,
      pageMs: scrolled.workerMs,
    });
  }
  await duePage.close();
  const warmActions = [
    overviewOtherMargin.workerMs,
    ...listCalls.flatMap((c) => [c.firstMs, c.pageMs]),
    ...matrixCalls.flatMap((c) => c.ms),
  ];
  await actionsPage.close();
  out = {
    bench: 'analyze',
    date: new Date().toISOString(),
    lines: runs[0].lines,
    customers: runs[0].customers,
    firstRunWithLoadMs: median(withLoad),
    firstRunsWithLoad: opens.map((r) => ({
      ms: r.load + r.total,
      load: r.load,
      read: r.read,
      build: r.build,
      analysis: r.total,
      wallMs: r.wallMs,
    })),
    medianMs: parts,
    redrawMs: redraws,
    longestMainThreadTaskMs: longest,
    customerTableScroll: { steps: 40, ms: scrollMs, longestMainThreadTaskMs: longestScroll },
    economics: {
      imports: imported,
      customers: econFirst.customers,
      channels: econFirst.channels,
      // With the forecast fit and the channels' own fits (memoised in the worker after this call).
      firstCall: econFirst,
      // Fits cached, figures recomputed (another cost per order each call): median and every run.
      cachedFitWorkerMs: median(econCached.map((r) => r.workerMs)),
      cachedFitComputeMs: median(econCached.map((r) => r.computeMs)),
      cachedFitRuns: econCached,
      targetWorkerMs: 150,
    },
    actions: {
      customers: overview.customers,
      crossSellKey: overview.crossSellKey,
      columns: columns.length,
      lists: Object.fromEntries(
        Object.entries(overview.lists).map(([k, v]) => [
          k,
          v.unavailable ? `${v.total} (${v.unavailable})` : v.total,
        ]),
      ),
      withPAlive: overview.lists.reactivation.withPAlive,
      model: overview.lists.due.model,
      overviewFirstCallMs: overviewFirst.workerMs,
      overviewOtherMarginMs: overviewOtherMargin.workerMs,
      dueData: { customers: 100_000, overviewFirstCallMs: dueOverviewFirst.workerMs, due: dueSummary },
      listCalls,
      matrixCalls,
      listScroll,
      matrixScroll,
      maxWarmCallMs: Math.max(...warmActions),
      medianWarmCallMs: median(warmActions),
      targetWorkerMs: 300,
    },
  };
  console.log(
    `${out.lines.toLocaleString('en')} lines, ${out.customers.toLocaleString('en')} customers: first analysis after ` +
      `opening, load included, ${out.firstRunWithLoadMs.toFixed(0)} ms (median of ${OPENS}, ` +
      `${withLoad.map((m) => m.toFixed(0)).join(', ')})`,
  );
  console.log(
    `${out.lines.toLocaleString('en')} lines, ${out.customers.toLocaleString('en')} customers: full analysis ${parts.total.toFixed(0)} ms ` +
      `(aggregates ${parts.aggregates.toFixed(0)}, KPIs ${parts.kpis.toFixed(0)}, RFM ${parts.rfm.toFixed(0)}, cohorts ${parts.cohorts.toFixed(0)}, trend ${parts.trend.toFixed(0)}); ` +
      `as-of change to redrawn Overview ${redraws.map((m) => m.toFixed(0)).join(', ')} ms; longest main-thread task ${longest.toFixed(0)} ms`,
  );
  console.log(
    `customer table, 100k customers: 40 scroll steps to the middle in ${scrollMs.toFixed(0)} ms, longest main-thread task ${longestScroll.toFixed(0)} ms`,
  );
  for (const [what, r] of [
    ['Actions reactivation list', out.actions.listScroll],
    ['Actions customers × categories matrix', out.actions.matrixScroll],
  ])
    console.log(
      `${what}, 100k customers: ${r.steps} scroll steps to the middle in ${r.ms.toFixed(0)} ms, longest main-thread task ${r.longestMainThreadTaskMs.toFixed(0)} ms`,
    );
  const ec = out.economics;
  console.log(
    `economics, ${ec.customers.toLocaleString('en')} customers, ${ec.channels} channels (master ${imported[0].rows.toLocaleString('en')} rows, ` +
      `spend ${imported[1].rows} rows): first call with the forecast fit ${ec.firstCall.workerMs.toFixed(0)} ms in the worker ` +
      `(figures ${ec.firstCall.computeMs.toFixed(0)}); fit cached, figures recomputed ${ec.cachedFitWorkerMs.toFixed(0)} ms in the ` +
      `worker (median of ${econCached.length}: ${econCached.map((r) => r.workerMs.toFixed(0)).join(', ')}; figures ` +
      `${ec.cachedFitComputeMs.toFixed(0)}; target ≤ 150)`,
  );
  const ac = out.actions;
  console.log(
    `actions, ${ac.customers.toLocaleString('en')} customers, ${ac.columns} categories (lists: ` +
      `${Object.entries(ac.lists)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}): first overview with the forecast fit ` +
      `${ac.overviewFirstCallMs.toFixed(0)} ms in the worker; overview at another margin ${ac.overviewOtherMarginMs.toFixed(0)} ms; ` +
      `BG/NBD data: first overview ${ac.dueData.overviewFirstCallMs.toFixed(0)} ms, due now ${ac.dueData.due.total} ` +
      `(${ac.dueData.due.model ?? ac.dueData.due.unavailable}); ` +
      `list pages and matrix pages (${warmActions.length} calls, fit memoised): median ${ac.medianWarmCallMs.toFixed(0)} ms, ` +
      `slowest ${ac.maxWarmCallMs.toFixed(0)} ms (target ≤ 300)`,
  );
  for (const c of listCalls)
    console.log(
      `  ${c.list} ${JSON.stringify(c.variant)}: ${c.total} rows, first page ${c.firstMs.toFixed(0)} ms, page at ${c.offset} ${c.pageMs.toFixed(0)} ms`,
    );
  for (const c of matrixCalls)
    console.log(`  matrix ${c.name}: ${c.total} rows, pages ${c.ms.map((m) => m.toFixed(0)).join(', ')} ms`);
} finally {
  await app.stop();
}
const file = resolve(RESULTS, `analyze-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(out, null, 2));
console.log(`written ${file}`);
