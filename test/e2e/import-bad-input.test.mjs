// Bad input in the real app (issue #12): a click on Start right after typing the rows to skip, a file of one very
// long line, and a first data row longer than the sniffing sample. The files are written here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, text, num } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

const csv = (name, body) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });

test(
  'the first click on Start after typing the rows to skip starts the import',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await app.open();
    // A title line as wide as the data and no header: read as data at first (it would be rejected for its date).
    const body = 'Export;Dezember;2024\nK1;01.01.2024;10,00\nK1;02.01.2024;20,00\nK2;03.01.2024;30,00\n';
    await page.setInputFiles('[data-testid=file-input]', csv('titles.csv', body));
    await page.waitForSelector('[data-testid=preview] tbody tr');
    // Typed, not committed: the field's change fires only when the click on Start takes the focus away.
    await page.fill('[data-testid=opt-skiprows]', '1');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 20_000 });
    assert.equal(num(await text(page, 'sum-imported')), 3);
    assert.equal(num(await text(page, 'sum-rejected')), 0);
    await context.close();
  },
);

test(
  'a file of one very long line is refused with the number of columns at once',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await app.open();
    const line = Array.from({ length: 40_000 }, (_, i) => `Wert${i}`).join(';');
    await page.setInputFiles('[data-testid=file-input]', csv('one-line.csv', line));
    await page.waitForSelector('[data-testid=import-error]', { timeout: 15_000 });
    assert.match(await text(page, 'import-error'), /40,000 columns in one row, more than 1,000/);
    assert.equal(await page.locator('[data-testid=preview]').count(), 0, 'no mapping step was drawn');
    await context.close();
  },
);

test(
  'a first data row longer than the sniffing sample is not "only a header row"',
  { timeout: 60_000 },
  async () => {
    const { page, context } = await app.open();
    const long = 'x'.repeat(300 * 1024);
    const body = `Kunde;Datum;Betrag;Notiz\nK1;01.01.2024;10,00;${long}\nK2;02.01.2024;20,00;kurz\n`;
    await page.setInputFiles('[data-testid=file-input]', csv('long-row.csv', body));
    await page.waitForSelector('[data-testid=preview] tbody tr');
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 20_000 });
    assert.equal(num(await text(page, 'sum-imported')), 2);
    await context.close();
  },
);
