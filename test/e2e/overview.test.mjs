// The Overview on the demo data: KPI tiles, charts, the as-of date and a region filter, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, text, num, importDemo, SCREENSHOTS } from './harness.mjs';
import { generateDemoRows } from '../../scripts/generate-demo.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** Clicks a download button and returns the file's text (without the BOM). */
async function downloadOf(page, testid) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-testid=${testid}]`),
  ]);
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\ufeff/, '');
}

/** A small CSV reader for our own exports (quoted cells, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** Customers of a region as METRICS.md defines them, computed from the generator's rows with plain code. */
function customersOf(region) {
  const { rows } = generateDemoRows();
  const de = (s) => Number(s.replace(/\./g, '').replace(',', '.'));
  const days = new Map();
  for (const r of rows) {
    const [, date, cust, , , , , menge, preis, , reg] = r;
    if (!cust || reg !== region || !/^\d\d\.\d\d\.\d{4}$/.test(date) || !/^-?[\d.]+(,\d+)?$/.test(preis))
      continue;
    const [d, m, y] = date.split('.').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCDate() !== d || t.getUTCMonth() !== m - 1) continue;
    const key = `${cust}|${date}`;
    const e = days.get(key) ?? { net: 0, buys: false };
    e.net += Number(menge) * de(preis);
    e.buys ||= Number(menge) >= 0;
    days.set(key, e);
  }
  const out = new Set();
  for (const [key, e] of days) if (e.buys && e.net >= -1e-9) out.add(key.split('|')[0]);
  return out.size;
}

test(
  'Overview: tiles with numbers, charts drawn, as-of date and region filter change the figures',
  { timeout: 120_000 },
  async () => {
    const { page, context } = await app.open();
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=ov-nodata]');
    await importDemo(page);
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=ov-tiles]');

    const customers = () => text(page, 'ov-customers').then((s) => num(s.split('customers')[0]));
    const all = await customers();
    assert.ok(all > 2900, `customers ${all}`);
    for (const id of ['clvHistoric', 'aov', 'repeatRate', 'churnRate', 'nrr', 'top20Share']) {
      assert.match(await text(page, `kpi-${id}`), /\d/, `${id} shows a number`);
    }
    assert.match(
      await text(page, 'ov-pareto'),
      /^The top 20 % of customers by revenue \(600 of [\d,]+\) bring \d+\.\d% of the revenue\.$/,
    );
    // The charts drew something: the canvases hold non-blank pixels.
    for (const id of ['chart-trend', 'chart-lorenz']) {
      const inked = await page.evaluate((tid) => {
        const c = document.querySelector(`[data-testid=${tid}] canvas`);
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
        return n;
      }, id);
      assert.ok(inked > 1000, `${id} has ${inked} drawn pixels`);
    }
    await page.screenshot({ path: resolve(SCREENSHOTS, 'overview.png'), fullPage: true });

    // An earlier as-of date: fewer customers and another historic value.
    const clvBefore = await text(page, 'kpi-clvHistoric');
    await page.fill('[data-testid=ctl-asof]', '2024-06-30');
    await page.locator('[data-testid=ctl-asof]').dispatchEvent('change');
    await page.waitForFunction(
      (n) => !document.querySelector('[data-testid=ov-customers]').textContent.startsWith(n),
      String(all.toLocaleString('en')),
    );
    assert.ok((await customers()) < all);
    assert.notEqual(await text(page, 'kpi-clvHistoric'), clvBefore);
    await page.fill('[data-testid=ctl-asof]', '2025-12-31');
    await page.locator('[data-testid=ctl-asof]').dispatchEvent('change');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=ov-customers]').textContent.startsWith(n),
      all.toLocaleString('en'),
    );

    // A region filter: the customer count drops to that region's count.
    await page.selectOption('[data-testid=ctl-filter-attr]', 'region');
    const region = (await page.locator('[data-testid=ctl-filter-value] option').allTextContents())[1];
    await page.selectOption('[data-testid=ctl-filter-value]', region);
    await page.click('[data-testid=ctl-filter-add]');
    await page.waitForSelector('[data-testid=ctl-filters]');
    const expected = customersOf(region);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=ov-customers]').textContent.startsWith(n),
      expected.toLocaleString('en'),
    );
    assert.equal(await customers(), expected);
    await context.close();
  },
);

test('Cohorts and Segments render non-empty data that adds up', { timeout: 120_000 }, async () => {
  const { page, context } = await app.open();
  await importDemo(page);
  await page.click('[data-testid=nav-overview]');
  await page.waitForSelector('[data-testid=ov-tiles]');
  const customers = num((await text(page, 'ov-customers')).split('customers')[0]);

  await page.click('[data-testid=nav-cohorts]');
  await page.waitForSelector('[data-testid=co-heatmap] tbody tr');
  const sizes = await page.locator('[data-testid=co-heatmap] tbody tr td:nth-child(2)').allTextContents();
  assert.equal(sizes.length, 36, 'one monthly cohort per month of 2023–2025');
  assert.equal(
    sizes.reduce((a, s) => a + num(s), 0),
    customers,
    'cohort sizes sum to the customer count',
  );
  const firstRow = await page
    .locator('[data-testid=co-heatmap] tbody tr')
    .first()
    .locator('td')
    .allTextContents();
  assert.equal(firstRow[1], '100%', 'everybody is active in month 0');
  await page.selectOption('[data-testid=co-grain]', 'quarter');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=co-heatmap] tbody tr').length === 12,
  );
  await page.waitForSelector('[data-testid=chart-cohort-curves] canvas');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'cohorts.png'), fullPage: true });

  // The heatmap's CSV: one row per quarterly cohort, sizes that sum to the customers, shares of 1 in period 0.
  const heat = parseCsv(await downloadOf(page, 'co-heatmap-csv'));
  // Shares are written as percent (src/shared/csv.ts): month 0 is 100 % of every cohort.
  assert.deepEqual(heat[0].slice(0, 3), ['Cohort', 'Customers', '0 (%)']);
  assert.equal(heat.length, 13);
  assert.equal(
    heat.slice(1).reduce((a, r) => a + Number(r[1]), 0),
    customers,
  );
  assert.ok(heat.slice(1).every((r) => r[2] === '100'));

  // The as-of date and a filter set right here, in the Cohorts view: fewer cohorts, then one region's customers.
  await page.fill('[data-testid=ctl-asof]', '2024-06-30');
  await page.locator('[data-testid=ctl-asof]').dispatchEvent('change');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=co-heatmap] tbody tr').length === 6,
  );
  await page.click('[data-testid=ctl-asof-reset]');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid=co-heatmap] tbody tr').length === 12,
  );
  await page.selectOption('[data-testid=ctl-filter-attr]', 'region');
  const region = (await page.locator('[data-testid=ctl-filter-value] option').allTextContents())[2];
  await page.selectOption('[data-testid=ctl-filter-value]', region);
  await page.click('[data-testid=ctl-filter-add]');
  const inRegion = customersOf(region);
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[data-testid=co-heatmap] tbody tr td:nth-child(2)')].reduce(
        (a, td) => a + Number(td.textContent.replace(/,/g, '')),
        0,
      ) === n,
    inRegion,
  );
  await page.click(`[aria-label="Remove filter Region"]`);
  await page.waitForFunction(() => !document.querySelector('[data-testid=ctl-filters]'));

  await page.click('[data-testid=nav-segments]');
  await page.waitForSelector('[data-testid=sg-table] tbody tr');
  assert.notEqual(await page.locator('[data-testid=sg-attribute]').inputValue(), '');
  await page.selectOption('[data-testid=sg-attribute]', 'region');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=sg-table] thead th')?.textContent?.trim() === 'Region',
  );
  const regionCustomers = await page
    .locator('[data-testid=sg-table] tbody tr td:nth-child(2)')
    .allTextContents();
  assert.equal(
    regionCustomers.reduce((a, s) => a + num(s), 0),
    customers,
    'each demo customer has one region',
  );
  await page.waitForSelector('[data-testid=chart-segments] canvas');
  await page.screenshot({ path: resolve(SCREENSHOTS, 'segments.png'), fullPage: true });
  const sg = parseCsv(await downloadOf(page, 'sg-table-csv'));
  assert.equal(sg[0][0], 'Region');
  assert.equal(
    sg.slice(1).reduce((a, r) => a + Number(r[1]), 0),
    customers,
  );
  await context.close();
});

test(
  'Customers: the RFM map and segments partition the customers; the table sorts, searches, scrolls and opens a customer',
  { timeout: 120_000 },
  async () => {
    const { page, context } = await app.open();
    await importDemo(page);
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=ov-tiles]');
    const customers = num((await text(page, 'ov-customers')).split('customers')[0]);

    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=cu-row]');
    const cellCounts = await page.locator('[data-testid=rfm-map] .cell .n').allTextContents();
    assert.equal(cellCounts.length, 25);
    assert.equal(
      cellCounts.reduce((a, s) => a + num(s), 0),
      customers,
      'the 25 cells partition the customers',
    );
    const segCounts = await page
      .locator('[data-testid=rfm-segments] tbody tr td:nth-child(2)')
      .allTextContents();
    assert.equal(
      segCounts.reduce((a, s) => a + num(s.split('(')[0]), 0),
      customers,
      'the 11 segments partition them',
    );
    const segCsv = parseCsv(await downloadOf(page, 'rfm-segments-csv'));
    assert.equal(segCsv.length, 12, 'a header and the 11 segments');
    assert.equal(
      segCsv.slice(1).reduce((a, r) => a + Number(r[1]), 0),
      customers,
    );
    assert.ok(
      // 11 shares in percent, each rounded to 0.1.
      Math.abs(segCsv.slice(1).reduce((a, r) => a + Number(r[4]), 0) - 100) <= 0.55,
      'revenue shares sum to 100 %',
    );
    assert.match(
      await text(page, 'customer-table'),
      new RegExp(`^${customers.toLocaleString('en')} customers`),
    );

    // Sorted by revenue, descending: the first row has the most revenue.
    const revenues = await page
      .locator('[data-testid=customer-table] [role=row] [role=cell]:nth-child(3)')
      .allTextContents();
    const values = revenues.slice(0, 5).map(num);
    assert.deepEqual(
      [...values].sort((a, b) => b - a),
      values,
    );

    // Virtualized: scroll to the end and the last customers arrive.
    await page.locator('[data-testid=cu-viewport]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('[data-testid=customer-table] [role=row]')].some(
          (r) => r.getAttribute('aria-rowindex') === String(n + 1),
        ),
      customers,
    );
    assert.ok(
      (await page.locator('[data-testid=customer-table] [role=row]').count()) < 80,
      'only the visible rows are in the DOM',
    );

    // Search, then open a customer: the timeline lists their lines.
    await page.fill('[data-testid=cu-search]', 'K-10023');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=customer-table] h2')?.textContent?.startsWith('1 customer'),
    );
    await page.click('[data-testid=cu-row]');
    await page.waitForSelector('[data-testid=cu-detail] li');
    assert.match(await text(page, 'cu-detail'), /^Customer K-10023/);

    // A click on a map cell filters the table to that cell's segment.
    await page.fill('[data-testid=cu-search]', '');
    const champions = num(
      (
        await page.locator('[data-testid=rfm-segments] tbody tr').first().locator('td').first().textContent()
      ).split('(')[0],
    );
    await page.locator('[data-testid=rfm-map] .cell').first().click(); // R 5, FM 1: new customers
    const newCustomers = num(await page.locator('[data-testid=rfm-map] .cell .n').first().textContent());
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid=customer-table] h2')?.textContent?.startsWith(`${n} customer`),
      newCustomers.toLocaleString('en'),
    );
    assert.ok(champions > 0);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'customers.png'), fullPage: true });
    await context.close();
  },
);
