// Backing up and restoring a workspace (Settings): the demo workspace goes into one encrypted file, all local data
// is deleted, the file is restored and the Overview shows the same figures from the same number of stored rows; the
// workspace's settings kept in localStorage (the report's client, an RFM action text) come back with it. A wrong
// passphrase, a copy with one changed byte and a copy cut in the middle are refused with their own messages and
// change nothing. Restored beside twice, the copies get distinct names. The backup works by keyboard alone;
// screenshots of the dialogs in German and English at 1366 and 768 px, checked with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp, idbCounts, importDemo, SCREENSHOTS, ROOT } from './harness.mjs';

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const PASSPHRASE = 'korrekt-Pferd-Batterie';

let app;
let dir;
/** The backup file written by the first test (the later ones restore it). */
let backupPath = null;

before(async () => {
  app = await startApp();
  dir = mkdtempSync(join(tmpdir(), 'kundenwert-backup-'));
});
after(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

/** The Overview's KPI tiles, each as its text, once the figures are in. */
async function overviewTiles(page) {
  await page.click('[data-testid=nav-overview]');
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

/** Backs up the current workspace from Settings; returns the saved file's path and its suggested name. */
async function backUp(page, passphrase) {
  await page.click('[data-testid=nav-settings]');
  await page.click('[data-testid=bk-open-backup]');
  await page.fill('[data-testid=bk-pass]', passphrase);
  await page.fill('[data-testid=bk-pass2]', passphrase);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.click('[data-testid=bk-start]');
  const d = await download;
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  await page.waitForSelector('[data-testid=bk-done]');
  await page.click('[data-testid=bk-close]');
  return { path, name: d.suggestedFilename() };
}

/** Opens the restore dialog, chooses the file and waits for its header. */
async function chooseFile(page, path) {
  await page.click('[data-testid=nav-settings]');
  await page.click('[data-testid=bk-open-restore]');
  await page.setInputFiles('[data-testid=bk-file]', path);
  await page.waitForSelector('[data-testid=bk-file-info], [data-testid=bk-error]');
}

/**
 * Restores a damaged file with the right passphrase and returns the error shown. The demo's file is one chunk, so
 * the damage is found as soon as the workspace's name is read (a file whose later chunk fails after rows were
 * written: test/unit/backup-handler.test.ts). Should the file ever hold more chunks, the name is read and restoring
 * beside the demo workspace is chosen.
 */
async function restoreDamaged(page, path) {
  await chooseFile(page, path);
  await page.fill('[data-testid=bk-restore-pass]', PASSPHRASE);
  await page.click('[data-testid=bk-restore-start]');
  await page.waitForSelector('[data-testid=bk-error], [data-testid=bk-exists]', { timeout: 120_000 });
  if (await page.$('[data-testid=bk-exists]')) await page.click('[data-testid=bk-beside]');
  await page.waitForSelector('[data-testid=bk-error]', { timeout: 120_000 });
  return page.textContent('[data-testid=bk-error]');
}

test(
  'back up, delete all local data, restore: the same figures from the same stored rows',
  { timeout: 300_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'en-GB' });
    await importDemo(page);
    const tiles = await overviewTiles(page);
    assert.ok(tiles.length >= 4, `the Overview shows its tiles (${tiles.length})`);
    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('[data-testid=bk-card]');
    // Settings this browser keeps outside IndexedDB: the client report's client and an RFM action text.
    await page.click('[data-testid=nav-report]');
    await page.fill('[data-testid=rp-client]', 'Muster GmbH');
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=rfm-action]', { timeout: 120_000 });
    await page.locator('[data-testid=rfm-action]').first().fill('Persönlich anrufen');
    await page.keyboard.press('Tab'); // the text is saved on change
    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('[data-testid=bk-card]');
    const before = await idbCounts(page);
    assert.ok(before.chunks > 0 && before.datasets === 1);

    // The passphrase is checked before anything is written: too short, then two different entries.
    await page.click('[data-testid=bk-open-backup]');
    await page.fill('[data-testid=bk-pass]', 'kurz');
    await page.click('[data-testid=bk-start]');
    await page.waitForSelector('[data-testid=bk-too-short]');
    await page.fill('[data-testid=bk-pass]', PASSPHRASE);
    await page.fill('[data-testid=bk-pass2]', PASSPHRASE + 'x');
    await page.click('[data-testid=bk-start]');
    await page.waitForSelector('[data-testid=bk-mismatch]');
    await page.keyboard.press('Escape');

    const { path, name } = await backUp(page, PASSPHRASE);
    backupPath = path;
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const wsName = await page.$eval('[data-testid=workspace] option:checked', (o) => o.textContent.trim());
    assert.equal(name, `kundenwert-${wsName.replace(/[^A-Za-z0-9_-]+/g, '-')}-${today}.kundenwert`);
    const bytes = readFileSync(path);
    assert.equal(bytes.subarray(0, 10).toString('ascii'), 'KUNDENWERT');
    // Encrypted: no customer id of the demo appears in the file in plain text.
    assert.equal(bytes.includes(Buffer.from('kundenwert-demo')), false);
    assert.deepEqual(await idbCounts(page), before, 'a backup writes nothing');

    // Delete all local data: a fresh empty workspace of the default name is left.
    await page.click('[data-testid=delete-all]');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=deleted-all]');
    assert.equal((await idbCounts(page)).chunks, 0);

    // Restore: the header's date shows first; the default workspace has the same name, so the dialog asks.
    await chooseFile(page, path);
    assert.match(await page.textContent('[data-testid=bk-file-info]'), /Backed up on .*file format 1/);
    await page.fill('[data-testid=bk-restore-pass]', PASSPHRASE);
    await page.click('[data-testid=bk-restore-start]');
    await page.waitForSelector('[data-testid=bk-exists]', { timeout: 120_000 });
    // Replace the empty default workspace (asked once more): then the store holds what it held before.
    await page.click('[data-testid=bk-replace]');
    await page.click('dialog[open] [data-testid=confirm-yes]');
    await page.waitForSelector('[data-testid=bk-restored]', { timeout: 120_000 });
    assert.deepEqual(await idbCounts(page), before, 'the same rows as before the delete');
    assert.deepEqual(await overviewTiles(page), tiles, 'the Overview shows the same figures');
    // The local settings are back, under the restored workspace's new id.
    await page.click('[data-testid=nav-report]');
    assert.equal(await page.inputValue('[data-testid=rp-client]'), 'Muster GmbH');
    await page.click('[data-testid=nav-customers]');
    await page.waitForSelector('[data-testid=rfm-action]', { timeout: 120_000 });
    assert.equal(await page.locator('[data-testid=rfm-action]').first().inputValue(), 'Persönlich anrufen');
    const wsId = await page.$eval('[data-testid=workspace]', (s) => s.value);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.ok(
      keys.includes(`kundenwert.report.${wsId}`) && keys.includes(`kundenwert.actions.${wsId}`),
      keys.join(),
    );
    await context.close();
  },
);

