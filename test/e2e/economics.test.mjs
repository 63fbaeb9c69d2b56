// The Economics view on the demo data in Chromium: the channel table lists the generator's channels, what the
// figures rest on is said (with orders alone: no spend, so no CAC, in words), the what-if simulator moves the figures
// as the seed formula says, and the view fits at 1366 and 768 px in German and English (screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, text, num, importDemo, ROOT } from './harness.mjs';
import { KNOWN_CAC } from '../../scripts/generate-demo.mjs';

const SHOTS = '/tmp/econ-e-shots';
const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** The channels of the demo generator (scripts/generate-demo.mjs). */
const DEMO_CHANNELS = ['Außendienst', 'Webshop', 'Messe', 'Telefon', 'Empfehlung'];

let app;
before(async () => {
  app = await startApp();
  mkdirSync(SHOTS, { recursive: true });
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

/** The number an English number field shows (empty: null). */
async function inputValue(page, testid) {
  const v = (await page.inputValue(`[data-testid=${testid}]`)).trim();
  return v === '' ? null : num(v);
}

/** The full-precision value a what-if cell carries. */
async function cellValue(page, testid) {
  const v = await page.getAttribute(`[data-testid=${testid}]`, 'data-value');
  return v === '' || v === null ? null : Number(v);
}

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

/** Waits until the shown what-if answer is the one for the given AOV lever and no newer one is pending. */
async function waitForWhatIf(page, aov) {
  const label = `Average order value ${aov > 0 ? '+' : ''}${aov}%`;
  await page.waitForFunction(
    (l) => {
      const t = document.querySelector('[data-testid=ec-wi-table]');
      const shown = document.querySelector('[data-testid=ec-wi-levers-shown]');
      return t && t.getAttribute('aria-busy') === 'false' && shown?.textContent.includes(l);
    },
    label,
    { timeout: 60_000 },
  );
}

test(
  'Economics: the demo channels, the data basis, the what-if AOV lever, screenshots',
  { timeout: 240_000 },
  async () => {
    // The built app's CSP allows only its own scripts; this context lets the injected axe run.
    const { page, context } = await app.open({
      context: await app.browser.newContext({
        locale: 'en-GB',
        bypassCSP: true,
        viewport: { width: 1366, height: 900 },
      }),
    });
    await page.click('[data-testid=nav-economics]');
    await page.waitForSelector('[data-testid=ec-nodata]');
    await importDemo(page);
    await page.click('[data-testid=nav-economics]');
    await page.waitForSelector('[data-testid=ec-channels]', { timeout: 90_000 });

    // The channel table: every channel of the generator, and the blended row.
    const names = (await page.locator('[data-testid=ec-channel-name]').allTextContents()).map((s) =>
      s.replace(/only in the spend/, '').trim(),
    );
    for (const c of DEMO_CHANNELS) assert.ok(names.includes(c), `channel ${c} in ${names.join(', ')}`);
    assert.match(await text(page, 'ec-basis-orders'), /^Orders: .+ – [\d,]+ customers, as of .+\.$/);

    // The demo's three files: the master data joined, the spend said, and the generator's known CAC per channel
    // (spend = KNOWN_CAC × the channel's new customers of each month, so each channel's CAC is exactly it).
    assert.match(
      await text(page, 'ec-basis-master'),
      /^Customer master data: .+ rows; [\d,]+ customers of the orders matched/,
    );
    assert.match(await text(page, 'ec-basis-spend'), /^Marketing spend from .+ to .+: €[\d,]+\.\d\d in all/);
    const rows = page.locator('[data-testid=ec-channel-row]');
    const shownCac = {};
    for (let i = 0; i < (await rows.count()); i++) {
      const name = (await rows.nth(i).locator('[data-testid=ec-channel-name]').textContent()).trim();
      shownCac[name] = (await rows.nth(i).locator('[data-testid=ec-cell-cac]').textContent()).trim();
    }
    for (const [channel, cac] of Object.entries(KNOWN_CAC))
      assert.equal(shownCac[channel], `€${cac.toFixed(2)}`, `CAC of ${channel}`);
    // A channel without spend shows a dash with its numbered reason.
    for (const [channel, cac] of Object.entries(shownCac))
      if (!(channel in KNOWN_CAC)) assert.match(cac, /^–\d$/, `CAC of ${channel}`);

    // The funnel per channel: the demo's trade-fair spend has leads but no impressions, the web shop's has both.
    const awareness = page.locator('[data-testid=ec-phase-awareness]');
    assert.doesNotMatch(await awareness.textContent(), /Import marketing spend/i);
    await page.selectOption('[data-testid=ec-funnel-channel]', 'Messe');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=ec-phase-awareness]')?.classList.contains('empty'),
    );
    assert.match(await page.locator('[data-testid=ec-phase-consideration]').textContent(), /Cost per lead/);
    await page.selectOption('[data-testid=ec-funnel-channel]', 'Webshop');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=ec-phase-awareness]')?.classList.contains('empty'),
    );

    // The channel CSV: a header, one row per channel and the blended row.
    const csv = (await downloadOf(page, 'ec-channels-csv')).split('\r\n').filter((l) => l !== '');
    assert.match(csv[0], /^Channel,Customers,New customers \(365 days\),Spend \(365 days\),CAC,/);
    assert.equal(csv.length, 1 + names.length + 1);
    assert.match(csv.at(-1), /^All channels \(blended\),/);

    // The what-if simulator: the seed formula's inputs as shown in the calculator, before any lever moved.
    await waitForWhatIf(page, 0);
    const aov = await inputValue(page, 'ec-calc-aov');
    const frequency = await inputValue(page, 'ec-calc-frequency');
    const lifespan = await inputValue(page, 'ec-calc-lifespanYears');
    const cac = (await inputValue(page, 'ec-calc-cac')) ?? 0;
    assert.ok(aov > 0 && frequency > 0 && lifespan > 0, `inputs ${aov}, ${frequency}, ${lifespan}`);
    const simpleBefore = await cellValue(page, 'ec-wi-clvSimple-before');
    const expectedBefore = aov * frequency * lifespan - cac;
    assert.ok(
      Math.abs(simpleBefore - expectedBefore) <= 1e-3 * Math.abs(aov * frequency * lifespan),
      `simple CLV ${simpleBefore} = ${aov} × ${frequency} × ${lifespan} − ${cac}`,
    );
    const perCustomerBefore = await cellValue(page, 'ec-wi-clvPerCustomer-before');

    await page.locator('[data-testid=ec-lever-aov]').fill('20');
    await waitForWhatIf(page, 20);
    assert.equal(await text(page, 'ec-lever-aov-value'), '+20%');
    // AOV × 1.2 scales the revenue part of the seed formula by 1.2; the CAC stays.
    const simpleAfter = await cellValue(page, 'ec-wi-clvSimple-after');
    assert.equal(await cellValue(page, 'ec-wi-clvSimple-before'), simpleBefore);
    assert.ok(
      Math.abs(simpleAfter - (1.2 * (simpleBefore + cac) - cac)) < 0.01,
      `simple CLV after ${simpleAfter}, expected 1.2 × (${simpleBefore} + ${cac}) − ${cac}`,
    );
    // The predicted CLV per customer rises with the spend per purchase.
    const perCustomerAfter = await cellValue(page, 'ec-wi-clvPerCustomer-after');
    if (perCustomerBefore !== null) assert.ok(perCustomerAfter > perCustomerBefore);
    await page.click('[data-testid=ec-wi-reset]');
    await waitForWhatIf(page, 0);

    // A gross margin of 40 % in Settings: the settings line says so, and the margin figures appear.
    await page.click('[data-testid=nav-settings]');
    await page.fill('[data-testid=fig-margin]', '40');
    await page.locator('[data-testid=fig-margin]').dispatchEvent('change');
    await page.click('[data-testid=nav-economics]');
    await page.waitForSelector('[data-testid=ec-cm-tiles]', { timeout: 90_000 });
    assert.match(await text(page, 'ec-settings-used'), /Margin: 40% gross margin on every line\./);
    const clvs = await page.locator('[data-testid=ec-cell-clv]').allTextContents();
    assert.ok(
      clvs.some((c) => /^€[\d,]+\.\d\d/.test(c.trim())),
      `a new-customer CLV in money: ${clvs.join(' | ')}`,
    );
    await waitForWhatIf(page, 0);

    // Screenshots in English and German at 1366 and 768 px: no sideways page scroll.
    for (const lang of ['en', 'de']) {
      await page.selectOption('[data-testid=language]', lang);
      for (const width of [1366, 768]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300); // let the charts redraw at the new width (a picture, not an assertion)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${lang} ${width}px scrolls sideways by ${overflow}px`);
        if (width === 1366) assert.deepEqual(await seriousViolations(page), [], `axe, ${lang}`);
        await page.screenshot({ path: `${SHOTS}/economics-${lang}-${width}.png`, fullPage: true });
      }
    }
    await context.close();
  },
);

