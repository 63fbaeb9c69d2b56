// Restoring a workspace file by keyboard alone, in a browser that has never seen it: from the Settings page through
// the restore dialog (open it, choose the file, type the passphrase, answer the same-name question) to the restored
// workspace with the demo's figures. At every stop the focus is visible (the outline of :focus-visible), and it can
// always leave the dialog (Escape, and Tab back to the controls before).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, idbCounts, importDemo } from './harness.mjs';

const PASSPHRASE = 'korrekt-Pferd-Batterie';

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = mkdtempSync(join(tmpdir(), 'kundenwert-keyboard-restore-'));
});
after(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** The focused element's test id, whether it is inside an open dialog, and whether its focus outline shows. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: null, inDialog: false, visible: false };
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      id: el.getAttribute('data-testid'),
      inDialog: !!el.closest('dialog[open]'),
      visible:
        el.matches(':focus-visible') &&
        s.outlineStyle !== 'none' &&
        parseFloat(s.outlineWidth) >= 2 &&
        r.width > 0 &&
        r.height > 0,
    };
  });
}

/** Asserts the focus is on the element with the test id and its outline shows. */
async function expectFocus(page, testId) {
  const f = await focused(page);
  assert.equal(f.id, testId, `focus on ${testId}`);
  assert.ok(f.visible, `the focus on ${testId} is visible`);
  return f;
}

/** Presses Tab until the element with the test id has the focus (at most `max` presses); the focus shows there. */
async function tabTo(page, testId, max = 300) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).id === testId) return expectFocus(page, testId);
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab did not reach ${testId}`);
}

/** The Overview's KPI tiles, each as its text, once the figures are in. */
async function overviewTiles(page) {
  await page.waitForSelector('[data-testid=kpi-clvHistoric]', { timeout: 120_000 });
  await page.waitForFunction(
    () => !/^–?$/.test(document.querySelector('[data-testid=ov-customers]')?.textContent?.trim() ?? ''),
    null,
    { timeout: 120_000 },
  );
  return page.$$eval('[data-testid=ov-tiles] > li', (lis) =>
    lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
  );
}

test(
  'by keyboard alone: Settings → restore dialog → file, passphrase, beside the same-name workspace → restored',
  { timeout: 300_000 },
  async () => {
    // The file to restore: the demo's workspace, backed up in another browser (not under test here).
    const first = await app.open({ locale: 'de-DE' });
    await importDemo(first.page);
    await first.page.click('[data-testid=nav-overview]');
    const tiles = await overviewTiles(first.page);
    const stored = await idbCounts(first.page);
    const wsName = await first.page.$eval('[data-testid=workspace] option:checked', (o) =>
      o.textContent.trim(),
    );
    await first.page.click('[data-testid=nav-settings]');
    await first.page.click('[data-testid=bk-open-backup]');
    await first.page.fill('[data-testid=bk-pass]', PASSPHRASE);
    await first.page.fill('[data-testid=bk-pass2]', PASSPHRASE);
    const download = first.page.waitForEvent('download', { timeout: 120_000 });
    await first.page.click('[data-testid=bk-start]');
    const d = await download;
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    await first.context.close();

    // A fresh browser: an empty workspace of the same default name.
    const { page, context } = await app.open({ locale: 'de-DE' });
    assert.equal(
      await page.$eval('[data-testid=workspace] option:checked', (o) => o.textContent.trim()),
      wsName,
    );
    await tabTo(page, 'nav-settings');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=bk-card]');
    await tabTo(page, 'bk-open-restore');

    // Escape leaves the dialog, and the focus returns to the button that opened it.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=bk-restore-dialog][open]');
    assert.equal((await focused(page)).id, 'bk-file');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=bk-restore-dialog]', { state: 'hidden' });
    await expectFocus(page, 'bk-open-restore');

    // Space opens it as well; the focus lands on the file control.
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid=bk-restore-dialog][open]');
    const onFile = await focused(page);
    assert.equal(onFile.id, 'bk-file');
    assert.ok(onFile.inDialog);
    // Space on the file control opens the file chooser.
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(path);
    await page.waitForSelector('[data-testid=bk-file-info]');

    // Tab goes on to the passphrase, Shift+Tab back to the file control: the focus moves freely in the dialog.
    await tabTo(page, 'bk-restore-pass', 5);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, 'bk-file');
    await page.keyboard.press('Tab');
    await expectFocus(page, 'bk-restore-pass');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');

    // The same name exists: the question, with the focus on "restore beside it".
    await page.waitForSelector('[data-testid=bk-exists]', { timeout: 120_000 });
    await expectFocus(page, 'bk-beside');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=bk-restored]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=bk-restore-dialog]', { state: 'hidden' });

    // The dialog closed; the focus is back on its button and goes on from there (nothing holds it).
    await expectFocus(page, 'bk-open-restore');
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert.notEqual(next.id, 'bk-open-restore');
    assert.equal(next.inDialog, false);

    // The restored workspace is shown, beside the empty one, with the demo's stored rows and figures.
    const shown = await page.$eval('[data-testid=workspace] option:checked', (o) => o.textContent.trim());
    assert.notEqual(shown, wsName);
    assert.ok(shown.startsWith(wsName), shown);
    const counts = await idbCounts(page);
    assert.equal(counts.datasets, stored.datasets);
    assert.equal(counts.chunks, stored.chunks);
    await tabTo(page, 'nav-overview');
    await page.keyboard.press('Enter');
    assert.deepEqual(await overviewTiles(page), tiles, 'the Overview shows the same figures');
    await context.close();
  },
);
