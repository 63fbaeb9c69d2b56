// npm run bench:backup — a workspace with a generated Online-Retail-like dataset (1,000,000 lines by default) is
// imported into the test build of the app in headless Chromium, backed up with a passphrase through the Settings
// dialog, all local data is deleted, and the file is restored through the restore dialog (replacing the empty
// default workspace). Checks that the restored dataset has the imported row count and every table the same number
// of stored rows. Prints and writes JSON to bench/results/: import, backup and restore times, the file size, the
// browser storage used before and after the restore (the ratio the restore dialog's storage warning uses), and the
// peak JS heap of page and worker during backup and restore (sampled through the Chrome DevTools Protocol).
// Another size: node bench/backup.mjs 200000
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, idbCounts } from '../test/e2e/harness.mjs';
import { generateRetailCsv } from './generate.mjs';
import { heapSampler, RESULTS, TMP } from './lib.mjs';

const ROWS = Number(process.argv[2]) || 1_000_000;
const PASSPHRASE = 'bench-Passphrase-2026';

const engine = (page, method, ...args) =>
  page.evaluate(
    async ([m, a]) => {
      const r = await globalThis.__kundenwertEngine[m](...a);
      if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    [method, args],
  );

/** The stored rows of the shown workspace's datasets, summed. */
async function datasetRows(page) {
  const wsId = await page.$eval('[data-testid=workspace]', (s) => Number(s.value));
  const ds = await engine(page, 'listDatasets', wsId);
  return ds.reduce((n, d) => n + d.rowCount, 0);
}

const mb = (b) => b / 2 ** 20;

const app = await startApp({ hooks: true });
let result;
try {
  // Almost every line has a customer id (1 % have none: their lines are kept as rejected rows and carried too),
  // so the dataset holds about ROWS rows.
  const path = await generateRetailCsv(resolve(TMP, `retail-${ROWS}-backup.csv`), ROWS, {
    missingShare: 0.01,
  });
  const csvBytes = statSync(path).size;
  const { page, context } = await app.open({ locale: 'de-DE' });
  const sampler = await heapSampler(page, 100);

  // Import.
  let t = performance.now();
  await page.setInputFiles('[data-testid=file-input]', path);
  await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 120_000 });
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 1_800_000 });
  const importMs = performance.now() - t;
  const importedRows = await datasetRows(page);
  const usageImported = (await engine(page, 'storageEstimate')).usage;
  console.log(`imported ${importedRows.toLocaleString('en')} rows in ${(importMs / 1000).toFixed(1)} s`);

  // Back up through the dialog.
  await page.click('[data-testid=nav-settings]');
  await page.click('[data-testid=bk-open-backup]');
  await page.fill('[data-testid=bk-pass]', PASSPHRASE);
  await page.fill('[data-testid=bk-pass2]', PASSPHRASE);
  const download = page.waitForEvent('download', { timeout: 1_800_000 });
  await sampler.start();
  t = performance.now();
  await page.click('[data-testid=bk-start]');
  const d = await download;
  const backupMs = performance.now() - t;
  const backupHeap = await sampler.stop();
  const backupPath = resolve(TMP, `backup-${ROWS}.kundenwert`);
  await d.saveAs(backupPath);
  const fileBytes = statSync(backupPath).size;
  await page.click('[data-testid=bk-close]');
  // Counted after the backup: opening Settings writes the workspace's figures row once.
  const countsBefore = await idbCounts(page);
  console.log(
    `backed up in ${(backupMs / 1000).toFixed(1)} s: ${mb(fileBytes).toFixed(1)} MB, peak heap page ` +
      `${backupHeap.peakPageHeapMB.toFixed(1)} MB / worker ${backupHeap.peakWorkerHeapMB.toFixed(1)} MB (before: ` +
      `${backupHeap.startPageHeapMB.toFixed(1)} / ${backupHeap.startWorkerHeapMB.toFixed(1)} MB)`,
  );

  // Delete all local data.
  await page.click('[data-testid=delete-all]');
  await page.click('dialog[open] [data-testid=confirm-yes]');
  await page.waitForSelector('[data-testid=deleted-all]', { timeout: 600_000 });
  const countsDeleted = await idbCounts(page);
  if (countsDeleted.chunks !== 0) throw new Error('the delete left chunks');
  const usageDeleted = (await engine(page, 'storageEstimate')).usage;

  // Restore through the dialog, replacing the empty default workspace of the same name.
  await page.click('[data-testid=bk-open-restore]');
  await page.setInputFiles('[data-testid=bk-file]', backupPath);
  await page.waitForSelector('[data-testid=bk-file-info]', { timeout: 120_000 });
  await page.fill('[data-testid=bk-restore-pass]', PASSPHRASE);
  await sampler.start();
  t = performance.now();
  await page.click('[data-testid=bk-restore-start]');
  await page.waitForSelector('[data-testid=bk-exists], [data-testid=bk-restored]', { timeout: 1_800_000 });
  if (await page.$('[data-testid=bk-exists]')) {
    await page.click('[data-testid=bk-replace]');
    await page.click('dialog[open] [data-testid=confirm-yes]');
  }
  await page.waitForSelector('[data-testid=bk-restored], [data-testid=bk-error]', { timeout: 1_800_000 });
  const restoreMs = performance.now() - t;
  const restoreHeap = await sampler.stop();
  if (await page.$('[data-testid=bk-error]')) {
    throw new Error(`restore failed: ${await page.textContent('[data-testid=bk-error]')}`);
  }
  const restoredRows = await datasetRows(page);
  const countsRestored = await idbCounts(page);
  const usageRestored = (await engine(page, 'storageEstimate')).usage;
  console.log(
    `restored ${restoredRows.toLocaleString('en')} rows in ${(restoreMs / 1000).toFixed(1)} s, peak heap page ` +
      `${restoreHeap.peakPageHeapMB.toFixed(1)} MB / worker ${restoreHeap.peakWorkerHeapMB.toFixed(1)} MB (before: ` +
      `${restoreHeap.startPageHeapMB.toFixed(1)} / ${restoreHeap.startWorkerHeapMB.toFixed(1)} MB)`,
  );
  await context.close();

  const sameCounts = JSON.stringify(countsRestored) === JSON.stringify(countsBefore);
  result = {
    bench: 'backup',
    date: new Date().toISOString(),
    rows: ROWS,
    csvMB: mb(csvBytes),
    importedRows,
    restoredRows,
    rowCountsEqual: restoredRows === importedRows,
    storedRowsEqual: sameCounts,
    countsBefore,
    countsRestored,
    importMs: Math.round(importMs),
    backupMs: Math.round(backupMs),
    restoreMs: Math.round(restoreMs),
    fileMB: mb(fileBytes),
    storageMB: {
      imported: usageImported === null ? null : mb(usageImported),
      afterDelete: usageDeleted === null ? null : mb(usageDeleted),
      restored: usageRestored === null ? null : mb(usageRestored),
    },
    restoredStoragePerFileByte:
      usageRestored === null || usageDeleted === null ? null : (usageRestored - usageDeleted) / fileBytes,
    backupHeap,
    restoreHeap,
  };
  console.log(JSON.stringify(result, null, 2));
  if (!result.rowCountsEqual || !sameCounts) {
    process.exitCode = 1;
    console.error('the restored workspace differs from the imported one');
  }
} finally {
  await app.stop();
}
const file = resolve(RESULTS, `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(result ?? { bench: 'backup', failed: true }, null, 2));
console.log(`written ${file}`);