test(
  'Economics on orders alone: no spend and no master data, said in words',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await app.open();
    await importDemo(page);
    // Delete the demo's spend and master files in the Data view: the orders stand alone.
    await page.click('[data-testid=summary-done]');
    await page.waitForSelector('[data-testid=records-spend] [data-testid=record-delete]', {
      timeout: 60_000,
    });
    for (const source of ['spend', 'customers']) {
      const buttons = page.locator(`[data-testid=records-${source}] [data-testid=record-delete]`);
      for (let n = await buttons.count(); n > 0; n--) {
        await buttons.first().click();
        await page.locator('dialog[open] [data-testid=confirm-yes]').click();
        await page.waitForFunction(
          ([sel, left]) => document.querySelectorAll(sel).length === left,
          [`[data-testid=records-${source}] [data-testid=record-delete]`, n - 1],
        );
      }
    }
    await page.click('[data-testid=nav-economics]');
    await page.waitForSelector('[data-testid=ec-channels]', { timeout: 90_000 });

    // The channels come from the orders' channel column: the generator's five.
    const names = (await page.locator('[data-testid=ec-channel-name]').allTextContents()).map((s) =>
      s.trim(),
    );
    assert.deepEqual([...names].sort(), [...DEMO_CHANNELS].sort());
    assert.match(
      await text(page, 'ec-basis-nomaster'),
      /^No customer master data: a customer's channel comes from/,
    );
    assert.match(await text(page, 'ec-basis-nospend'), /^No marketing spend: CAC, LTV:CAC, payback/);
    // Every CAC is a dash whose reason (tooltip and numbered note) is the missing spend.
    const noSpend = 'No acquisition spend on this channel or in this period.';
    const cacs = await page.locator('[data-testid=ec-cell-cac]').allTextContents();
    assert.equal(cacs.length, 5);
    for (const c of cacs) assert.match(c.trim(), /^–\d$/);
    assert.equal(await page.getAttribute('[data-testid=ec-blended-cac]', 'title'), noSpend);
    const note = Number((await text(page, 'ec-blended-cac')).slice(1));
    const notes = await page.locator('[data-testid=ec-channel-notes] li').allTextContents();
    assert.equal(notes[note - 1], noSpend);
    assert.match(await text(page, 'ec-bu-nosource'), /^No budget shares/);
    // Without a margin, the contribution margin says so and where to set it.
    assert.match(
      await text(page, 'ec-cm-unavailable'),
      /^Without a margin there is no contribution margin\./,
    );
    await context.close();
  },
);
