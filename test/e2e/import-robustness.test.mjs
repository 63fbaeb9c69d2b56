// Cancel, a closed tab mid-import, a crashed worker, and a German re-export of Online Retail, against the test build
// of the app (it has the test hooks that hold an import or crash the worker) in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, hasSharedData, SHARED_DATA, SCREENSHOTS, idbCounts, text, num } from './harness.mjs';
import { generateDemoRows } from '../../scripts/generate-demo.mjs';
import { retailGerman } from './retail-german.mjs';

let app;
before(async () => {
  app = await startApp({ hooks: true });
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

const skip = hasSharedData ? false : 'needs ../shared/data (absent)';
const RETAIL = resolve(SHARED_DATA, 'online_retail.csv');

/**
 * Starts importing Online Retail and returns once its second column chunk (131,072 lines) is stored. The import
 * takes under a second, so the worker holds it there (a test hook) until it is cancelled or its page is closed.
 */
async function startRetailImport(page) {
  await page.setInputFiles('[data-testid=file-input]', RETAIL);
  await startHeldImport(page, 1);
}

/** Starts the import on the mapping step; the worker holds it once column chunk `afterChunk` is stored. */
async function startHeldImport(page, afterChunk) {
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await page.evaluate((n) => globalThis.__kundenwertEngine.holdImportForTest(n), afterChunk);
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-progress]');
  const held = await page.evaluate(() => globalThis.__kundenwertEngine.importHeldForTest());
  assert.ok(held.ok, 'the import reached its hold');
}

/**
 * Starts importing the demo data, held once its only column chunk (index 0, its 35,288 lines) is stored, which
 * happens after the whole file is read.
 */
async function startDemoImport(page) {
  await page.click('[data-testid=nav-import]');
  await page.click('[data-testid=load-demo]');
  await startHeldImport(page, 0);
}

/** Presses Cancel and checks the message and that IndexedDB holds nothing of the import. */
async function cancelLeavesNothing(page) {
  await page.click('[data-testid=cancel-import]');
  await page.waitForSelector('[data-testid=import-error]');
  assert.match(await text(page, 'import-error'), /cancelled\. Nothing was stored/);
  const counts = await idbCounts(page);
  assert.ok(empty(counts), `leftovers: ${JSON.stringify(counts)}`);
}

const empty = (counts) =>
  (counts.datasets ?? 0) === 0 &&
  (counts.chunks ?? 0) === 0 &&
  (counts.rejects ?? 0) === 0 &&
  (counts.dictionaries ?? 0) === 0;

test('Cancel mid-import leaves nothing in IndexedDB', { skip, timeout: 120_000 }, async () => {
  const { page, context } = await app.open();
  await startRetailImport(page);
  // The progress line: a percentage, the rows read (at least the 131,072 stored lines) and a rate.
  await page.waitForFunction(() =>
    /\d+%.*[\d,]+ rows read.*rows\/s/s.test(
      document.querySelector('[data-testid=import-progress]').textContent,
    ),
  );
  const progress = await text(page, 'import-progress');
  const rowsRead = Number(progress.match(/([\d,]+) rows read/)[1].replace(/,/g, ''));
  assert.ok(rowsRead >= 131_072 && rowsRead <= 541_909, `rows read ${rowsRead}`);
  await cancelLeavesNothing(page);
  await context.close();
});

test('Cancel while the last rows are stored: the progress says so, and nothing remains', async () => {
  const { page, context } = await app.open();
  await startDemoImport(page);
  await page.waitForSelector('[data-testid=progress-finishing]');
  const progress = await text(page, 'import-progress');
  assert.match(progress, /100%/);
  const { stats } = generateDemoRows();
  assert.ok(progress.includes(`${stats.lines.toLocaleString('en')} rows read`), progress);
  assert.doesNotMatch(progress, /left/, 'no time left is promised once the file is read');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'import-finishing.png') });
  await cancelLeavesNothing(page);
  await context.close();
});

test(
  'a crashed worker rejects the call in flight and a fresh worker takes over',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await app.open();
    const res = await page.evaluate(() => globalThis.__kundenwertEngine.crashForTest());
    assert.equal(res.ok, false);
    assert.equal(res.error.code, 'workerCrashed');
    await page.waitForSelector('[data-testid=app-error]');
    assert.match(await text(page, 'app-error'), /engine stopped unexpectedly and was restarted/);
    const again = await page.evaluate(() => globalThis.__kundenwertEngine.ping());
    assert.deepEqual(again, { ok: true, value: 'pong' });
    await context.close();
  },
);