test(
  'a wrong passphrase, a file with one changed byte and a file cut in the middle are refused, and nothing changes',
  { timeout: 300_000 },
  async () => {
    assert.ok(backupPath, 'the first test wrote the backup');
    const { page, context } = await app.open({ locale: 'en-GB' });
    await importDemo(page);
    const tiles = await overviewTiles(page);
    await page.click('[data-testid=nav-settings]');
    const before = await idbCounts(page);

    await chooseFile(page, backupPath);
    await page.fill('[data-testid=bk-restore-pass]', 'not-the-passphrase');
    await page.click('[data-testid=bk-restore-start]');
    await page.waitForSelector('[data-testid=bk-error]', { timeout: 120_000 });
    const wrong = await page.textContent('[data-testid=bk-error]');
    assert.match(wrong, /passphrase does not open this file.*try again.*Nothing was changed/);
    // The field is empty again and has the focus, ready for the next try.
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'bk-restore-pass',
    );
    assert.deepEqual(await idbCounts(page), before);
    await page.keyboard.press('Escape');

    // One byte in the middle of the file (inside an encrypted chunk) changed.
    const bytes = readFileSync(backupPath);
    const changed = Buffer.from(bytes);
    const mid = Math.floor(changed.length / 2);
    changed[mid] ^= 0x01;
    const tamperedPath = join(dir, 'changed.kundenwert');
    writeFileSync(tamperedPath, changed);
    assert.match(
      await restoreDamaged(page, tamperedPath),
      /changed after it was written.*Nothing was changed/,
    );
    assert.deepEqual(await idbCounts(page), before, 'nothing of the changed file stays');

    // The file cut in the middle: its header reads, its chunk ends early.
    const cutPath = join(dir, 'cut.kundenwert');
    writeFileSync(cutPath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await page.keyboard.press('Escape');
    assert.match(
      await restoreDamaged(page, cutPath),
      /The file is incomplete.*not copied completely.*Nothing was changed/,
    );
    assert.deepEqual(await idbCounts(page), before, 'nothing of the cut file stays');

    // A file that is not a workspace file is refused from its header alone.
    const otherPath = join(dir, 'orders.kundenwert');
    writeFileSync(otherPath, 'Invoice;Date;Customer\n1;2024-01-01;A\n');
    await page.setInputFiles('[data-testid=bk-file]', otherPath);
    await page.waitForSelector('[data-testid=bk-error]');
    assert.match(await page.textContent('[data-testid=bk-error]'), /not a Kundenwert workspace file/);
    await page.keyboard.press('Escape');
    assert.deepEqual(await idbCounts(page), before);
    assert.deepEqual(await overviewTiles(page), tiles);
    await context.close();
  },
);

