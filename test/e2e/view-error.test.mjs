// The error boundary around the routed view (src/App.svelte, src/components/ViewError.svelte), in the test build:
// the flag `kundenwert:test:crash-view` in localStorage makes the view of that route throw while it is built. The
// failed view says what happened and that nothing was deleted, shows the error's message, and leads back to the
// Data view; the navigation, the other views and the dataset keep working, and IndexedDB holds what it held.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, idbCounts, text, num, SCREENSHOTS } from './harness.mjs';

const CRASH_FLAG = 'kundenwert:test:crash-view';

// Five customers A-E (the first column), one line without a customer id (rejected).
const CSV = [
  'Kunde;Datum;Betrag;Region',
  'A;28.10.1970;100,00;Nord',
  'A;01.12.1971;150,00;Nord',
  'B;08.10.1970;50,00;Süd',
  'B;18.10.1970;30,00;Süd',
  'C;19.06.1972;200,00;Nord',
  ';20.06.1972;99,00;Nord',
  'D;11.04.1970;40,00;Süd',
  'E;24.08.1971;10,00;Süd',
  'E;11.03.1972;60,00;Süd',
].join('\r\n');

let app;
before(async () => {
  app = await startApp({ hooks: true });
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** A page whose uncaught errors are collected: an error the boundary catches must not be one of them. */
async function openPage(locale) {
  const { page, context } = await app.open({ locale });
  const uncaught = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  return { page, context, uncaught };
}

const crash = (page, route) =>
  page.evaluate(
    ([k, v]) => (v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v)),
    [CRASH_FLAG, route],
  );

const customersShown = async (page) => {
  await page.waitForSelector('[data-testid=ov-tiles]', { timeout: 60_000 });
  return num((await text(page, 'ov-customers')).split('Kunden')[0].split('customers')[0]);
};

test(
  'a view that throws while it is built: message, details, back to the data; the rest of the app and the data stay',
  { timeout: 180_000 },
  async () => {
    const { page, context, uncaught } = await openPage('de-DE');
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'kunden.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
    await page.click('[data-testid=summary-done]');
    await page.click('[data-testid=nav-overview]');
    assert.equal(await customersShown(page), 5, 'the overview counts the five customers before the crash');
    const before = await idbCounts(page);
    assert.equal(before.datasets, 1);
    assert.ok(before.chunks > 0 && before.rejects === 1, JSON.stringify(before));

    // The overview fails while it is built: the boundary shows what happened instead of a blank page.
    await page.click('[data-testid=nav-import]');
    await crash(page, 'overview');
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=view-error]');
    assert.equal(await page.locator('[data-testid=ov-tiles]').count(), 0);
    assert.equal(
      await page.locator('#view-error-title').textContent(),
      'Diese Ansicht konnte nicht angezeigt werden',
    );
    assert.match(
      await text(page, 'view-error'),
      /Ansicht „Übersicht“ ist ein unerwarteter Fehler aufgetreten/,
    );
    assert.match(await text(page, 'view-error-safe'), /keine Daten verloren gegangen: Gelöscht wurde nichts/);
    assert.equal(await text(page, 'view-error-back'), 'Zu den Daten');
    // The error's own message is one click away, in a details element.
    assert.equal(await page.locator('[data-testid=view-error-message]').isVisible(), false);
    await page.click('[data-testid=view-error] summary');
    assert.equal(await text(page, 'view-error-message'), 'Error: Test crash of view overview');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'view-error-de.png'), fullPage: true });
    assert.deepEqual(await idbCounts(page), before, 'the failure deleted nothing');

    // The navigation stays usable: another view opens straight from the failed one, with the dataset.
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=cu-row]', { timeout: 60_000 });
    assert.deepEqual((await page.locator('[data-testid=cu-row]').allTextContents()).sort(), [
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    assert.equal(await page.locator('[data-testid=view-error]').count(), 0);

    // Back leads from the failed view to the Data view.
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=view-error]');
    await page.click('[data-testid=view-error-back]');
    await page.waitForSelector('[data-testid=nav-import][aria-current=page]');
    assert.equal(new URL(page.url()).hash, '#/import');
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
    assert.equal(await page.locator('[data-testid=view-error]').count(), 0);

    // Without the flag the overview is drawn again, on the same data; nothing was lost on the way.
    await crash(page, null);
    await page.click('[data-testid=nav-overview]');
    assert.equal(await customersShown(page), 5);
    assert.deepEqual(await idbCounts(page), before);
    assert.deepEqual(uncaught, []);
    await context.close();
  },
);

test(
  'in English; the Data view itself failing: back resets the boundary and draws it again',
  { timeout: 120_000 },
  async () => {
    const { page, context, uncaught } = await openPage('en-GB');
    await crash(page, 'settings');
    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('[data-testid=view-error]');
    assert.equal(await page.locator('#view-error-title').textContent(), 'This view could not be shown');
    assert.match(await text(page, 'view-error'), /building the view “Settings”/);
    assert.match(await text(page, 'view-error-safe'), /^No data was lost: nothing was deleted/);
    assert.equal(await text(page, 'view-error-back'), 'Back to the data');
    await page.click('[data-testid=view-error-back]');
    await page.waitForSelector('[data-testid=dropzone]');
    assert.equal(new URL(page.url()).hash, '#/import');

    // The view of the default route fails: Back stays on it and resets the boundary, which builds it anew.
    await crash(page, 'import');
    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('#settings-title');
    await page.click('[data-testid=nav-import]');
    await page.waitForSelector('[data-testid=view-error]');
    assert.equal(await text(page, 'view-error-message'), 'Error: Test crash of view import');
    await crash(page, null);
    await page.click('[data-testid=view-error-back]');
    await page.waitForSelector('[data-testid=dropzone]');
    assert.equal(await page.locator('[data-testid=view-error]').count(), 0);
    assert.deepEqual(uncaught, []);
    await context.close();
  },
);
