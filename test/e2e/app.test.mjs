// The app around the import: demo data, language, workspaces, deleting data, CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, idbCounts, text, num, ROOT, SCREENSHOTS } from './harness.mjs';
import { generateDemoRows } from '../../scripts/generate-demo.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

test('the built app carries a CSP that allows no other origin', () => {
  const html = readFileSync(resolve(ROOT, 'dist/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /https?:|\*/);
});

test(
  'demo data imports with one click and shows the generator’s own counts',
  { timeout: 120_000 },
  async () => {
    const { stats, rows } = generateDemoRows();
    // Customers with at least one readable row: a plain check of the generator's rows, independent of the importer.
    const validDate = (s) => {
      const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(s);
      if (!m) return false;
      const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
      return d.getUTCDate() === +m[1] && d.getUTCMonth() === +m[2] - 1;
    };
    const validPrice = (s) => /^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s);
    const customers = new Set(
      rows.filter((r) => r[2] && validDate(r[1]) && validPrice(r[8])).map((r) => r[2]),
    );
    assert.ok(customers.size > 2900);
    const { page, context } = await app.open({ locale: 'de-DE' });
    assert.equal(await text(page, 'nav-import'), 'Daten', 'a German browser gets the German UI');
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-testid=preview] tbody tr');
    assert.equal(await page.locator('[data-testid=opt-encoding]').inputValue(), 'windows-1252');
    assert.equal(await page.locator('[data-testid=opt-delimiter]').inputValue(), ';');
    assert.equal(await page.locator('[data-testid=opt-decimal]').inputValue(), ',');
    assert.equal(await page.locator('[data-testid=opt-dateformat]').inputValue(), 'dmy-dot');
    // Umlauts of Windows-1252 come out right in the preview.
    assert.match(await page.locator('[data-testid=preview]').textContent(), /[äöüÄÖÜß]/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'demo-mapping-de.png'), fullPage: true });
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'demo-summary-de.png'), fullPage: true });
    const de = (s) =>
      Number(
        s
          .replace(/\./g, '')
          .replace(',', '.')
          .replace(/[^0-9.-]/g, ''),
      );
    assert.equal(de(await text(page, 'sum-rowsRead')), stats.lines);
    assert.equal(de(await text(page, 'sum-customers')), customers.size);
    assert.equal(de(await text(page, 'sum-returns')), stats.returnLines);
    assert.equal(de(await text(page, 'sum-duplicates')), stats.duplicateRows);
    const bad = stats.badRows;
    assert.equal(de(await text(page, 'sum-rejected')), bad.missingCustomer + bad.badDate + bad.badAmount);
    // Expected reasons from the generator's rows: an empty cell is "missing", an unreadable one "not readable".
    const expected = { missingCustomer: 0, missingDate: 0, badDate: 0, missingAmount: 0, badPrice: 0 };
    for (const r of rows) {
      if (!r[2]) expected.missingCustomer++;
      else if (!r[1]) expected.missingDate++;
      else if (!validDate(r[1])) expected.badDate++;
      else if (!r[8]) expected.missingAmount++;
      else if (!validPrice(r[8])) expected.badPrice++;
    }
    assert.equal(expected.missingCustomer, bad.missingCustomer);
    assert.equal(expected.missingDate + expected.badDate, bad.badDate);
    assert.equal(expected.missingAmount + expected.badPrice, bad.badAmount);
    const labels = {
      missingCustomer: 'Kundennummer fehlt',
      missingDate: 'Datum fehlt',
      badDate: 'Datum nicht lesbar',
      missingAmount: 'Betrag oder Preis fehlt',
      badPrice: 'Einzelpreis nicht lesbar',
    };
    for (const [r, n] of Object.entries(expected)) {
      if (n === 0) continue;
      const cells = await page.locator(`[data-testid=reason-${r}] td`).allTextContents();
      assert.deepEqual(cells.slice(0, 2), [labels[r], String(n)]);
    }
    assert.equal(await text(page, 'sum-range'), '02.01.2023 – 31.12.2025');
    assert.match(
      await text(page, 'sum-netRevenue'),
      /^[\d.]+,\d\d\s€$/,
      'German money format with the euro sign',
    );

    // Duplicates: the choice to drop them persists with the dataset.
    await page.click('[data-testid=dups-drop]');
    await page.waitForSelector('[data-testid=dups-drop][aria-pressed=true]');
    await page.click('[data-testid=summary-done]');
    await page.reload();
    await page.click('[data-testid=dataset-details]');
    await page.waitForSelector('[data-testid=dups-drop][aria-pressed=true]');
    await context.close();
  },
);

