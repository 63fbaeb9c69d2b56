// The cost settings and the typed spend grid of "Your figures" in Chromium, German UI: numbers typed the German way
// (`1.250,50`, `2,5`) are read as 1250.5 and 2.5, kept in IndexedDB across a reload, and summed in the grid (the
// channel's column total 1250.5 + 2.5 = 1253, written `1.253,00 €`); the Forecast's discount is the same stored
// figure; the filled-in Settings view has no serious axe violation and does not scroll sideways at 768 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, text, importDemo, ROOT } from './harness.mjs';

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

async function type(page, selector, value) {
  const field = page.locator(selector);
  await field.fill(value);
  await field.dispatchEvent('change');
}

const valueIs = (page, selector, value) =>
  page.waitForFunction(([s, v]) => document.querySelector(s)?.value === v, [selector, value], {
    timeout: 30_000,
  });

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

test(
  'German UI: cost settings and typed spend are read, kept across a reload and summed',
  { timeout: 180_000 },
  async () => {
    const context = await app.browser.newContext({
      locale: 'de-DE',
      bypassCSP: true,
      viewport: { width: 1366, height: 900 },
    });
    const { page } = await app.open({ context });
    await importDemo(page);
    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('[data-testid=cost-figures]');

    // Not set yet: the defaults are said.
    assert.match(await text(page, 'cost-order-default'), /Nicht eingetragen: gerechnet mit 0\./);
    assert.match(await text(page, 'cost-discount-default'), /gerechnet mit 1 %/);
    assert.match(await text(page, 'cost-target-default'), /gerechnet mit 3\s:\s1/);

    await type(page, '[data-testid=cost-order]', '1.250,50');
    await type(page, '[data-testid=cost-return]', '2,5');
    await type(page, '[data-testid=cost-discount]', '2,5');
    await type(page, '[data-testid=cost-target]', '4');
    assert.equal(await page.locator('[data-testid=cost-order-default]').count(), 0);
    // A negative cost is refused, not stored.
    await type(page, '[data-testid=cost-ticket]', '-3');
    assert.match(await text(page, 'cost-ticket-problem'), /keine negative Zahl/);
    // 15 % a month is asked about, with the yearly reading offered (15 / 12 = 1,25).
    await type(page, '[data-testid=cost-customer-year]', '15');
    await type(page, '[data-testid=cost-discount]', '15');
    assert.match(await text(page, 'cost-discount-question'), /Meinten Sie 1,25 %\?/);
    await page.click('[data-testid=cost-discount-take]');
    await valueIs(page, '[data-testid=cost-discount]', '1,25');

    // A category margin typed for a category named here.
    await page.fill('[data-testid=cost-category-new]', 'Testkategorie');
    await page.click('[data-testid=cost-category-add]');
    await type(page, 'tr[data-category="Testkategorie"] input', '35,5');

    // The spend grid: two channels, two months of the first.
    for (const ch of ['Suche', 'Newsletter']) {
      await page.fill('[data-testid=spend-channel-new]', ch);
      await page.click('[data-testid=spend-channel-add]');
    }
    const col = await page
      .locator('[data-testid=spend-table] thead th .channel')
      .allTextContents()
      .then((a) => a.indexOf('Suche'));
    assert.ok(col >= 0, 'the channel Suche is a column');
    await type(page, `[data-testid=spend-0-${col}]`, '1.250,50');
    await type(page, `[data-testid=spend-1-${col}]`, '2,5');
    assert.match(await text(page, `spend-channel-total-${col}`), /^1\.253,00\s€$/);
    assert.match(await text(page, 'spend-month-total-0'), /^1\.250,50\s€$/);
    assert.match(await text(page, 'spend-total'), /^1\.253,00\s€$/);
    // The months are written the German way, 12 of them by default.
    assert.equal(await page.locator('[data-testid=spend-table] tbody tr').count(), 12);
    assert.match(
      await page.locator('[data-testid=spend-table] tbody th').first().textContent(),
      /^\d\d\.\d{4}$/,
    );
    // The cells are named for screen readers.
    assert.match(
      (await page.locator(`[data-testid=spend-0-${col}]`).getAttribute('aria-label')) ?? '',
      /^Ausgaben Suche, \d\d\.\d{4}$/,
    );
    // The newsletter is for existing customers.
    await page.selectOption('select[aria-label="Zweck von Newsletter"]', 'existing');

    // The filled-in view: no serious axe violation, no sideways scrolling at 768 px.
    assert.deepEqual(await seriousViolations(page), []);
    await page.setViewportSize({ width: 768, height: 900 });
    const wider = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(wider <= 0, `the page scrolls ${wider}px sideways at 768 px`);

    // Kept in IndexedDB: all still there after a reload.
    await page.reload();
    await page.click('[data-testid=nav-settings]');
    await valueIs(page, '[data-testid=cost-order]', '1.250,50');
    assert.equal(await page.inputValue('[data-testid=cost-return]'), '2,50');
    assert.equal(await page.inputValue('[data-testid=cost-discount]'), '1,25');
    assert.equal(await page.inputValue('[data-testid=cost-target]'), '4');
    assert.equal(await page.inputValue('[data-testid=cost-ticket]'), '');
    assert.equal(await page.inputValue('tr[data-category="Testkategorie"] input'), '35,5');
    await page.waitForSelector('[data-testid=spend-table]');
    const col2 = await page
      .locator('[data-testid=spend-table] thead th .channel')
      .allTextContents()
      .then((a) => a.indexOf('Suche'));
    assert.equal(await page.inputValue(`[data-testid=spend-0-${col2}]`), '1.250,50');
    assert.equal(await page.inputValue(`[data-testid=spend-1-${col2}]`), '2,50');
    assert.match(await text(page, `spend-channel-total-${col2}`), /^1\.253,00\s€$/);
    assert.equal(await page.inputValue('select[aria-label="Zweck von Newsletter"]'), 'existing');
    assert.equal(await page.inputValue('select[aria-label="Zweck von Suche"]'), 'acquisition');

    // The Forecast's discount is the workspace's figure.
    await page.click('[data-testid=nav-forecast]');
    await valueIs(page, '[data-testid=fc-discount]', '1,25');
    await context.close();
  },
);
