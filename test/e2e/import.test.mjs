import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startApp, hasSharedData, SHARED_DATA, idbCounts, text, num, SCREENSHOTS } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

const skip = hasSharedData ? false : 'needs ../shared/data (absent)';

test(
  'imports Online Retail through the file input and shows the known totals',
  { skip, timeout: 180_000 },
  async () => {
    const { page } = await app.open();
    await page.setInputFiles('[data-testid=file-input]', resolve(SHARED_DATA, 'online_retail.csv'));
    await page.waitForSelector('[data-testid=preview] tbody tr');
    assert.equal(await page.locator('[data-testid=role-customer]').inputValue(), '6');
    assert.equal(await page.locator('[data-testid=role-quantity]').inputValue(), '3');
    assert.equal(await page.locator('[data-testid=role-unitPrice]').inputValue(), '5');
    assert.equal(await page.locator('[data-testid=role-amount]').inputValue(), '');
    // Online Retail is a UK shop: the amounts are pounds.
    await page.selectOption('[data-testid=opt-currency]', 'GBP');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'import-mapping.png'), fullPage: true });
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 120_000 });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'import-summary.png'), fullPage: true });
    assert.equal(num(await text(page, 'sum-rowsRead')), 541909);
    assert.equal(num(await text(page, 'sum-rejected')), 135080);
    assert.equal(num(await text(page, 'sum-imported')), 406829);
    assert.equal(num(await text(page, 'sum-customers')), 4372);
    assert.equal(await text(page, 'sum-netRevenue'), '£8,300,065.81');
    assert.equal(num(await text(page, 'sum-returns')), 8905);
    assert.equal(num(await text(page, 'sum-duplicates')), 5225);
    assert.match(await text(page, 'reason-missingCustomer'), /135,080/);
    assert.equal(await text(page, 'reason-missingCustomer-revshare'), '14.9%');

    // The rejects download holds the original lines.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-rejects]'),
    ]);
    const csv = await (
      await download.createReadStream()
    )
      .toArray()
      .then((b) => Buffer.concat(b).toString('utf8'));
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    // A header, the file's own header row (to fix and re-import), then every rejected row.
    assert.equal(lines.length, 1 + 1 + 135080);
    assert.equal(lines[0], 'Line,Reason,Original line');
    assert.equal(
      lines[1],
      '1,Header row of the file (to fix and re-import),"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"',
    );
    // The first row without a CustomerID is line 624 of the original file (checked with a plain CSV reader).
    assert.equal(
      lines[2],
      '624,Customer id missing,"536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom"',
    );
    assert.equal(download.suggestedFilename(), 'online_retail – rejected rows.csv');

    // Reload: the dataset is still there.
    await page.click('[data-testid=summary-done]');
    await page.reload();
    await page.waitForSelector('[data-testid=dataset]');
    assert.equal(await page.locator('[data-testid=dataset]').count(), 1);
    const counts = await idbCounts(page);
    assert.equal(counts.datasets, 1);
    assert.ok(counts.chunks > 0);
    await page.context().close();
  },
);