test('language choice persists across reloads and formats numbers', { timeout: 60_000 }, async () => {
  const { page, context } = await app.open({ locale: 'en-US' });
  assert.equal(await text(page, 'nav-import'), 'Data');
  await page.selectOption('[data-testid=language]', 'de');
  assert.equal(await text(page, 'nav-import'), 'Daten');
  await page.reload();
  await page.waitForSelector('[data-testid=dropzone]');
  assert.equal(await text(page, 'nav-import'), 'Daten');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await context.close();
});

test('workspaces: create, rename, switch, delete with their datasets', { timeout: 60_000 }, async () => {
  const { page, context } = await app.open();
  const csv = 'Customer ID,Date,Amount\nA,2024-01-05,10.00\nB,2024-02-01,20.50\nA,2024-03-01,5.25\n';
  const importTiny = async (name) => {
    await page.setInputFiles('[data-testid=file-input]', {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.waitForSelector('[data-testid=preview] tbody tr');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]');
    assert.equal(await text(page, 'sum-netRevenue'), '€35.75');
    await page.click('[data-testid=summary-done]');
  };
  await importTiny('first.csv');
  await page.click('[data-testid=ws-new]');
  await page.fill('[data-testid=ws-new-name]', 'Kunde Müller');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=no-datasets]');
  await importTiny('second.csv');
  assert.equal(await page.locator('[data-testid=dataset]').count(), 1);
  const options = await page.locator('[data-testid=workspace] option').allTextContents();
  assert.deepEqual(options, ['My workspace', 'Kunde Müller']);

  await page.click('[data-testid=nav-settings]');
  await page.locator('[data-testid=ws-rename]').nth(1).click();
  await page.fill('[data-testid=ws-rename-input]', 'Müller & Co.');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=workspace-list]')?.textContent?.includes('Müller & Co.'),
  );
  await page.screenshot({ path: resolve(SCREENSHOTS, 'settings.png'), fullPage: true });
  // Action texts of both workspaces (ids 1 and 2); deleting the second takes its own along.
  await page.evaluate(() => {
    localStorage.setItem('kundenwert.actions.1', '{"champions":"Danke sagen"}');
    localStorage.setItem('kundenwert.actions.2', '{"champions":"Anrufen"}');
  });
  await page.locator('[data-testid=ws-delete]').nth(1).click();
  await page.click('dialog[open] [data-testid=confirm-yes]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=workspace] option').length === 1);
  const counts = await idbCounts(page);
  assert.equal(counts.workspaces, 1);
  assert.equal(counts.datasets, 1, 'only the first workspace’s dataset is left');
  assert.deepEqual(
    await page.evaluate(() => [
      localStorage.getItem('kundenwert.actions.1'),
      localStorage.getItem('kundenwert.actions.2'),
    ]),
    ['{"champions":"Danke sagen"}', null],
  );
  await context.close();
});

