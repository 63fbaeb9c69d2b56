// Before an import: a file that will likely not fit into the browser storage is announced with the figures, and the
// user cancels (nothing is stored) or goes on anyway (the import completes). The browser's storage estimate is
// stubbed on the page to report little free space; the check runs on the page (src/app/browser/storage-fit.ts).
// The file is the demo export that ships with the app (public/demo/, written by the build), so this always runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, ROOT, SCREENSHOTS, idbCounts, text } from './harness.mjs';

const DEMO = resolve(ROOT, 'public/demo/kundenwert-demo.csv');
// The import is estimated to store half the file's bytes (storage-fit.ts), shown in MB of 1,024 × 1,024 bytes with
// one decimal: the demo's 5.2 million bytes need about 2.5 MB.
const NEEDED = Math.ceil(statSync(DEMO).size / 2);
const NEEDED_MB = NEEDED / (1024 * 1024);
// The stub reports 1,000,000 bytes used of a quota of 1,051,200: 51,200 bytes = 50.0 KB free.
const USAGE = 1_000_000;
const QUOTA = 1_051_200;

let app;
before(async () => {
  app = await startApp({ hooks: true });
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** A page whose `navigator.storage.estimate()` reports little free space. */
async function openTight(locale, viewport = { width: 1280, height: 900 }) {
  const context = await app.browser.newContext({ locale, viewport });
  await context.addInitScript(
    ({ usage, quota }) => {
      StorageManager.prototype.estimate = async () => ({ usage, quota });
    },
    { usage: USAGE, quota: QUOTA },
  );
  return app.open({ context });
}

async function chooseFile(page) {
  await page.setInputFiles('[data-testid=file-input]', DEMO);
  await page.waitForSelector('[data-testid=preview] tbody tr');
}

test(
  'a file that will likely not fit: the warning with its figures, cancel stores nothing, go on imports',
  { timeout: 120_000 },
  async () => {
    assert.ok(NEEDED_MB > 1 && NEEDED_MB < 10, `${NEEDED} bytes`);
    const { page, context } = await openTight('de-DE');
    await chooseFile(page);
    // Start from the keyboard: the warning answers it, and keyboard users land on it.
    await page.focus('[data-testid=start-import]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=space-warning]');
    assert.equal(
      (await text(page, 'space-warning-text')).replace(/\u00a0/g, ' '),
      `Die Datei braucht im Browser-Speicher voraussichtlich etwa ${NEEDED_MB.toFixed(1).replace('.', ',')} MB; frei sind etwa 50,0 KB. ` +
        'Der Import kann mittendrin am vollen Speicher scheitern – dann wird nichts davon behalten.',
    );
    assert.match(await text(page, 'space-warning'), /Platz schaffen: nicht mehr benötigte Datensätze/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'space-warning');

    await page.click('[data-testid=space-cancel]');
    assert.equal(await page.locator('[data-testid=space-warning]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'start-import');
    // Still on the mapping step, and nothing was stored.
    await page.waitForSelector('[data-testid=start-import]');
    const counts = await idbCounts(page);
    assert.deepEqual(
      { datasets: counts.datasets ?? 0, chunks: counts.chunks ?? 0, rejects: counts.rejects ?? 0 },
      { datasets: 0, chunks: 0, rejects: 0 },
    );

    // Start again: the warning again; this time the user goes on.
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=space-warning]');
    await page.click('[data-testid=space-anyway]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    const after = await idbCounts(page);
    assert.equal(after.datasets, 1);
    assert.ok(after.chunks > 0);
    await context.close();
  },
);

test('the warning in English, and screenshots at 1366 and 768 px', { timeout: 120_000 }, async () => {
  const dir = resolve(SCREENSHOTS, 'a15');
  mkdirSync(dir, { recursive: true });
  for (const locale of ['de-DE', 'en-GB']) {
    for (const width of [1366, 768]) {
      const { page, context } = await openTight(locale, { width, height: 900 });
      await chooseFile(page);
      await page.click('[data-testid=start-import]');
      await page.waitForSelector('[data-testid=space-warning]');
      if (locale === 'en-GB') {
        assert.equal(
          (await text(page, 'space-warning-text')).replace(/\u00a0/g, ' '),
          `The file will likely need about ${NEEDED_MB.toFixed(1)} MB of browser storage; about 50.0 KB is free. ` +
            'The import may fail midway when the storage runs full – then nothing of it is kept.',
        );
      }
      await page.locator('[data-testid=space-warning]').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: resolve(dir, `import-space-warning-${locale.slice(0, 2)}-${width}.png`),
      });
      await context.close();
    }
  }
});