test('The engine dying mid-import: a message that names memory, and nothing remains', async () => {
  const { page, context } = await app.open();
  await startDemoImport(page);
  // As when the browser kills a worker that runs out of memory: the worker dies with the import in flight.
  const crash = await page.evaluate(() => globalThis.__kundenwertEngine.crashForTest());
  assert.equal(crash.error.code, 'workerCrashed');
  await page.waitForSelector('[data-testid=import-error]');
  assert.equal(await page.locator('[data-testid=app-error]').count(), 0, 'one message, not two');
  assert.match(
    await text(page, 'import-error'),
    /engine stopped during the import of this file \(5\.\d MB\), most likely because the browser ran out of memory\. Nothing was stored\./,
  );
  await page.screenshot({ path: resolve(SCREENSHOTS, 'import-crashed.png') });
  // The fresh worker removes what the dead import had stored.
  for (let i = 0; i < 100 && !empty(await idbCounts(page)); i++) await new Promise((r) => setTimeout(r, 100));
  const counts = await idbCounts(page);
  assert.ok(empty(counts), `leftovers: ${JSON.stringify(counts)}`);
  await context.close();
});

test(
  'Closing the page mid-import: nothing of that import remains after reopening',
  { skip, timeout: 120_000 },
  async () => {
    const { page, context } = await app.open();
    await startRetailImport(page);
    await page.close();
    // Look at the database from a same-origin page that is not the app: the interrupted import is still there...
    const probe = await context.newPage();
    await probe.goto(`${app.url}favicon.svg`);
    const before = await idbCounts(probe);
    assert.equal(before.datasets, 1, 'the dead import left its dataset row');
    assert.ok(before.chunks > 0, 'the dead import left chunks');
    await probe.close();
    // ...and the app removes it on start-up.
    const { page: again } = await app.open({ context });
    await again.waitForSelector('[data-testid=no-datasets]');
    const after = await idbCounts(again);
    assert.ok(empty(after), `leftovers: ${JSON.stringify(after)}`);
    await context.close();
  },
);

async function importBuffer(page, name, buffer) {
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer });
  await page.waitForSelector('[data-testid=preview] tbody tr');
  const detected = {
    encoding: await page.locator('[data-testid=opt-encoding]').inputValue(),
    delimiter: await page.locator('[data-testid=opt-delimiter]').inputValue(),
    decimal: await page.locator('[data-testid=opt-decimal]').inputValue(),
    dateFormat: await page.locator('[data-testid=opt-dateformat]').inputValue(),
    customer: await page.locator('[data-testid=role-customer] option:checked').textContent(),
    date: await page.locator('[data-testid=role-date] option:checked').textContent(),
    quantity: await page.locator('[data-testid=role-quantity] option:checked').textContent(),
    unitPrice: await page.locator('[data-testid=role-unitPrice] option:checked').textContent(),
    orderId: await page.locator('[data-testid=role-orderId] option:checked').textContent(),
  };
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
  const figures = {};
  for (const k of [
    'rowsRead',
    'imported',
    'rejected',
    'customers',
    'orders',
    'netRevenue',
    'returns',
    'duplicates',
    'range',
  ]) {
    figures[k] = await text(page, `sum-${k}`);
  }
  await page.click('[data-testid=summary-done]');
  return { detected, figures };
}

test(
  'A German export of the first 50,000 lines gives the same totals as the original',
  { skip, timeout: 120_000 },
  async () => {
    const { original, german, countries } = retailGerman(50_000);
    assert.ok(german.includes(0xf6), 'the German file holds ö as the Windows-1252 byte 0xF6');
    const { page, context } = await app.open();
    const en = await importBuffer(page, 'retail-50k.csv', original);
    const de = await importBuffer(page, 'export-50k-de.csv', german);
    assert.deepEqual(de.detected, {
      encoding: 'windows-1252',
      delimiter: ';',
      decimal: ',',
      dateFormat: 'dmy-dot',
      customer: 'Kundennummer',
      date: 'Rechnungsdatum',
      quantity: 'Menge',
      unitPrice: 'Einzelpreis',
      orderId: 'Rechnungsnummer',
    });
    assert.equal(en.detected.encoding, 'utf-8');
    assert.equal(num(en.figures.rowsRead), 50_000);
    assert.deepEqual(de.figures, en.figures);
    // The umlauts came through Windows-1252: the stored regions are the German country names, spelled right.
    const regions = await page.evaluate(async () => {
      const e = globalThis.__kundenwertEngine;
      const ws = await e.listWorkspaces();
      const ds = (await e.listDatasets(ws.value[0].id)).value.find((d) => d.fileName === 'export-50k-de.csv');
      const meta = await e.datasetMeta(ds.id);
      return meta.value.attributes.find((a) => a.key === 'region').values;
    });
    assert.ok(
      countries.includes('Vereinigtes Königreich') && countries.includes('Österreich'),
      countries.join(),
    );
    assert.deepEqual([...regions].sort(), countries);
    await context.close();
  },
);
