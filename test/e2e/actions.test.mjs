// The Actions view in Chromium on the demo data: the reactivation list appears with its reasons and has exactly the
// customers an independent reading of the demo CSV finds inactive for 12 months; its CSV downloads as German text
// (`;`, decimal commas); a customer id that a spreadsheet would read as a formula comes out neutralised; a segment
// row of the Customers view opens the matching list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, importDemo, text, ROOT } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

const DAY = 86_400_000;
/** N = 12 months of 365.25 / 12 days (METRICS "Actions", docs/actions.md). */
const WINDOW_DAYS = 12 * 30.4375;

/**
 * The reactivation list's size, read from the demo CSV without the app. Rows the import rejects (no customer, no
 * valid date, no valid amount) are skipped; D is the last date of the other lines; a purchase
 * occasion is a customer-day with at least one purchase line (quantity and price not negative, not a credit note)
 * and a net value ≥ 0 (METRICS "Terms"); a customer is inactive when the last occasion is on or before
 * D − 12 × 30.4375 days.
 */
function inactiveFromDemoCsv() {
  const text = new TextDecoder('windows-1252').decode(
    readFileSync(resolve(ROOT, 'public/demo/kundenwert-demo.csv')),
  );
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0].split(';');
  const col = (name) => head.indexOf(name);
  const [iOrder, iDate, iCustomer, iQty, iPrice] = [
    col('Rechnungsnummer'),
    col('Rechnungsdatum'),
    col('Kundennummer'),
    col('Menge'),
    col('Einzelpreis'),
  ];
  assert.ok(
    [iOrder, iDate, iCustomer, iQty, iPrice].every((i) => i >= 0),
    'demo header as expected',
  );
  /** customer → day (ms) → { net, purchase } */
  const days = new Map();
  let lastDay = -Infinity;
  /** A German number as the import reads it, or NaN (`n/a`, `12,3,4`, empty: the row is rejected). */
  const germanNumber = (s) =>
    /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(s.trim())
      ? Number(s.replace(/\./g, '').replace(',', '.'))
      : NaN;
  /** A real calendar day dd.mm.yyyy (31.02., 2024-13-01 and empty dates are rejected), or NaN. */
  const dayOf = (s) => {
    const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s.trim());
    if (!m) return NaN;
    const t = Date.UTC(+m[3], +m[2] - 1, +m[1]);
    return new Date(t).getUTCDate() === +m[1] && new Date(t).getUTCMonth() === +m[2] - 1 ? t : NaN;
  };
  let rejected = 0;
  for (const line of lines.slice(1)) {
    const c = line.split(';');
    const day = dayOf(c[iDate]);
    const qty = germanNumber(c[iQty]);
    const price = germanNumber(c[iPrice]);
    // Rows the import rejects: no customer, no valid date, no valid amount.
    if (
      c[iCustomer].trim() === '' ||
      !Number.isFinite(day) ||
      !Number.isFinite(qty) ||
      !Number.isFinite(price)
    ) {
      rejected++;
      continue;
    }
    lastDay = Math.max(lastDay, day);
    const amount = qty * price;
    const isReturn = amount < 0 || qty < 0 || /^C/i.test(c[iOrder]);
    let byDay = days.get(c[iCustomer]);
    if (!byDay) days.set(c[iCustomer], (byDay = new Map()));
    const cell = byDay.get(day) ?? { net: 0, purchase: false };
    cell.net += amount;
    cell.purchase ||= !isReturn;
    byDay.set(day, cell);
  }
  let customers = 0;
  let inactive = 0;
  for (const byDay of days.values()) {
    let last = -Infinity;
    for (const [day, cell] of byDay) if (cell.purchase && cell.net >= -1e-9) last = Math.max(last, day);
    if (last === -Infinity) continue;
    customers++;
    if (last <= lastDay - WINDOW_DAYS * DAY) inactive++;
  }
  return { customers, inactive, rejected };
}

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

/** Opens the Actions view at an address and waits for a list's summary. */
async function openList(page, hash, list) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(`[data-testid=${list}-count]`, { timeout: 60_000 });
}

/** Imports a small CSV through the import view (German UI). */
async function importLines(page, name, lines) {
  await page.click('[data-testid=nav-import]');
  await page.setInputFiles('[data-testid=file-input]', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'),
  });
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
}

const totalOf = async (page, list) =>
  Number(await page.getAttribute(`[data-testid=${list}-count]`, 'data-total'));

