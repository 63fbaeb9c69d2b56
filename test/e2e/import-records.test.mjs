// Customer master data and marketing spend through the Data view in Chromium: the kind of file is chosen, the
// mapping is proposed from German headers (just Start), and the summary shows the rows, the rejects with their
// reasons and the rejected lines. The files are written here, as Windows-1252 bytes with `;` and decimal commas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, text, num, importDemo, ROOT } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** Windows-1252 bytes (every character here is in Latin-1), CRLF line ends. */
const cp1252 = (lines) => Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
const csv = (name, buffer) => ({ name, mimeType: 'text/csv', buffer });

const MASTER = [
  'Kundennummer;Firma;Branche;Region;Unternehmensgröße;Akquisekanal;Erstkontakt;Support-Tickets;Servicekosten;NPS',
  'K-001;Müller GmbH;Großhandel;Bayern;10-49;Messe;15.03.2022;3;1.234,50;9', // 2
  ';Schäfer & Söhne;Handel;Nordrhein-Westfalen;1-9;Empfehlung;01.02.2023;1;50,00;8', // 3 missingCustomer
  'K-003;Weiß AG;Industrie;Baden-Württemberg;50-249;Google Ads;01.06.2023;0;0,00;11', // 4 badScore
  'K-004;Köhler KG;Handel;Hessen;1-9;Empfehlung;10.07.2023;2;99,90;7', // 5
  'K-005;Groß & Partner;Industrie;Bayern;250+;Messe;11.08.2023;5;2.000,00;6', // 6
];

const SPEND = [
  'Monat;Kanal;Kosten;Impressionen;Klicks;Leads;Neukunden',
  '01.2023;Messe;5.000,00;;;40;6', // 2
  '02.2023;Google Ads;1.250,50;120.000;2.400;60;9', // 3
  'Mär 2023;Google Ads;1.100,00;110.000;2.200;55;8', // 4
  '13.2023;Messe;700,00;;;10;1', // 5 badPeriod
  '04.2023;Empfehlung;300,00;;;12;3', // 6
];

async function importKind(page, kind, file, check = async () => {}) {
  await page.click(`[data-testid=kind-${kind}]`);
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await check();
  await page.click('[data-testid=start-import]');
  await page.waitForSelector(`[data-testid=record-summary][data-source=${kind}]`, { timeout: 20_000 });
}

test(
  'German customer master data imports with the proposed mapping, its bad rows shown with their reasons',
  { timeout: 90_000 },
  async () => {
    const { page, context } = await app.open();
    // The first-contact dates are dates: their format is offered.
    await importKind(page, 'customers', csv('Kundenstamm.csv', cp1252(MASTER)), async () =>
      assert.equal(await page.locator('[data-testid=opt-dateformat]').count(), 1),
    );
    assert.equal(num(await text(page, 'sum-rowsRead')), 5);
    assert.equal(num(await text(page, 'sum-imported')), 3);
    assert.equal(num(await text(page, 'sum-rejected')), 2);
    assert.equal(num(await text(page, 'sum-customers')), 3);
    assert.equal(await page.locator('[data-testid=reason-missingCustomer]').count(), 1);
    assert.equal(await page.locator('[data-testid=reason-badScore]').count(), 1);
    const rows = await page.locator('[data-testid=reject-row]').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^3\s/);
    assert.match(rows[0], /Schäfer & Söhne/);
    assert.match(rows[1], /^4\s/);
    assert.match(rows[1], /Weiß AG/);
    // No orders yet: the join of the ids follows once there are orders.
    assert.equal(await page.locator('[data-testid=join-no-orders]').count(), 1);
    // Back on the Data view the file is listed as the master data in use.
    await page.click('[data-testid=summary-done]');
    await page.waitForSelector('[data-testid=records-customers] [data-testid=record-file]');
    assert.equal(
      await page.locator('[data-testid=records-customers] [data-testid=record-in-use]').count(),
      1,
    );
    await context.close();
  },
);

test(
  'a spend file with an unreadable month shows the rejected row and its reason',
  { timeout: 90_000 },
  async () => {
    const { page, context } = await app.open();
    // Months only (01.2023, Mär 2023): no date format to choose.
    await importKind(page, 'spend', csv('Marketing.csv', cp1252(SPEND)), async () =>
      assert.equal(await page.locator('[data-testid=opt-dateformat]').count(), 0),
    );
    assert.equal(num(await text(page, 'sum-imported')), 4);
    assert.equal(num(await text(page, 'sum-rejected')), 1);
    assert.equal(await page.locator('[data-testid=reason-badPeriod]').count(), 1);
    const rows = await page.locator('[data-testid=reject-row]').allInnerTexts();
    assert.equal(rows.length, 1);
    assert.match(rows[0], /^5\s/);
    assert.match(rows[0], /13\.2023;Messe;700,00/);
    // No customer came through any channel yet: every channel is listed, none dropped.
    assert.match(await text(page, 'unknown-channels'), /Messe, Google Ads, Empfehlung/);
    // The same file again: spend files add up, so the mapping step warns before a second import.
    await page.click('[data-testid=summary-done]');
    await page.waitForSelector('[data-testid=records-spend] [data-testid=record-file]');
    await page.click('[data-testid=kind-spend]');
    await page.setInputFiles('[data-testid=file-input]', csv('Marketing.csv', cp1252(SPEND)));
    await page.waitForSelector('[data-testid=already-imported]');
    assert.match(await text(page, 'already-imported'), /counts the same spend twice/);
    await context.close();
  },
);

test(
  'the demo imports its orders, then its master data and spend; without those files the orders stand with a notice',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await app.open();
    await importDemo(page);
    const shipped = ['kundenwert-demo-kunden.csv', 'kundenwert-demo-marketing.csv'].every((f) =>
      existsSync(resolve(ROOT, 'dist/demo', f)),
    );
    assert.ok(num(await text(page, 'sum-imported')) > 0, 'the orders are imported');
    assert.equal(await page.locator('[data-testid=import-notice]').count(), shipped ? 0 : 1);
    await page.click('[data-testid=summary-done]');
    await page.waitForSelector('[data-testid=dataset]');
    const files = async (kind) =>
      page.locator(`[data-testid=records-${kind}] [data-testid=record-file]`).count();
    if (shipped) {
      await page.waitForSelector('[data-testid=records-spend] [data-testid=record-file]');
      assert.equal(await files('customers'), 1);
      assert.equal(await files('spend'), 1);
      // The master data's industry is a filter of every view; the generator leaves 15 ordering customers out of the
      // master file, and exactly they remain under "not in the master data".
      await page.click('[data-testid=nav-overview]');
      await page.waitForSelector('[data-testid=ov-customers]');
      await page.selectOption('[data-testid=ctl-filter-attr]', 'master:industry');
      await page.selectOption('[data-testid=ctl-filter-value]', '(not in master data)');
      await page.click('[data-testid=ctl-filter-add]');
      await page.waitForFunction(() =>
        /^15 customers/.test(document.querySelector('[data-testid=ov-customers]')?.textContent?.trim() ?? ''),
      );
    } else {
      assert.equal(await files('customers'), 0);
      assert.equal(await files('spend'), 0);
    }
    await context.close();
  },
);
