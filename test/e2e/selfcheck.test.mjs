// The self-check and the value stream map in Chromium: answers and a 4-step map survive a reload, the figures are
// the hand-computed ones, the evidence comes from the demo data, and the print view makes an A4 PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { startApp, text, importDemo, SCREENSHOTS } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

// strategy (1 + 0.5 + 0) / 3 = 50; tactics (1 + 1 + 0.5) / 3 = 83.3; operations (0 + 0 + 1 + 0.5) / 4 = 37.5.
const ANSWERS = {
  segmentValue: 'yes',
  pareto: 'partly',
  clvVsCac: 'no',
  budgetShare: 'yes',
  firstOrderDropoff: 'yes',
  reactivation: 'partly',
  handoffs: 'no',
  timeToValue: 'unknown',
  dataJoined: 'yes',
  dataQuality: 'partly',
};

// A 4-step map: [name, phase, process hours, wait days, handoff].
// Lead time = (0 + 2/24) + (1 + 4/24) + (3 + 12/24) + (10 + 6/24) = 14 + 24/24 = 15 days.
// The customer clock starts where the first delivery step's wait begins: after step 2, at day 1 + 6/24 = 1.25.
// Handoffs at the ends of steps 2 (day 1.25), 3 (day 4.75) and 4 (day 15): all within 90 days of 1.25 → 3.
const STEPS = [
  ['Anzeige', 'awareness', 2, 0, false],
  ['Angebot', 'decision', 4, 1, true],
  ['Versand', 'delivery', 12, 3, true],
  ['Einweisung', 'retention', 6, 10, true],
];

test(
  'self-check: answers, scores and the lever; evidence from the data; all still there after a reload',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await app.open();
    await importDemo(page);
    await page.click('[data-testid=nav-selfcheck]');
    await page.waitForSelector('[data-testid=sc-level-strategy]');
    await page.waitForSelector('[data-testid=evidence-pareto]', { timeout: 60_000 });
    assert.match(
      await text(page, 'evidence-pareto'),
      /The top 20 % \(600 of 2,999 customers\) bring \d+\.\d% of the revenue/,
    );
    assert.match(await text(page, 'sc-verdict'), /Answer at least one question on each level/);

    for (const [id, a] of Object.entries(ANSWERS)) await page.check(`[data-testid=sc-${id}-${a}]`);
    await page.fill('[data-testid=sc-note-handoffs]', 'Vertrieb übergibt an Logistik, dann an den Service.');
    await page.fill('[data-testid=sc-cac]', '250');
    await page.locator('[data-testid=sc-cac]').dispatchEvent('change');
    await page.fill('[data-testid=sc-acquisition]', '70');
    await page.locator('[data-testid=sc-acquisition]').dispatchEvent('change');
    await page.fill('[data-testid=sc-existing]', '10');
    await page.locator('[data-testid=sc-existing]').dispatchEvent('change');
    await page.check('[data-testid=sc-step-currentState]');
    await page.check('[data-testid=sc-step-mapStream]');

    const scores = async () =>
      Promise.all(['strategy', 'tactics', 'operations'].map((l) => text(page, `sc-score-${l}`)));
    assert.deepEqual(await scores(), [
      'Strategy: 50 (3 of 3 answered)',
      'Tactics: 83 (3 of 3 answered)',
      'Operations: 38 (4 of 4 answered)',
    ]);
    assert.equal(await text(page, 'sc-lever'), 'Operations (score 38 of 100)');
    assert.match(await text(page, 'sc-next-step'), /^Map the value stream of the first 90 days/);
    await page.waitForFunction(() =>
      /CLV \(36 months\) : CAC = \d/.test(
        document.querySelector('[data-testid=evidence-clvVsCac]')?.textContent ?? '',
      ),
    );
    // The demo's marketing spend (all of it for acquisition) comes before the split typed above, and says so.
    assert.match(
      await text(page, 'evidence-budgetShare'),
      /Your budget: 100% on acquisition, 0% on existing customers.*comes from your marketing spend/s,
    );
    assert.match(await text(page, 'evidence-clvVsCac'), /acquisition cost comes from your marketing spend/);
    await page.waitForFunction(() =>
      /Saved in this browser/.test(document.querySelector('[data-testid=sc-saved]').textContent),
    );
    await page.screenshot({ path: resolve(SCREENSHOTS, 'selfcheck.png'), fullPage: true });
    await page
      .locator('[data-testid=sc-radar]')
      .screenshot({ path: resolve(SCREENSHOTS, 'selfcheck-radar.png') });

    await page.reload();
    await page.waitForSelector('[data-testid=sc-level-strategy]');
    for (const [id, a] of Object.entries(ANSWERS))
      assert.equal(await page.isChecked(`[data-testid=sc-${id}-${a}]`), true, `${id} is still ${a}`);
    assert.equal(
      await page.inputValue('[data-testid=sc-note-handoffs]'),
      'Vertrieb übergibt an Logistik, dann an den Service.',
    );
    assert.equal(await page.inputValue('[data-testid=sc-cac]'), '250.00');
    assert.equal(await page.isChecked('[data-testid=sc-step-mapStream]'), true);
    assert.equal(await text(page, 'sc-lever'), 'Operations (score 38 of 100)');

    // The print view: the browser's own PDF on A4, with the answers and the note as text.
    await page.waitForSelector('[data-testid=evidence-pareto]');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'selfcheck-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(resolve(SCREENSHOTS, 'selfcheck.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2 && pages <= 10, `${pages} pages`);
    await context.close();
  },
);

