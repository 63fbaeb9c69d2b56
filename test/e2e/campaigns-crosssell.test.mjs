// A cross-sell campaign in Chromium on a small hand-made orders file with a category column: the earlier export
// (up to C = 31.03.2024) gives the whitespace pairs, the top pair is saved as a campaign without hold-out, the later
// export (with the purchases after C) measures it. Every expected figure is counted by hand below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, text } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

const HEADER = 'Kunde;Datum;Betrag;Kategorie';
// Up to C = 2024-03-31. Buyers of Schrauben: A, B, C, D, E (5); of Dübel: A, B, F (3); of both: A, B.
// Schrauben → Dübel: confidence 2/5, whitespace C, D, E; mean revenue in Dübel of A and B (50 + 70) / 2 = 60;
// expected 3 × 0.4 × 60 = 72.
// Dübel → Schrauben: confidence 2/3, whitespace F; mean revenue in Schrauben of A and B (30 + 60) / 2 = 45;
// expected 1 × 2/3 × 45 = 30. The top pair is Schrauben → Dübel.
const EARLIER = [
  'A;10.01.2024;30,00;Schrauben',
  'A;10.01.2024;50,00;Dübel',
  'B;15.01.2024;60,00;Schrauben',
  'B;20.02.2024;70,00;Dübel',
  'C;01.02.2024;40,00;Schrauben',
  'D;05.02.2024;20,00;Schrauben',
  'E;10.03.2024;80,00;Schrauben',
  'F;31.03.2024;25,00;Dübel',
];
// After C; the window of 90 days is (2024-03-31, 2024-06-29].
const LATER = [
  ...EARLIER,
  'C;15.04.2024;45,00;Dübel', //       in the window, in Dübel: C converts
  'C;15.04.2024;10,00;Schrauben', //   the same purchase, another category
  'C;16.04.2024;-5,00;Dübel', //       a return in Dübel in the window
  'D;20.05.2024;30,00;Schrauben', //   a purchase in the window, not in Dübel: D does not convert
  'E;01.08.2024;90,00;Dübel', //       in Dübel, but after the window
  'A;01.05.2024;100,00;Dübel', //      not on the list
  'F;30.09.2024;5,00;Schrauben', //    the later export's last day
];
// The list C, D, E: 1 of 3 bought in Dübel in the window (33.3 %); revenue in Dübel 45 − 5 = 40; revenue after
// 45 + 10 − 5 + 30 = 80.
const file = (lines) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'latin1');

async function importFile(page, name, buffer) {
  await page.click('[data-testid=nav-import]');
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer });
  await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 120_000 });
  await page.click('[data-testid=summary-done]');
}

test(
  'a cross-sell campaign of the top whitespace pair: conversion and revenue in B on the later data',
  { timeout: 300_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'en-GB' });
    await importFile(page, 'bis-maerz.csv', file(EARLIER));

    await page.click('[data-testid=nav-actions]');
    await page.click('[data-testid=ac-tab-whitespace]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=ac-pair]', { timeout: 60_000 });
    assert.equal(
      (await page.locator('[data-testid=ac-pair]').first().textContent())?.trim(),
      'Schrauben → Dübel',
    );
    await page.click('[data-testid=ac-pair] >> nth=0');
    await page.waitForSelector('[data-testid=ac-whitespace-row]', { timeout: 60_000 });
    assert.equal(Number(await page.getAttribute('[data-testid=ac-whitespace-count]', 'data-total')), 3);

    await page.waitForSelector('[data-testid=ac-whitespace-save]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid=ac-whitespace-save]');
    await page.waitForSelector('dialog[open][data-testid=cp-save-dialog]');
    await page.check('[data-testid=cp-save-all]');
    await page.fill('[data-testid=cp-save-holdout]', '0');
    await page.press('[data-testid=cp-save-holdout]', 'Tab');
    await page.fill('[data-testid=cp-save-name]', 'Dübel zu Schrauben');
    await page.click('[data-testid=cp-save-submit]');
    await page.waitForSelector('dialog[open][data-testid=cp-save-dialog]', { state: 'detached' });
    await page.waitForSelector('[data-testid=cp-detail]', { timeout: 60_000 });
    // On the earlier export itself there is nothing after C yet.
    await page.waitForSelector('[data-testid=cp-out-nolater]', { timeout: 60_000 });

    // The later export, chosen in the analysis controls.
    await importFile(page, 'bis-september.csv', file(LATER));
    await page.click('[data-testid=nav-actions]');
    const later = page.locator('[data-testid=ctl-dataset] option', { hasText: 'bis-september' });
    await page.selectOption('[data-testid=ctl-dataset]', (await later.getAttribute('value')) ?? '');
    await page.click('[data-testid=ac-tab-campaigns]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=cp-row]');
    assert.equal(await page.locator('[data-testid=cp-row]').count(), 1);
    if ((await page.locator('[data-testid=cp-detail]').count()) === 0)
      await page.click('[data-testid=cp-open]');
    await page.waitForSelector('[data-testid=cp-out-table]', { timeout: 120_000 });
    assert.match(await text(page, 'cp-out-basis'), /bis-september/);
    assert.equal(
      await page.locator('[data-testid=cp-out-partial]').count(),
      0,
      'the later data reach past the window',
    );

    assert.equal(await text(page, 'cp-out-list-size'), '3');
    assert.equal(await text(page, 'cp-out-list-converted'), '1');
    assert.equal(await text(page, 'cp-out-list-rate'), '33.3%', 'the cross-sell rate');
    assert.equal(await text(page, 'cp-out-list-target'), '€40.00', 'the revenue in Dübel');
    assert.equal(await text(page, 'cp-out-list-revenue'), '€80.00', 'the revenue after');
    // No hold-out and the whole list taken: no comparison group, and the outcome says so.
    assert.equal(await text(page, 'cp-out-cmp-size'), '–');
    await page.waitForSelector('[data-testid=cp-out-cmp-reason]');
    await context.close();
  },
);
