// Accessibility and layout on every view with the demo data, German and English: axe-core (read from node_modules
// and injected into the page, no CDN) finds no serious or critical violation, and at 1366 and 768 px the page never
// scrolls sideways. Also the RFM map: a click on a cell keeps that cell's customers, not its whole segment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, importDemo, text, ROOT } from './harness.mjs';

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Every view of the route table, with what shows that it has drawn its content. */
const VIEWS = [
  ['import', '[data-testid=import-summary]'],
  ['overview', '[data-testid=ov-tiles]'],
  ['customers', '[data-testid=cu-row]'],
  ['cohorts', '[data-testid=co-heatmap] tbody tr'],
  ['forecast', '[data-testid=fc-tiles], [data-testid=fc-failure]'],
  ['segments', '[data-testid=sg-table] tbody tr'],
  ['selfcheck', '[data-testid=evidence-pareto]'],
  ['valuestream', '[data-testid=vs-step]'],
  ['settings', '[data-testid=storage-usage]'],
  ['economics', '[data-testid=ec-figures]'],
];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** The serious and critical axe violations of the page as it is, one line each. */
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

/** By how many pixels the page is wider than the window (0 = no sideways scrolling). */
const sideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const locale of ['de-DE', 'en-GB']) {
  test(`every view in ${locale}: no serious or critical axe violation, no sideways scrolling at 1366 and 768 px`, async () => {
    // The built app's CSP allows only its own scripts; the test context lets the injected axe run.
    const context = await app.browser.newContext({
      locale,
      bypassCSP: true,
      viewport: { width: 1366, height: 900 },
    });
    const { page } = await app.open({ context });
    await importDemo(page);
    const problems = [];
    for (const width of [1366, 768]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [id, ready] of VIEWS) {
        await page.click(`[data-testid=nav-${id}]`);
        if (id === 'valuestream') {
          // The view loads its map first: a workspace without one offers the template.
          await page.waitForSelector('[data-testid=vs-template], [data-testid=vs-step]', {
            timeout: 120_000,
          });
          if (await page.$('[data-testid=vs-template]')) await page.click('[data-testid=vs-template]');
        }
        await page.waitForSelector(ready, { timeout: 120_000 });
        await page.waitForTimeout(300);
        const over = await sideways(page);
        if (over > 0) problems.push(`${id} at ${width} px scrolls sideways by ${over} px`);
        if (width === 1366) for (const v of await seriousViolations(page)) problems.push(`${id}: ${v}`);
      }
    }
    // The open formula disclosure and the chosen RFM cell are checked too.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=cu-row]');
    await page.click('[data-testid=rfm-formula] summary');
    await page.click('[data-testid=rfm-cell-5-5]');
    await page.waitForSelector('[data-testid=cu-cell-chip]');
    await page.waitForSelector('[data-testid=cu-row]');
    for (const v of await seriousViolations(page)) problems.push(`customers (cell chosen): ${v}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a click on an RFM cell lists that cell’s customers; the chosen cell keeps its colour and white text', async () => {
  const { page, context } = await app.open({ locale: 'en-GB' });
  await importDemo(page);
  await page.click('[data-testid=nav-customers]');
  await page.waitForSelector('[data-testid=cu-row]');
  // R 4, FM 5 and R 5, FM 5 are both champions: the filter must keep only one cell's count.
  const count = async (r, fm) =>
    Number((await page.locator(`[data-testid=rfm-cell-${r}-${fm}] .n`).textContent()).replace(/[^0-9]/g, ''));
  const n45 = await count(4, 5);
  const n55 = await count(5, 5);
  assert.ok(n45 > 0 && n55 > 0, 'both champion cells hold customers in the demo');
  await page.click('[data-testid=rfm-cell-4-5]');
  await page.waitForFunction(
    (n) =>
      document
        .querySelector('[data-testid=customer-table] h2')
        ?.textContent?.startsWith(`${n.toLocaleString('en-GB')} `),
    n45,
  );
  assert.match(await text(page, 'cu-cell-chip'), /Champions · R 4 · FM 5/);
  // Every listed customer has R = 4 (the first digit of its RFM code).
  const rfmCodes = await page.$$eval('[data-testid=cu-viewport] [role=row]', (rows) =>
    rows.map((r) => r.querySelectorAll('[role=cell]')[6]?.textContent?.trim() ?? ''),
  );
  assert.ok(rfmCodes.length > 0);
  assert.ok(
    rfmCodes.every((c) => c.startsWith('4')),
    `R 4 only: ${rfmCodes.join(' ')}`,
  );
  // The chosen cell (hovered, as after the click) still has its segment colour behind white text.
  const colours = await page.$eval('[data-testid=rfm-cell-4-5]', (el) => {
    const cs = getComputedStyle(el);
    return { bg: cs.backgroundColor, fg: cs.color, pressed: el.getAttribute('aria-pressed') };
  });
  assert.equal(colours.pressed, 'true');
  assert.equal(colours.fg, 'rgb(255, 255, 255)');
  assert.notEqual(colours.bg, 'rgb(255, 255, 255)');
  assert.notEqual(colours.bg, 'rgb(230, 238, 248)'); // not the light button hover colour
  // A second click removes the filter.
  await page.click('[data-testid=rfm-cell-4-5]');
  await page.waitForSelector('[data-testid=cu-cell-chip]', { state: 'detached' });
  await context.close();
});

test('the mapping step has Start import above the preview; the summary explains its customers and leads to the Overview', async () => {
  const { page, context } = await app.open({ locale: 'de-DE' });
  await page.click('[data-testid=nav-import]');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=preview] tbody tr');
  const top = (sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  assert.ok((await top('[data-testid=start-import]')) < (await top('[data-testid=preview]')));
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
  await page.click('[data-testid=sum-customers-note] summary');
  assert.match(await text(page, 'sum-customers-note'), /Retouren oder Stornos/);
  assert.ok(await page.locator('[data-testid=sum-customers-note] p').isVisible());
  await page.click('[data-testid=to-overview]');
  await page.waitForSelector('[data-testid=ov-tiles]');
  assert.equal(new URL(page.url()).hash, '#/overview');
  // German names for the revenue retention figures.
  assert.match(await text(page, 'kpi-nrr'), /^Netto-Umsatzbindung \(NRR\)/);
  await context.close();
});