test(
  'value stream map: a 4-step map gives the hand-computed lead time and handoffs, survives a reload, exports CSV and PDF',
  { timeout: 180_000 },
  async () => {
    const { page, context } = await app.open();
    await page.click('[data-testid=nav-valuestream]');
    await page.click('[data-testid=vs-blank]');
    for (let i = 0; i < STEPS.length; i++) {
      const [name, phase, hours, wait, handoff] = STEPS[i];
      await page.click('[data-testid=vs-add]');
      const row = page.locator('[data-testid=vs-step]').nth(i);
      await row.locator('[data-testid=vs-name]').fill(name);
      await row.locator('[data-testid=vs-name]').dispatchEvent('change');
      await row.locator('[data-testid=vs-phase]').selectOption(phase);
      await row.locator('[data-testid=vs-process]').fill(String(hours));
      await row.locator('[data-testid=vs-process]').dispatchEvent('change');
      await row.locator('[data-testid=vs-wait]').fill(String(wait));
      await row.locator('[data-testid=vs-wait]').dispatchEvent('change');
      if (handoff) await row.locator('[data-testid=vs-handoff]').check();
    }
    const figures = async () => ({
      lead: await text(page, 'vs-lead-time'),
      handoffs: await text(page, 'vs-handoffs'),
      bottleneck: await text(page, 'vs-bottleneck'),
    });
    const expected = async () => {
      const f = await figures();
      assert.match(f.lead, /^Lead time\s*15 d/);
      assert.match(f.handoffs, /^Handoffs in the first 90 days\s*3/);
      assert.match(f.bottleneck, /^Bottleneck\s*Einweisung/);
    };
    await expected();
    // Delete the last step, then undo: the map is as before.
    await page.locator('[data-testid=vs-delete]').nth(3).click();
    assert.equal(await page.locator('[data-testid=vs-step]').count(), 3);
    assert.match(await text(page, 'vs-lead-time'), /^Lead time\s*4\.75 d/);
    await page.click('[data-testid=vs-undo]');
    assert.equal(await page.locator('[data-testid=vs-step]').count(), 4);
    await expected();
    await page.waitForFunction(() =>
      /Saved in this browser/.test(document.querySelector('[data-testid=vs-saved]').textContent),
    );
    await page.screenshot({ path: resolve(SCREENSHOTS, 'valuestream.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=vs-csv]')]);
    const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    const rows = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(rows.length, 5);
    assert.equal(rows[4], 'Einweisung,Retention,,6,10,0,necessary,Yes,14.75,15');

    await page.reload();
    await page.waitForSelector('[data-testid=vs-step]');
    assert.deepEqual(
      await page.locator('[data-testid=vs-name]').evaluateAll((els) => els.map((e) => e.value)),
      STEPS.map((s) => s[0]),
    );
    await expected();

    // The map feeds the self-check's evidence.
    await page.click('[data-testid=nav-selfcheck]');
    await page.waitForSelector('[data-testid=evidence-handoffs]');
    assert.match(
      await text(page, 'evidence-handoffs'),
      /counts 3 handoffs in a new customer's first 90 days \(3 in all, over 4 steps\)/,
    );

    // Print: the browser's own PDF, A4.
    await page.click('[data-testid=nav-valuestream]');
    await page.waitForSelector('[data-testid=vs-flow]');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'valuestream-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(resolve(SCREENSHOTS, 'valuestream.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await context.close();
  },
);