test(
  'Actions: the reactivation list on the demo data, its reasons, its CSV, and the link from a segment row',
  { timeout: 240_000 },
  async () => {
    const expected = inactiveFromDemoCsv();
    assert.ok(
      expected.inactive > 0 && expected.inactive < expected.customers,
      'the demo has inactive customers',
    );

    const { page, context } = await app.open({ locale: 'de-DE' });
    await importDemo(page);
    // The rows skipped here are the rows the import rejected (German UI: 1.234).
    assert.equal(Number((await text(page, 'sum-rejected')).replace(/\./g, '')), expected.rejected);
    await openList(page, '#/actions?list=reactivation', 'ac-reactivation');

    // The list's size is the independent count; every row says why it is on the list, in whole months from its own
    // days since the last purchase (floor(days / 30.4375), at least 12 here; "mehr als" when the days exceed them).
    assert.equal(await totalOf(page, 'ac-reactivation'), expected.inactive);
    await page.waitForSelector('[data-testid=ac-reactivation-row] [data-col=reasons]');
    const reasons = await page
      .locator('[data-testid=ac-reactivation-row] [data-col=reasons]')
      .allTextContents();
    const days = await page.locator('[data-testid=ac-reactivation-row] [data-col=days]').allTextContents();
    assert.ok(reasons.length > 0);
    reasons.forEach((r, i) => {
      const d = Number(days[i].replace(/\./g, ''));
      const months = Math.floor(d / 30.4375);
      assert.ok(months >= 12, `${d} days are at least 12 months`);
      // "mehr als" unless the days are exactly whole months.
      const over = d > months * 30.4375 ? 'mehr als ' : '';
      assert.match(r, new RegExp(`kein Kauf seit ${over}${months} Monaten`));
    });

    // The CSV: German conventions, one line per customer plus the header.
    const csv = await downloadOf(page, 'ac-reactivation-csv');
    const rows = csv.trimEnd().split('\r\n');
    assert.match(rows[0], /^Kundennummer;/);
    assert.equal(rows.length, expected.inactive + 1);
    assert.ok(
      rows.slice(1).some((r) => /;\d+,\d{1,2};/.test(r)),
      'amounts with a decimal comma',
    );
    assert.ok(!rows.slice(1).some((r) => /\d\.\d{2}(;|$)/.test(r)), 'no decimal points in German numbers');

    // A segment row of the Customers view opens the list that acts on the segment, filtered to it.
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=rfm-segments]', { timeout: 60_000 });
    const links = page.locator('[data-testid^=rfm-to-list-]');
    let segment = null;
    for (const s of ['lost', 'hibernating', 'atRisk', 'cantLoseThem'])
      if ((await page.locator(`[data-testid=rfm-to-list-${s}]`).count()) > 0) {
        segment = s;
        break;
      }
    assert.ok((await links.count()) > 0 && segment, 'a reactivation segment with customers');
    await page.click(`[data-testid=rfm-to-list-${segment}]`);
    await page.waitForSelector('[data-testid=ac-reactivation-count]', { timeout: 60_000 });
    assert.equal(await page.getAttribute('[data-testid=ac-tab-reactivation]', 'aria-selected'), 'true');
    assert.equal(await page.inputValue('[data-testid=ac-reactivation-segment]'), segment);
    await page.waitForFunction(() => location.hash.includes('segment='));
    assert.match(
      await page.evaluate(() => location.hash),
      new RegExp(`list=reactivation.*segment=${segment}`),
    );
    assert.ok((await totalOf(page, 'ac-reactivation')) <= expected.inactive);
    await context.close();
  },
);

test(
  'Actions: a customer id that reads as a formula is neutralised in the CSV',
  { timeout: 120_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    // Two inactive customers (more than 12 months before D = 01.06.2023), two active; K-3's first order on
    // 01.01.2021 gives the file the 730 days of history the list needs (882).
    const lines = [
      'Kundennummer;Datum;Betrag',
      '=1+2;05.01.2022;100,50',
      '@SUMME;06.01.2022;20,00',
      'K-2;05.01.2022;50,00',
      'K-2;01.06.2023;60,00',
      'K-3;01.01.2021;10,00',
      'K-3;31.05.2023;10,00',
    ];
    await importLines(page, 'formeln.csv', lines);
    await openList(page, '#/actions?list=reactivation', 'ac-reactivation');
    assert.equal(await totalOf(page, 'ac-reactivation'), 2);
    const csv = await downloadOf(page, 'ac-reactivation-csv');
    const ids = csv
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((r) => r.split(';')[0])
      .sort();
    assert.deepEqual(ids, ["'=1+2", "'@SUMME"]);
    await context.close();
  },
);