test(
  'restored beside a workspace of the same name: both stay, the restored one is shown',
  { timeout: 300_000 },
  async () => {
    assert.ok(backupPath, 'the first test wrote the backup');
    const { page, context } = await app.open({ locale: 'en-GB' });
    await importDemo(page);
    const tiles = await overviewTiles(page);
    const before = await idbCounts(page);
    await chooseFile(page, backupPath);
    await page.fill('[data-testid=bk-restore-pass]', PASSPHRASE);
    await page.click('[data-testid=bk-restore-start]');
    await page.waitForSelector('[data-testid=bk-exists]', { timeout: 120_000 });
    // Beside it is the default (it has the focus): Enter chooses it.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'bk-beside');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=bk-restored]', { timeout: 120_000 });
    assert.equal(
      await page.$eval('[data-testid=workspace] option:checked', (o) => o.textContent.trim()),
      'My workspace (restored)',
    );
    const after = await idbCounts(page);
    // The demo twice: one more workspace, every dataset row and chunk twice.
    assert.equal(after.workspaces, before.workspaces + 1);
    assert.equal(after.datasets, 2 * before.datasets);
    assert.equal(after.chunks, 2 * before.chunks);
    assert.deepEqual(await overviewTiles(page), tiles);

    // The same file beside once more: the name taken, the next copy is numbered.
    await chooseFile(page, backupPath);
    await page.fill('[data-testid=bk-restore-pass]', PASSPHRASE);
    await page.click('[data-testid=bk-restore-start]');
    await page.waitForSelector('[data-testid=bk-exists]', { timeout: 120_000 });
    assert.equal(
      await page.textContent('[data-testid=bk-beside]'),
      'Restore beside it as “My workspace (restored 2)”',
    );
    await page.click('[data-testid=bk-beside]');
    await page.waitForSelector('[data-testid=bk-restored]', { timeout: 120_000 });
    assert.deepEqual(
      await page.$$eval('[data-testid=workspace] option', (os) => os.map((o) => o.textContent.trim()).sort()),
      ['My workspace', 'My workspace (restored)', 'My workspace (restored 2)'].sort(),
    );
    assert.equal(
      await page.$eval('[data-testid=workspace] option:checked', (o) => o.textContent.trim()),
      'My workspace (restored 2)',
    );
    assert.equal((await idbCounts(page)).chunks, 3 * before.chunks);
    await context.close();
  },
);

test(
  'a browser that refuses to write the local settings back: the data is restored and the notice says what was lost',
  { timeout: 300_000 },
  async () => {
    assert.ok(backupPath, 'the first test wrote the backup');
    const context = await app.browser.newContext({ locale: 'en-GB' });
    // localStorage full for the workspace settings the file carries (the report setup, the RFM action texts).
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (/^kundenwert\.(report|actions)\./.test(key)) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    const { page } = await app.open({ context });
    await chooseFile(page, backupPath);
    await page.fill('[data-testid=bk-restore-pass]', PASSPHRASE);
    await page.click('[data-testid=bk-restore-start]');
    await page.waitForSelector('[data-testid=bk-exists]', { timeout: 120_000 });
    await page.click('[data-testid=bk-beside]');
    await page.waitForSelector('[data-testid=bk-restored]', { timeout: 120_000 });
    assert.match(
      await page.textContent('[data-testid=bk-restored-settings-lost]'),
      /All data is back, but the browser did not keep the workspace's local settings/,
    );
    assert.ok((await idbCounts(page)).chunks > 0, 'the data itself is restored');
    await context.close();
  },
);