test('"Delete all local data" asks first, then empties the database', { timeout: 60_000 }, async () => {
  const { page, context } = await app.open();
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'tiny.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Customer,Date,Amount\nX,2024-01-01,1\n,2024-01-02,2\n'),
  });
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]');
  assert.equal(num(await text(page, 'sum-rejected')), 1);
  // Choices kept in localStorage: an action text of this workspace, the forecast margin, the language.
  await page.evaluate(() => {
    localStorage.setItem('kundenwert.actions.1', '{"champions":"Anrufen"}');
    localStorage.setItem('kundenwert.forecastMargin', '40');
    localStorage.setItem('other.app', 'not ours');
  });
  await page.click('[data-testid=nav-settings]');
  await page.click('[data-testid=delete-all]');
  await page.click('dialog[open] button:not([data-testid])'); // Cancel
  assert.equal((await idbCounts(page)).datasets, 1, 'cancelling keeps the data');
  await page.click('[data-testid=delete-all]');
  await page.click('dialog[open] [data-testid=confirm-yes]');
  await page.waitForSelector('[data-testid=deleted-all]');
  const counts = await idbCounts(page);
  assert.deepEqual(
    {
      datasets: counts.datasets,
      chunks: counts.chunks,
      rejects: counts.rejects,
      dictionaries: counts.dictionaries,
    },
    { datasets: 0, chunks: 0, rejects: 0, dictionaries: 0 },
  );
  assert.equal(counts.workspaces, 1, 'a fresh empty workspace is created');
  // Of Kundenwert's own keys only the language and the new workspace's id are left; other keys are not ours.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(
    keys.filter((k) => !['kundenwert.locale', 'kundenwert.workspace'].includes(k)),
    ['other.app'],
  );
  await context.close();
});

/** The texts of preview column `n` (1-based: line, check, customer, date, amount, …). */
const previewColumn = (page, n) =>
  page.locator(`[data-testid=preview] tbody tr td:nth-child(${n})`).allTextContents();

async function setSkipRows(page, n) {
  await page.fill('[data-testid=opt-skiprows]', String(n));
  await page.locator('[data-testid=opt-skiprows]').dispatchEvent('change');
}

test('bad files get a clear message and leave nothing behind', { timeout: 60_000 }, async () => {
  const { page, context } = await app.open();
  const cases = [
    ['empty.csv', '', /The file is empty/],
    ['header.csv', 'Kundennummer;Datum;Betrag\r\n', /only a header row/],
  ];
  for (const [name, body, message] of cases) {
    await page.setInputFiles('[data-testid=file-input]', {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(body),
    });
    await page.waitForSelector('[data-testid=import-error]');
    assert.match(await text(page, 'import-error'), message);
  }
  // No column holds dates: the mapping step says so and how to fix it, and Start stays disabled.
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'nodates.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Kunde;Notiz;Betrag\nA;hallo;12,50\nB;welt;3,00\n'),
  });
  await page.waitForSelector('[data-testid=no-date-column]');
  assert.match(await text(page, 'no-date-column'), /No column holds a readable date.*change the delimiter/);
  assert.match(await text(page, 'missing-roles'), /Please map: Date/);
  // Rows are not judged without a date column; the preview does not call them ok.
  assert.deepEqual(await previewColumn(page, 2), ['not checked yet', 'not checked yet']);
  assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), true);
  await page.screenshot({ path: resolve(SCREENSHOTS, 'import-no-date-column.png'), fullPage: true });
  await page.click('[data-testid=mapping-back]');
  // A wrong delimiter: the file is sniffed again under it (no dates, no columns), and the right one brings the
  // proposed mapping back.
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'semi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Kunde;Datum;Betrag\nA;01.02.2024;1,50\nB;03.02.2024;2,00\nA;05.02.2024;3,00\n'),
  });
  await page.waitForSelector('[data-testid=preview] tbody tr');
  assert.equal(await page.locator('[data-testid=role-date]').inputValue(), '1');
  await page.selectOption('[data-testid=opt-delimiter]', ',');
  await page.waitForSelector('[data-testid=no-date-column]');
  assert.equal(await page.locator('[data-testid=role-date]').inputValue(), '');
  assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), true);
  await page.selectOption('[data-testid=opt-delimiter]', ';');
  await page.waitForSelector('[data-testid=no-date-column]', { state: 'detached' });
  assert.deepEqual(
    await Promise.all(
      ['customer', 'date', 'amount'].map((r) => page.locator(`[data-testid=role-${r}]`).inputValue()),
    ),
    ['0', '1', '2'],
  );
  assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), false);
  // More rows skipped than the file has: its own message, Start blocked; back to 0 and all is well again.
  await setSkipRows(page, 5);
  await page.waitForSelector('[data-testid=preview-error]');
  assert.match(
    await text(page, 'preview-error'),
    /With 5 rows skipped before the header, no data rows are left/,
  );
  assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), true);
  await setSkipRows(page, 0);
  await page.waitForSelector('[data-testid=preview-error]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), false);
  // The preview under `;` again: three rows, amounts read with the decimal comma, no problem flagged.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=preview] tbody tr').length === 3);
  assert.equal(await page.locator('[data-testid=preview-problems]').count(), 0);
  assert.deepEqual(await previewColumn(page, 5), ['1.50', '2.00', '3.00']);
  await page.click('[data-testid=mapping-back]');
  // Dates that do not parse at all: the import refuses and says why.
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'baddates.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Customer,Date,Amount\nA,2024-01-05,1\nB,2024-01-06,2\n'),
  });
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await page.selectOption('[data-testid=opt-dateformat]', 'dmy-dot');
  await page.waitForSelector('[data-testid=preview-problems]');
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-error]');
  assert.match(
    await text(page, 'import-error'),
    /None of the 2 rows could be imported \(most common reason: Date not readable\)/,
  );
  assert.equal((await idbCounts(page)).datasets ?? 0, 0);
  await context.close();
});

