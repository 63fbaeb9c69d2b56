// Storage that stays: an import asks the browser to keep the site's storage (navigator.storage.persist()), and
// Settings shows how much of the quota is in use, both sizes in the language's number format. persist() is stubbed
// on the page to count its calls (and to grant the request); the storage estimate is the browser's own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, importDemo, text } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** A page whose StorageManager.prototype.persist counts its calls in `window.__persistCalls`. */
async function openCounting(locale) {
  const context = await app.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__persistCalls = 0;
    StorageManager.prototype.persist = async function () {
      window.__persistCalls++;
      return true;
    };
  });
  return app.open({ context });
}

const calls = (page) => page.evaluate(() => window.__persistCalls);

// A size as i18n/format.ts writes it: a whole number of bytes, or one decimal with a unit of 1,024.
const SIZE_DE = String.raw`(?:\d{1,3}(?:\.\d{3})* B|\d{1,3}(?:\.\d{3})*,\d (?:KB|MB|GB|TB))`;
const SIZE_EN = String.raw`(?:\d{1,3}(?:,\d{3})* B|\d{1,3}(?:,\d{3})*\.\d (?:KB|MB|GB|TB))`;

test(
  'importing the demo asks for persistent storage; Settings shows usage of quota',
  { timeout: 120_000 },
  async () => {
    const { page, context } = await openCounting('de-DE');
    assert.equal(await calls(page), 0, 'nothing asked before an import');
    await importDemo(page);
    assert.ok((await calls(page)) >= 1, 'persist() was called for the import');

    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('[data-testid=storage-usage]');
    const line = (await text(page, 'storage-usage')).replace(/\s+/g, ' ');
    const m = new RegExp(`^(${SIZE_DE}) von (${SIZE_DE}) belegt · `).exec(line);
    assert.ok(m, line);
    // The demo's columns are stored: more than nothing is in use, and less than the quota.
    assert.notEqual(m[1], '0 B');
    await context.close();
  },
);

test('the usage line in English', { timeout: 60_000 }, async () => {
  const { page, context } = await openCounting('en-GB');
  await page.click('[data-testid=nav-settings]');
  await page.waitForSelector('[data-testid=storage-usage]');
  const line = (await text(page, 'storage-usage')).replace(/\s+/g, ' ');
  assert.match(line, new RegExp(`^${SIZE_EN} of ${SIZE_EN} used · `));
  await context.close();
});
