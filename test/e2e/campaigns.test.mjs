// A campaign from save to outcome in Chromium: the demo orders up to 30.09.2025 as a first dataset, its reactivation
// list saved as a campaign with a 20 % hold-out, the full demo file as a second dataset, and the campaign's outcome
// measured on it. The list's win-back rate, its buyers and its revenue after are checked against a computation here,
// straight from the CSV file (METRICS "Terms": a purchase occasion is a customer-day with a purchase line and a net
// value ≥ 0), for the ids the campaign's messages CSV lists. Needs `npm run build` (which writes the demo files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, text, num, ROOT } from './harness.mjs';

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe violations of the page, one line each. */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
  });
}

const DEMO = resolve(ROOT, 'public/demo/kundenwert-demo.csv');
/** The cut of the first dataset; the campaign's date C is its last day, the window (C, C + 90 days]. */
const CUT = '2025-09-30';
const plusDays = (iso, n) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shortDate = (iso) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

let app;
before(async () => {
  if (!existsSync(DEMO))
    throw new Error('public/demo/kundenwert-demo.csv is missing: run "npm run demo" first.');
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** Splits one `;` line with `"…"` quoting (`""` inside quotes is a quote). */
function cells(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** dd.mm.yyyy → yyyy-mm-dd; null when not a real date (the demo's deliberately broken rows). */
function isoOf(s) {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const [, d, mo, y] = m.map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** The demo file's lines (Windows-1252, `;`, CRLF), each with its raw bytes and its fields. */
function demoLines() {
  const bytes = readFileSync(DEMO);
  const textOf = new TextDecoder('windows-1252');
  const lines = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const raw = bytes.subarray(start, i + 1);
      const s = textOf.decode(raw).replace(/\r?\n$/, '');
      if (s !== '') lines.push({ raw, cells: cells(s) });
      start = i + 1;
    }
  }
  const header = lines.shift();
  const col = (name) => {
    const k = header.cells.indexOf(name);
    assert.ok(k >= 0, `the demo file has a column ${name}`);
    return k;
  };
  return {
    header,
    lines,
    date: col('Rechnungsdatum'),
    id: col('Kundennummer'),
    qty: col('Menge'),
    price: col('Einzelpreis'),
  };
}

const germanNumber = (s) => Number(s.replace(/\./g, '').replace(',', '.'));

/** For the given ids: who has a purchase occasion in (C, end], and the ids' net revenue there (returns included). */
function outcomeOf(ids, c, end) {
  const d = demoLines();
  const wanted = new Set(ids);
  /** customer → day → { net, purchase } */
  const days = new Map();
  let revenue = 0;
  for (const l of d.lines) {
    const id = l.cells[d.id];
    const day = isoOf(l.cells[d.date]);
    if (!wanted.has(id) || day === null || day <= c || day > end) continue;
    const amount = germanNumber(l.cells[d.qty]) * germanNumber(l.cells[d.price]);
    revenue += amount;
    const byDay = days.get(id) ?? new Map();
    days.set(id, byDay);
    const o = byDay.get(day) ?? { net: 0, purchase: false };
    o.net += amount;
    // A purchase line: not a return (negative quantity or amount); the demo has no other cancellation marker.
    if (germanNumber(l.cells[d.qty]) >= 0 && amount >= 0) o.purchase = true;
    byDay.set(day, o);
  }
  let converted = 0;
  for (const byDay of days.values())
    if ([...byDay.values()].some((o) => o.purchase && o.net >= -1e-9)) converted++;
  return { converted, revenue };
}

/**
 * The demo file with its header and only the lines dated up to `cut` (Windows-1252 bytes kept as they are), and the
 * last day among them.
 */
function demoUpTo(cut) {
  const d = demoLines();
  let last = '';
  const kept = d.lines.filter((l) => {
    const day = isoOf(l.cells[d.date]);
    if (day === null || day > cut) return false;
    if (day > last) last = day;
    return true;
  });
  assert.ok(kept.length > 1000 && kept.length < d.lines.length, 'the cut keeps part of the file');
  return { buffer: Buffer.concat([d.header.raw, ...kept.map((l) => l.raw)]), last };
}

async function importFile(page, name, buffer) {
  await page.click('[data-testid=nav-import]');
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer });
  await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 120_000 });
  await page.click('[data-testid=summary-done]');
}