test(
  'ambiguous dates must be chosen; an inch mark loses only its own line; Excel files are named',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await app.open();
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'us.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Customer,Date,Amount\nA,03/04/2024,1\nB,05/06/2024,2\n'),
    });
    await page.waitForSelector('[data-testid=date-ambiguous]');
    assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), true);
    // No format is shown as chosen; picking the proposed one (month first) is a choice too.
    assert.equal(await page.locator('[data-testid=opt-dateformat]').inputValue(), '');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'import-date-ambiguous.png') });
    await page.selectOption('[data-testid=opt-dateformat]', 'mdy-slash');
    await page.waitForSelector('[data-testid=date-chosen]');
    assert.equal(await page.locator('[data-testid=start-import]').isDisabled(), false);
    await page.selectOption('[data-testid=opt-dateformat]', 'dmy-slash');
    await page.waitForSelector('[data-testid=date-chosen]');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]');
    assert.equal(await text(page, 'sum-range'), '3 Apr 2024 – 5 Jun 2024');
    await page.click('[data-testid=summary-done]');

    const rows = [
      'Kunde;Datum;Artikel;Betrag',
      'K1;01.02.2024;Rohr;10,00',
      'K2;02.02.2024;"Schraube 3/8" Zoll;2,50',
    ];
    for (let i = 0; i < 20; i++) rows.push(`K${i};0${(i % 9) + 1}.03.2024;Mutter;1,00`);
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'zoll.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    await page.waitForSelector('[data-testid=preview] tbody tr');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]');
    assert.equal(num(await text(page, 'sum-imported')), 21);
    assert.deepEqual(
      (await page.locator('[data-testid=reason-unclosedQuote] td').allTextContents()).slice(0, 2),
      ['Quote never closed', '1'],
    );
    await page.click('[data-testid=summary-done]');

    await page.setInputFiles('[data-testid=file-input]', {
      name: 'umsatz.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    });
    await page.waitForSelector('[data-testid=import-error]');
    assert.match(
      await text(page, 'import-error'),
      /umsatz\.xlsx:\s*This is not a CSV file but an Excel workbook/,
    );
    await context.close();
  },
);