/** The serious and critical axe violations of the page as it is (an open dialog among it), one line each. */
async function seriousViolations(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
  });
  return found.map((v) => `${where}: ${v}`);
}

/** Presses Tab until the element with the test id has the focus (at most `max` presses). */
async function tabTo(page, testId, max = 300) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId))
      return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab did not reach ${testId}`);
}

test(
  'by keyboard alone: the demo, then a backup through the dialog to the download',
  { timeout: 300_000 },
  async () => {
    const { page, context } = await app.open({ locale: 'de-DE' });
    await tabTo(page, 'load-demo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=preview] tbody tr');
    await tabTo(page, 'start-import');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 120_000 });
    await tabTo(page, 'nav-settings');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=bk-card]');
    await tabTo(page, 'bk-open-backup');
    await page.keyboard.press('Enter');
    // The focus moved into the dialog, on the first passphrase field.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'bk-pass');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'bk-pass2');
    await page.keyboard.type(PASSPHRASE);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.keyboard.press('Enter');
    const d = await download;
    assert.match(d.suggestedFilename(), /^kundenwert-.+-\d{4}-\d{2}-\d{2}\.kundenwert$/);
    await page.waitForSelector('[data-testid=bk-done]');
    // The focus is on "Close"; Escape closes the dialog as well.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'bk-close');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=bk-backup-dialog]', { state: 'hidden' });
    // The focus is back on the button that opened the dialog.
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'bk-open-backup',
    );
    await context.close();
  },
);

test(
  'the dialogs in German and English at 1366 and 768 px: screenshots, no serious axe violation',
  { timeout: 300_000 },
  async () => {
    assert.ok(backupPath, 'the first test wrote the backup');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const problems = [];
    for (const [locale, lang] of [
      ['de-DE', 'de'],
      ['en-GB', 'en'],
    ]) {
      // The built app's CSP allows only its own scripts; this context lets the injected axe run.
      const context = await app.browser.newContext({
        locale,
        bypassCSP: true,
        viewport: { width: 1366, height: 900 },
      });
      const { page } = await app.open({ context });
      await page.click('[data-testid=nav-settings]');
      for (const width of [1366, 768]) {
        await page.setViewportSize({ width, height: 900 });
        await page.click('[data-testid=bk-open-backup]');
        await page.fill('[data-testid=bk-pass]', 'kurz');
        await page.click('[data-testid=bk-start]');
        await page.waitForSelector('[data-testid=bk-too-short]');
        await page.screenshot({ path: join(SCREENSHOTS, `backup-dialog-${lang}-${width}.png`) });
        if (width === 1366) problems.push(...(await seriousViolations(page, `backup ${lang}`)));
        await page.keyboard.press('Escape');
        await chooseFile(page, backupPath);
        await page.screenshot({ path: join(SCREENSHOTS, `restore-dialog-${lang}-${width}.png`) });
        await page.fill('[data-testid=bk-restore-pass]', 'nicht-richtig');
        await page.click('[data-testid=bk-restore-start]');
        await page.waitForSelector('[data-testid=bk-error]', { timeout: 120_000 });
        await page.screenshot({ path: join(SCREENSHOTS, `restore-wrong-${lang}-${width}.png`) });
        if (width === 1366) problems.push(...(await seriousViolations(page, `restore ${lang}`)));
        await page.keyboard.press('Escape');

        // A browser with no storage left (its estimate answered so; headless Chromium ignores quota overrides in
        // its fresh contexts): the warning gives the figures before the passphrase.
        await page.evaluate(() => {
          const real = StorageManager.prototype.estimate;
          window.__realEstimate = real;
          StorageManager.prototype.estimate = async function () {
            const e = await real.call(this);
            return { ...e, quota: e.usage };
          };
        });
        await chooseFile(page, backupPath);
        await page.waitForSelector('[data-testid=bk-tight]');
        assert.match(
          await page.textContent('[data-testid=bk-tight]'),
          lang === 'de'
            ? /vermutlich nicht reichen.*etwa \d.*Datei von \d.*noch 0 B frei/
            : /probably not suffice.*about \d.*file of \d.*has 0 B left/,
        );
        await page.screenshot({ path: join(SCREENSHOTS, `restore-tight-${lang}-${width}.png`) });
        if (width === 1366) problems.push(...(await seriousViolations(page, `restore tight ${lang}`)));
        await page.keyboard.press('Escape');
        await page.evaluate(() => (StorageManager.prototype.estimate = window.__realEstimate));
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  },
);