/** Clicks a download button and returns the file's text (without the BOM). */
async function downloadOf(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\ufeff/, '');
}

test(
  'a reactivation campaign: saved with a hold-out, measured on later data, checked against the CSV',
  { timeout: 600_000 },
  async () => {
    // The built app's CSP allows only its own scripts; this context lets the injected axe run.
    const { page, context } = await app.open({
      context: await app.browser.newContext({
        locale: 'en-GB',
        bypassCSP: true,
        viewport: { width: 1366, height: 900 },
      }),
    });
    const first = demoUpTo(CUT);
    const C = first.last;
    const windowEnd = plusDays(C, 90);
    await importFile(page, 'demo-to-2025-09-30.csv', first.buffer);

    // Actions → reactivation → save as a campaign with a 20 % hold-out.
    await page.click('[data-testid=nav-actions]');
    await page.click('[data-testid=ac-tab-reactivation]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=ac-reactivation-save]:not([disabled])', { timeout: 120_000 });
    await page.click('[data-testid=ac-reactivation-save]');
    await page.waitForSelector('dialog[open][data-testid=cp-save-dialog]');
    // Escape closes the dialog; opened again it starts afresh, with the focus on the name.
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[open][data-testid=cp-save-dialog]', { state: 'detached' });
    await page.click('[data-testid=ac-reactivation-save]');
    await page.waitForSelector('dialog[open][data-testid=cp-save-dialog]');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'cp-save-name',
    );
    await page.waitForFunction(() =>
      /September 2025/.test(document.querySelector('[data-testid=cp-save-name]')?.value ?? ''),
    );
    assert.match(await page.inputValue('[data-testid=cp-save-name]'), /^Reactivation September 2025$/);
    assert.equal(
      await page.inputValue('[data-testid=cp-save-holdout]'),
      '10',
      'the hold-out share starts at 10 %',
    );
    assert.equal(await page.inputValue('[data-testid=cp-save-window]'), '90');
    assert.match(await page.inputValue('[data-testid=cp-save-stage-0-text]'), /\{name\}/);
    // A field button inserts at the cursor: at the very start of the first stage's text.
    await page.focus('[data-testid=cp-save-stage-0-text]');
    await page.evaluate(() =>
      document.querySelector('[data-testid=cp-save-stage-0-text]').setSelectionRange(0, 0),
    );
    await page.click('[data-testid=cp-save-stage-0-field-customer]');
    assert.match(await page.inputValue('[data-testid=cp-save-stage-0-text]'), /^\{customer\}Dear/);
    assert.deepEqual(await seriousViolations(page), [], 'the dialog');
    await page.fill('[data-testid=cp-save-holdout]', '20');
    await page.press('[data-testid=cp-save-holdout]', 'Tab');
    await page.click('[data-testid=cp-save-submit]');
    await page.waitForSelector('dialog[open][data-testid=cp-save-dialog]', { state: 'detached' });
    await page.waitForSelector('[data-testid=cp-detail]', { timeout: 60_000 });
    // On its own data the campaign has no outcome yet, and says what to do.
    await page.waitForSelector('[data-testid=cp-out-nolater]', { timeout: 60_000 });
    assert.ok(
      (await text(page, 'cp-out-nolater')).includes(`Import data that reaches beyond ${shortDate(C)}`),
      'no outcome yet, with what to do',
    );

    // The messages CSV: the list's ids (the held-back customers are not contacted, so not in it).
    const csv = await downloadOf(page, '[data-testid=cp-msg-csv]');
    const rows = csv.trim().split('\r\n');
    assert.match(rows[0], /^Customer,Name,Day 0 – Reminder,/);
    const ids = [];
    for (const r of rows.slice(1)) {
      const m = /^(K-\d+),/.exec(r);
      if (m) ids.push(m[1]);
    }
    const listSize = num((await page.locator('[data-testid=cp-row] td.num').first().textContent()) ?? '');
    const comparisonSize = num(
      (await page.locator('[data-testid=cp-row] td.num').nth(1).textContent()) ?? '',
    );
    assert.equal(ids.length, listSize, 'one CSV row per contacted customer');
    assert.equal(new Set(ids).size, ids.length);
    const taken = listSize + comparisonSize;
    assert.equal(comparisonSize, Math.round(0.2 * taken), 'a 20 % hold-out');

    // The full demo file as a second dataset, chosen in the analysis controls.
    await importFile(page, 'kundenwert-demo.csv', readFileSync(DEMO));
    await page.click('[data-testid=nav-actions]');
    const second = page.locator('[data-testid=ctl-dataset] option', { hasText: 'kundenwert-demo' });
    await page.selectOption('[data-testid=ctl-dataset]', (await second.getAttribute('value')) ?? '');
    await page.click('[data-testid=ac-tab-campaigns]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=cp-row]');
    if ((await page.locator('[data-testid=cp-detail]').count()) === 0)
      await page.click('[data-testid=cp-open]');
    await page.waitForSelector('[data-testid=cp-out-table]', { timeout: 120_000 });
    assert.match(await text(page, 'cp-out-basis'), /kundenwert-demo/);
    assert.ok(
      (await text(page, 'cp-out-window')).includes(
        `${shortDate(plusDays(C, 1))} to ${shortDate(windowEnd)} (the 90 days after the campaign’s as-of date ${shortDate(C)})`,
      ),
      'the window',
    );
    assert.equal(
      await page.locator('[data-testid=cp-out-partial]').count(),
      0,
      'the demo reaches beyond the window',
    );

    assert.deepEqual(await seriousViolations(page), [], 'the campaigns panel with an outcome');
    const expected = outcomeOf(ids, C, windowEnd);
    assert.ok(expected.converted > 0 && expected.converted < ids.length);
    assert.equal(num(await text(page, 'cp-out-list-size')), ids.length);
    assert.equal(num(await text(page, 'cp-out-list-converted')), expected.converted);
    assert.equal(
      await text(page, 'cp-out-list-rate'),
      `${((100 * expected.converted) / ids.length).toFixed(1)}%`,
      'the list’s win-back rate',
    );
    assert.ok(
      Math.abs(num(await text(page, 'cp-out-list-revenue')) - expected.revenue) < 0.01,
      'revenue after',
    );
    // The comparison group side by side, and the uplift in percentage points.
    assert.equal(num(await text(page, 'cp-out-cmp-size')), comparisonSize);
    assert.match(await text(page, 'cp-out-cmp-rate'), /^\d+\.\d%$/);
    assert.match(await text(page, 'cp-out-cmp-revenue'), /^-?€[\d,]+\.\d\d$/);
    const rateOf = async (id) => num(await text(page, id)) / 100;
    const uplift = (await rateOf('cp-out-list-rate')) - (await rateOf('cp-out-cmp-rate'));
    const shown = /([+\-−]?[\d.]+) percentage points/.exec(await text(page, 'cp-out-uplift'));
    assert.ok(shown, 'the uplift is said in percentage points');
    assert.ok(Math.abs(Number(shown[1].replace('−', '-')) - uplift * 100) < 0.11);

    // The workflow: a stage marked done is saved (and dated); rename and delete (after a question).
    await page.check('[data-testid=cp-stage-0-done]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=cp-saved]')?.textContent === 'Saved',
    );
    await page.click('[data-testid=cp-rename]');
    await page.fill('[data-testid=cp-rename-input]', 'Autumn win-back');
    await page.press('[data-testid=cp-rename-input]', 'Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=cp-row]')?.textContent?.includes('Autumn win-back'),
    );
    await page.click('[data-testid=ac-tab-reactivation]');
    await page.click('[data-testid=ac-tab-campaigns]');
    await page.click('[data-testid=cp-open]');
    assert.equal(await page.isChecked('[data-testid=cp-stage-0-done]'), true, 'done was stored');
    assert.equal(await page.isChecked('[data-testid=cp-stage-1-done]'), false);
    assert.equal(await text(page, 'cp-detail-name'), 'Autumn win-back');
    await page.click('[data-testid=cp-delete]');
    await page.click('dialog[open] button:not([data-testid])'); // Cancel keeps it
    assert.equal(await page.locator('[data-testid=cp-row]').count(), 1);
    await page.click('[data-testid=cp-delete]');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=cp-none]');
    await context.close();
  },
);
