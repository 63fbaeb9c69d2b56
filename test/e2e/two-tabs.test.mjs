// Two tabs of the app in one browser context (one IndexedDB, one BroadcastChannel): what one tab imports, deletes
// or renames shows in the other without a reload; the other tab's open view falls back to the empty state with a
// notice when its dataset is deleted; and while one tab imports, the other's import waits and says why. A workspace
// deleted in one tab, or all local data, makes the other fall back (to the workspace left, or the empty state) with
// a notice; a margin saved in one tab is used by the other's open forecast (the CLV scales with the margin); the
// duplicates switch in one tab changes the other's open Overview by the duplicates' revenue. While one tab imports a
// second file and restores a backup, the other's open Overview keeps its dataset and works, its lists updated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, text, num, importDemo } from './harness.mjs';

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = mkdtempSync(join(tmpdir(), 'kundenwert-tabs-'));
});
after(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** Two pages on the app in one context, opened at the same time (both start on an empty database). */
async function twoTabs() {
  const context = await app.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const [a, b] = await Promise.all([app.open({ context }), app.open({ context })]);
  const errors = [];
  for (const [name, page] of [
    ['A', a.page],
    ['B', b.page],
  ])
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  return { a: a.page, b: b.page, context, errors };
}

/** Waits until the page's dataset list (Data view) holds `n` datasets. */
async function datasetCount(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dataset]').length === n, n, {
    timeout: 60_000,
  });
}

/** A imports the demo and closes the summary; B's dataset list (Data view) shows it. */
async function demoFromA(a, b) {
  await importDemo(a);
  await a.click('[data-testid=summary-done]');
  await b.click('[data-testid=nav-import]');
  await datasetCount(b, 1);
}

/** Waits until the page's Overview shows its customer count. */
async function customersShown(page, options = {}) {
  await page.waitForFunction(
    () => !/^–?$/.test(document.querySelector('[data-testid=ov-customers]')?.textContent?.trim() ?? ''),
    null,
    options,
  );
}

