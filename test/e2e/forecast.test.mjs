// The Forecast view in Chromium: CDNOW with the literature's settings, and the grocery data without amounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, hasSharedData, SHARED_DATA, text, SCREENSHOTS } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

const skip = hasSharedData ? false : 'needs ../shared/data (absent)';

async function importFile(page, name) {
  await page.setInputFiles('[data-testid=file-input]', resolve(SHARED_DATA, name));
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
}

async function inked(page, testid) {
  return page.evaluate((tid) => {
    const c = document.querySelector(`[data-testid=${tid}] canvas`);
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
    return n;
  }, testid);
}

test(
  'CDNOW in weeks with calibration end 1997-09-30: r = 0.243, holdout charts, CLV in the customer table',
  { skip, timeout: 120_000 },
  async () => {
    const { page, context } = await app.open();
    await importFile(page, 'cdnow_sample.csv');
    await page.click('[data-testid=nav-forecast]');
    await page.waitForSelector('[data-testid=fc-settings]');
    await page.selectOption('[data-testid=fc-unit]', 'week');
    await page.fill('[data-testid=fc-calibration-end]', '1997-09-30');
    await page.locator('[data-testid=fc-calibration-end]').dispatchEvent('change');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=fc-holdout]') &&
        !document.querySelector('[data-testid=fc-busy]'),
      null,
      { timeout: 60_000 },
    );
    assert.equal(await text(page, 'fc-param-validation-r'), '0.243');
    assert.equal(await text(page, 'fc-param-validation-alpha'), '4.414');
    assert.equal(await text(page, 'fc-param-validationSpend-p'), '6.250');
    assert.equal(await text(page, 'fc-param-validationSpend-gamma'), '15.444');
    // The holdout: 39 weeks; the two validation charts are drawn.
    assert.match(await text(page, 'fc-validation'), /following 39 weeks/);
    assert.ok((await inked(page, 'chart-fc-frequency')) > 1000);
    assert.ok((await inked(page, 'chart-fc-tracking')) > 1000);
    assert.ok((await inked(page, 'chart-fc-palive')) > 500);
    assert.ok((await inked(page, 'chart-fc-clv')) > 500);
    assert.equal(await page.locator('[data-testid=fc-top] tbody tr').count(), 20);
    // The screenshot shows the scorecard with its proposal and the ranges (totals and groups).
    await page.waitForSelector('[data-testid=fc-sc-proposal]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=fc-expected-range]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=fc-group-range-palive]', { timeout: 60_000 });
    assert.match(await text(page, 'fc-sc-proposal'), /^Proposal: Pareto\/NBD\./);
    assert.match(await text(page, 'fc-expected-range'), /^80 %: .+–.+95 %: .+–.+$/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'forecast.png'), fullPage: true });

    // The customer table gains P(alive), expected purchases and the predicted CLV; sorted by CLV, the first row
    // is the top customer of the Forecast view.
    const topId = (await page.locator('[data-testid=fc-top] tbody tr th').first().textContent()).trim();
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=cu-clv]');
    await page.click('[data-testid=cu-sort-clv]');
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid=cu-row]')?.textContent.trim() === id,
      topId,
    );
    assert.match(await page.locator('[data-testid=cu-clv]').first().textContent(), /\d/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'customers-forecast.png'), fullPage: true });
    await context.close();
  },
);

test('grocery.csv has no amounts: purchases only, with the reason', { skip, timeout: 120_000 }, async () => {
  const { page, context } = await app.open();
  await importFile(page, 'grocery.csv');
  await page.click('[data-testid=nav-forecast]');
  await page.waitForSelector('[data-testid=fc-no-amount]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=fc-diagnostics]', { timeout: 60_000 });
  assert.match(await text(page, 'fc-no-amount'), /no amounts/);
  assert.match(await text(page, 'fc-clv-total'), /Needs amounts/);
  assert.ok((await inked(page, 'chart-fc-palive')) > 500);
  assert.equal(await page.locator('[data-testid=chart-fc-clv]').count(), 0);
  assert.ok(!(await text(page, 'fc-diagnostics')).includes('NaN'));
  await page.screenshot({ path: resolve(SCREENSHOTS, 'forecast-grocery.png'), fullPage: true });
  await context.close();
});