test(
  'Actions: a history shorter than the inactive window and a year says so in words, with the days',
  { timeout: 120_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    // D = 01.06.2023, first day 05.01.2022: 513 days of data; N = 12 needs 730; N = 5 needs 153 + 365 = 518 days,
    // N = 4 needs 122 + 365 = 487 and lists A (last purchase 512 days before D).
    await importLines(page, 'kurz.csv', [
      'Kundennummer;Datum;Betrag',
      'A;05.01.2022;100,50',
      'B;05.01.2022;50,00',
      'B;01.06.2023;60,00',
    ]);
    await page.evaluate(() => (location.hash = '#/actions?list=reactivation'));
    const why = page.locator('[data-testid=ac-reactivation-unavailable]');
    await why.waitFor({ timeout: 60_000 });
    assert.equal(await why.getAttribute('data-reason'), 'tooShort');
    const said = await why.textContent();
    assert.match(said, /513 Tage/);
    assert.match(said, /730 Tage/);
    assert.match(said, /längeren Export/);
    await page.fill('[data-testid=ac-reactivation-months]', '5');
    await page.dispatchEvent('[data-testid=ac-reactivation-months]', 'change');
    await page.waitForFunction(() =>
      /518 Tage/.test(document.querySelector('[data-testid=ac-reactivation-unavailable]')?.textContent ?? ''),
    );
    await page.fill('[data-testid=ac-reactivation-months]', '4');
    await page.dispatchEvent('[data-testid=ac-reactivation-months]', 'change');
    await page.waitForSelector('[data-testid=ac-reactivation-count][data-total="1"]', { timeout: 60_000 });
    assert.match(
      await page.locator('[data-testid=ac-reactivation-row] [data-col=reasons]').first().textContent(),
      /kein Kauf seit mehr als 16 Monaten/,
    );
    await context.close();
  },
);

test(
  'Actions: the due tab lists every customer with a forecast on request, by expected date, and finds one by id',
  { timeout: 240_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    await importDemo(page);
    await openList(page, '#/actions?list=due', 'ac-due');
    const overdue = await totalOf(page, 'ac-due');
    await page.check('[data-testid=ac-due-all]');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=ac-due-count]')?.getAttribute('data-total')) > n,
      overdue,
    );
    const all = await totalOf(page, 'ac-due');
    // The overview's customers (the demo's customers up to D) all have a forecast row.
    assert.ok(all > overdue);
    await page.waitForSelector('[data-testid=ac-due-row] [data-col=expectedNext]');
    const isoOf = (de) => de.trim().split('.').reverse().join('-');
    const dates = (
      await page.locator('[data-testid=ac-due-row] [data-col=expectedNext]').allTextContents()
    ).map(isoOf);
    assert.ok(dates.length > 5);
    for (let i = 1; i < dates.length; i++)
      assert.ok(dates[i - 1] <= dates[i], 'earliest expected date first');
    // Look up the fifth customer by id: the same expected date.
    const id = (await page.locator('[data-testid=ac-due-row] [data-col=id]').nth(4).textContent()).trim();
    await page.fill('[data-testid=ac-due-search]', id);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=ac-due-count]')?.getAttribute('data-total')) < n,
      all,
    );
    const hit = page.locator('[data-testid=ac-due-row]', { hasText: id }).first();
    assert.equal(isoOf(await hit.locator('[data-col=expectedNext]').textContent()), dates[4]);
    await context.close();
  },
);

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

test(
  'Actions: every tab without a serious or critical axe violation and without sideways scrolling at 1366 and 768 px',
  { timeout: 240_000 },
  async () => {
    // The built app's CSP allows only its own scripts; this context lets the injected axe run.
    const context = await app.browser.newContext({
      locale: 'en-GB',
      bypassCSP: true,
      viewport: { width: 1366, height: 900 },
    });
    const { page } = await app.open({ context });
    await importDemo(page);
    const problems = [];
    for (const width of [1366, 768])
      for (const tab of ['reactivation', 'due', 'whitespace', 'upsell', 'campaigns']) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate((t) => (location.hash = `#/actions?list=${t}`), tab);
        await page.waitForSelector(`[data-testid=ac-tab-${tab}][aria-selected=true]`, { timeout: 60_000 });
        if (tab === 'whitespace') {
          await page.waitForSelector('[data-testid=ac-pair]', { timeout: 60_000 });
          await page.click('[data-testid=ac-pair] >> nth=0');
          await page.waitForSelector('[data-testid=ac-whitespace-row]', { timeout: 60_000 });
        } else if (tab !== 'campaigns')
          await page.waitForSelector(`[data-testid=ac-${tab}-summary]`, { timeout: 60_000 });
        const over = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (over > 0) problems.push(`${tab} at ${width} px scrolls sideways by ${over} px`);
        if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
        });
        for (const v of violations) problems.push(`${tab} at ${width} px: ${v}`);
      }
    assert.deepEqual(problems, []);
    await context.close();
  },
);