/** An orders file of `rows` lines: invoice, date, customer, quantity and unit price, German conventions. */
function ordersFile(name, rows) {
  const lines = ['Rechnungsnummer;Rechnungsdatum;Kundennummer;Menge;Einzelpreis'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    lines.push(`RE-${i};${day}.${month}.2023;K-${i % 5000};${1 + (i % 5)};12,50`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

test(
  'an import, a delete and a rename in one tab show in the other without a reload',
  { timeout: 240_000 },
  async () => {
    const { a, b, context, errors } = await twoTabs();
    // Both tabs started on an empty database at once: one default workspace, not two.
    for (const page of [a, b]) assert.equal(await page.locator('[data-testid=workspace] option').count(), 1);

    await b.click('[data-testid=nav-import]');
    await b.waitForSelector('[data-testid=no-datasets]');
    await importDemo(a);
    await a.click('[data-testid=summary-done]');
    // B lists the demo without a reload.
    await datasetCount(b, 1);
    assert.match(await text(b, 'dataset'), /kundenwert-demo/);

    // B opens the Overview of it; A opens it too: the same figures from the same stored data.
    await b.click('[data-testid=nav-overview]');
    await b.waitForSelector('[data-testid=kpi-clvHistoric]');
    await a.click('[data-testid=nav-overview]');
    await a.waitForSelector('[data-testid=kpi-clvHistoric]');
    await customersShown(b);
    await customersShown(a);
    assert.equal(await text(b, 'ov-customers'), await text(a, 'ov-customers'));

    // A deletes it: B's Overview falls back to the empty state with a notice, no error.
    await a.click('[data-testid=nav-import]');
    await a.click('[data-testid=dataset-delete]');
    await a.click('dialog[open] [data-testid=confirm-yes]');
    await datasetCount(a, 0);
    await b.waitForSelector('[data-testid=ov-nodata]');
    assert.match(await text(b, 'tab-notice'), /deleted in another tab/);
    assert.equal(await b.locator('[data-testid=app-error]').count(), 0);
    assert.equal(await b.locator('[role=alert]').count(), 0);
    // The navigation still works in B.
    await b.click('[data-testid=nav-import]');
    await b.waitForSelector('[data-testid=no-datasets]');
    await b.click('[data-testid=nav-overview]');
    await b.waitForSelector('[data-testid=ov-nodata]');

    // A renames the workspace: B's workspace picker shows the new name.
    await a.click('[data-testid=nav-settings]');
    await a.click('[data-testid=ws-rename]');
    await a.fill('[data-testid=ws-rename-input]', 'Mandant Nord');
    await a.press('[data-testid=ws-rename-input]', 'Enter');
    await b.waitForFunction(
      () => document.querySelector('[data-testid=workspace] option')?.textContent?.trim() === 'Mandant Nord',
    );

    assert.deepEqual(errors, []);
    await context.close();
  },
);

test(
  "while one tab imports a large file, the other's import waits, says why, and then runs",
  { timeout: 300_000 },
  async () => {
    const { a, b, context, errors } = await twoTabs();
    const large = ordersFile('gross.csv', 600_000);
    const small = ordersFile('klein.csv', 3);

    // B has its small file ready to start.
    await b.click('[data-testid=nav-import]');
    await b.setInputFiles('[data-testid=file-input]', small);
    await b.waitForSelector('[data-testid=preview] tbody tr');

    // A starts the large import; once it runs, B's Start waits for it and says so.
    await a.click('[data-testid=nav-import]');
    await a.setInputFiles('[data-testid=file-input]', large);
    await a.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
    await a.click('[data-testid=start-import]');
    await a.waitForSelector('[data-testid=import-progress]');
    await b.click('[data-testid=start-import]');
    await b.waitForSelector('[data-testid=tab-waiting]');
    assert.match(await text(b, 'tab-waiting'), /Another tab of Kundenwert is importing data; please wait/);
    // B did not start: it is still on the mapping step, nothing of its file is stored.
    assert.equal(await b.locator('[data-testid=import-progress]').count(), 0);

    // A finishes; B's import follows and imports its 3 rows.
    await a.waitForSelector('[data-testid=import-summary]', { timeout: 240_000 });
    assert.equal(num(await text(a, 'sum-imported')), 600_000);
    await b.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    assert.equal(num(await text(b, 'sum-imported')), 3);
    assert.equal(await b.locator('[data-testid=tab-waiting]').count(), 0);

    // Each tab lists both datasets.
    for (const page of [a, b]) {
      await page.click('[data-testid=summary-done]');
      await datasetCount(page, 2);
    }

    assert.deepEqual(errors, []);
    await context.close();
  },
);

test(
  'a workspace deleted in one tab: the other falls back to the remaining one with a notice, and works',
  { timeout: 240_000 },
  async () => {
    const { a, b, context, errors } = await twoTabs();
    // A creates a second workspace; B shows it too and switches to it.
    await a.click('[data-testid=ws-new]');
    await a.fill('[data-testid=ws-new-name]', 'Mandant Süd');
    await a.keyboard.press('Enter');
    await b.waitForFunction(() => document.querySelectorAll('[data-testid=workspace] option').length === 2);
    await b.selectOption('[data-testid=workspace]', { label: 'Mandant Süd' });
    await b.click('[data-testid=nav-import]');
    await b.waitForSelector('[data-testid=no-datasets]');

    // A deletes it: B falls back to the one left, says why, and shows no error.
    await a.click('[data-testid=nav-settings]');
    await a
      .locator('[data-testid=workspace-list] li', { hasText: 'Mandant Süd' })
      .locator('[data-testid=ws-delete]')
      .click();
    await a.click('dialog[open] [data-testid=confirm-yes]');
    await b.waitForFunction(() => document.querySelectorAll('[data-testid=workspace] option').length === 1);
    assert.match(await text(b, 'tab-notice'), /This tab's workspace was deleted in another tab/);
    assert.deepEqual(await b.locator('[data-testid=workspace] option').allTextContents(), ['My workspace']);
    assert.equal(await b.locator('[data-testid=app-error]').count(), 0);

    // B works in the remaining workspace: its import lists in both tabs.
    await importDemo(b);
    await b.click('[data-testid=summary-done]');
    await datasetCount(b, 1);
    await a.click('[data-testid=nav-import]');
    await datasetCount(a, 1);

    assert.deepEqual(errors, []);
    await context.close();
  },
);

test(
  '"delete all local data" in one tab: the other shows the empty state with a notice',
  { timeout: 240_000 },
  async () => {
    const { a, b, context, errors } = await twoTabs();
    await demoFromA(a, b);
    await b.click('[data-testid=nav-overview]');
    await b.waitForSelector('[data-testid=kpi-clvHistoric]');

    await a.click('[data-testid=nav-settings]');
    await a.click('[data-testid=delete-all]');
    await a.click('dialog[open] [data-testid=confirm-yes]');
    await a.waitForSelector('[data-testid=deleted-all]');

    // B: the empty state, the notice, no error; its Data view lists nothing.
    await b.waitForSelector('[data-testid=ov-nodata]', { timeout: 60_000 });
    assert.match(await text(b, 'tab-notice'), /All local data was deleted in another tab/);
    assert.equal(await b.locator('[data-testid=app-error]').count(), 0);
    await b.click('[data-testid=nav-import]');
    await b.waitForSelector('[data-testid=no-datasets]');
    assert.equal(await b.locator('[data-testid=dataset]').count(), 0);

    assert.deepEqual(errors, []);
    await context.close();
  },
);

/** The forecast's predicted CLV total of the page, once computed with the margin `percent` (text of its tile). */
async function forecastClvTotal(page, percent) {
  const handle = await page.waitForFunction(
    (percent) => {
      const tile = document.querySelector('[data-testid=fc-clv-total]');
      const value = tile?.querySelector('.value')?.textContent?.trim() ?? '';
      if (document.querySelector('[data-testid=fc-busy]') || !/\d/.test(value)) return null;
      return tile.textContent.includes(`margin ${percent} %`) ? value : null;
    },
    percent,
    { timeout: 120_000 },
  );
  return num(await handle.jsonValue());
}

test('a margin saved in one tab is used by the other tab’s forecast', { timeout: 300_000 }, async () => {
  const { a, b, context, errors } = await twoTabs();
  await demoFromA(a, b);

  // B's forecast with no margin entered: 100 %, the CLV on revenue.
  await b.click('[data-testid=nav-forecast]');
  const onRevenue = await forecastClvTotal(b, 100);
  assert.ok(onRevenue > 0, `a predicted CLV: ${onRevenue}`);
  assert.equal(await b.locator('[data-testid=fc-margin-default]').count(), 1);

  // A enters a margin of 40 % in Settings; B's open forecast takes it without a reload.
  await a.click('[data-testid=nav-settings]');
  await a.fill('[data-testid=fig-margin]', '40');
  await a.locator('[data-testid=fig-margin]').dispatchEvent('change');
  const onMargin = await forecastClvTotal(b, 40);
  // The predicted CLV is margin × expected spend × discounted purchases (METRICS): 40 % of the CLV on revenue
  // (both rounded to the cent).
  assert.ok(
    Math.abs(onMargin - 0.4 * onRevenue) <= 0.011,
    `CLV at 40 % ${onMargin}, expected 0.4 × ${onRevenue}`,
  );
  assert.equal(await b.locator('[data-testid=fc-margin-default]').count(), 0);

  assert.deepEqual(errors, []);
  await context.close();
});

/** The demo file's exact duplicate lines (a line equal to an earlier one) and their revenue (quantity × price). */
function demoDuplicates() {
  const lines = readFileSync('public/demo/kundenwert-demo.csv', 'latin1').split(/\r?\n/).slice(1);
  const seen = new Set();
  let count = 0;
  let revenue = 0;
  for (const line of lines) {
    if (line === '') continue;
    if (seen.has(line)) {
      const f = line.split(';');
      count++;
      revenue += Number(f[7]) * Number(f[8].replace(/\./g, '').replace(',', '.'));
    }
    seen.add(line);
  }
  return { count, revenue };
}

test('the duplicates switch in one tab changes the other tab’s analyses', { timeout: 240_000 }, async () => {
  const { a, b, context, errors } = await twoTabs();
  const dups = demoDuplicates();
  await importDemo(a);
  assert.equal(num(await text(a, 'sum-duplicates')), dups.count);
  assert.ok(dups.count > 0);

  // B's Overview with the duplicates kept.
  await b.click('[data-testid=nav-import]');
  await datasetCount(b, 1);
  await b.click('[data-testid=nav-overview]');
  const clv = () =>
    b.waitForFunction(() => {
      const v = document.querySelector('[data-testid=kpi-clvHistoric] .value')?.textContent?.trim() ?? '';
      return /\d/.test(v) ? v : null;
    });
  const kept = num(await (await clv()).jsonValue());
  const customers = num((await text(b, 'ov-customers')).split('·')[0]);

  // A drops them: B's historic CLV falls by their revenue per customer (the customers stay the same).
  await a.click('[data-testid=dups-drop]');
  await a.waitForSelector('[data-testid=dups-drop][aria-pressed=true]');
  await b.waitForFunction(
    (kept) => {
      const v = document.querySelector('[data-testid=kpi-clvHistoric] .value')?.textContent?.trim() ?? '';
      return /\d/.test(v) && Number(v.replace(/[^0-9.-]/g, '')) !== kept;
    },
    kept,
    { timeout: 60_000 },
  );
  const dropped = num(await (await clv()).jsonValue());
  assert.ok(
    Math.abs(kept - dropped - dups.revenue / customers) <= 0.011,
    `historic CLV ${kept} → ${dropped}, expected a fall of ${dups.revenue} / ${customers}`,
  );
  // B's Data view shows the switch as A set it.
  await b.click('[data-testid=nav-import]');
  await b.click('[data-testid=dataset-details]');
  await b.waitForSelector('[data-testid=dups-drop][aria-pressed=true]');

  assert.deepEqual(errors, []);
  await context.close();
});

/** Whether the page shows an app error, and its pageerrors so far: the things that must stay empty. */
async function noError(page, errors, name) {
  assert.equal(await page.locator('[data-testid=app-error]').count(), 0, `${name}: no app error`);
  assert.deepEqual(
    errors.filter((e) => e.startsWith(`${name}:`)),
    [],
    `${name}: no page error`,
  );
}

test(
  "an import and a restore in one tab leave the other's open Overview working, its lists updated",
  { timeout: 300_000 },
  async () => {
    const { a, b, context, errors } = await twoTabs();
    // B opens the Overview of the demo and stays there.
    await demoFromA(a, b);
    await b.click('[data-testid=nav-overview]');
    await b.waitForSelector('[data-testid=kpi-clvHistoric]');
    await customersShown(b);
    const customers = await text(b, 'ov-customers');
    const options = () => b.locator('[data-testid=ctl-dataset] option').allTextContents();
    assert.equal((await options()).length, 1);

    // A imports a second file: B's dataset list gains it without a reload; B's Overview still shows the demo.
    const second = ordersFile('zweiter.csv', 40);
    await a.click('[data-testid=nav-import]');
    await a.setInputFiles('[data-testid=file-input]', second);
    await a.waitForSelector('[data-testid=preview] tbody tr');
    await a.click('[data-testid=start-import]');
    await a.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    await a.click('[data-testid=summary-done]');
    await b.waitForFunction(
      () => document.querySelectorAll('[data-testid=ctl-dataset] option').length === 2,
      null,
      { timeout: 60_000 },
    );
    assert.ok(
      (await options()).some((o) => o.includes('zweiter')),
      (await options()).join(', '),
    );
    assert.match(
      await b.$eval('[data-testid=ctl-dataset] option:checked', (o) => o.textContent ?? ''),
      /kundenwert-demo/,
    );
    assert.equal(await text(b, 'ov-customers'), customers);
    await noError(b, errors, 'B');

    // A backs the workspace up and restores the file beside it: B's workspace list gains the copy, B's Overview
    // goes on showing its own dataset.
    const passphrase = 'zwei-Tabs-Sicherung';
    await a.click('[data-testid=nav-settings]');
    await a.click('[data-testid=bk-open-backup]');
    await a.fill('[data-testid=bk-pass]', passphrase);
    await a.fill('[data-testid=bk-pass2]', passphrase);
    const download = a.waitForEvent('download', { timeout: 120_000 });
    await a.click('[data-testid=bk-start]');
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await a.waitForSelector('[data-testid=bk-done]');
    await a.click('[data-testid=bk-close]');
    await a.click('[data-testid=bk-open-restore]');
    await a.setInputFiles('[data-testid=bk-file]', file);
    await a.waitForSelector('[data-testid=bk-file-info]');
    await a.fill('[data-testid=bk-restore-pass]', passphrase);
    await a.click('[data-testid=bk-restore-start]');
    await a.waitForSelector('[data-testid=bk-exists]', { timeout: 120_000 });
    await a.click('[data-testid=bk-beside]');
    await a.waitForSelector('[data-testid=bk-restored]', { timeout: 120_000 });
    await b.waitForFunction(
      () => document.querySelectorAll('[data-testid=workspace] option').length === 2,
      null,
      {
        timeout: 60_000,
      },
    );
    assert.equal((await options()).length, 2);
    assert.equal(await text(b, 'ov-customers'), customers);
    await noError(b, errors, 'B');
    // B switches to the restored copy: its Overview shows the same customers from the restored rows.
    const copy = (await b.locator('[data-testid=workspace] option').allTextContents())[1];
    await b.selectOption('[data-testid=workspace]', { label: copy });
    await b.waitForFunction(
      () => document.querySelectorAll('[data-testid=ctl-dataset] option').length === 2,
      null,
      { timeout: 60_000 },
    );
    await b.waitForSelector('[data-testid=kpi-clvHistoric]');
    await customersShown(b, { timeout: 60_000 });
    await noError(b, errors, 'B');

    assert.deepEqual(errors, []);
    await context.close();
  },
);
