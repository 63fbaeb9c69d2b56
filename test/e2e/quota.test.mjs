// A small disk: Chromium's real storage quota for a profile : a profile on a 6 MB tmpfs runs out of disk during a 48 MB import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import {
  startApp,
  hasSharedData,
  SHARED_DATA,
  CHROMIUM_ARGS,
  chromiumPath,
  idbCounts,
  text,
} from './harness.mjs';

function mountSmallDisk() {
  const dir = mkdtempSync('/tmp/kundenwert-small-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const disk = hasSharedData ? mountSmallDisk() : null;
const skip = !hasSharedData
  ? 'needs ../shared/data (absent)'
  : !disk
    ? 'needs root to mount a small tmpfs'
    : false;

test(
  'a disk that fills up mid-import: a clear message and nothing left behind',
  { skip, timeout: 180_000 },
  async () => {
    const app = await startApp();
    const launch = () =>
      chromium.launchPersistentContext(disk, {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
        headless: true,
        locale: 'en-GB',
      });
    let context = await launch();
    try {
      const page = await context.newPage();
      await page.goto(app.url);
      await page.waitForSelector('[data-testid=dropzone]');
      await page.setInputFiles('[data-testid=file-input]', resolve(SHARED_DATA, 'online_retail.csv'));
      await page.waitForSelector('[data-testid=preview] tbody tr');
      await page.click('[data-testid=start-import]');
      // When the browser's estimate already shows the small disk, a warning comes first: the user goes on anyway.
      const first = await page.waitForSelector(
        '[data-testid=space-warning], [data-testid=import-error], [data-testid=import-summary], [data-testid=import-progress]',
      );
      if ((await first.getAttribute('data-testid')) === 'space-warning')
        await page.click('[data-testid=space-anyway]');
      // Either outcome ends the wait, so a failure shows what the page said instead of a bare time-out.
      await page.waitForSelector('[data-testid=import-error], [data-testid=import-summary]', {
        timeout: 90_000,
      });
      assert.equal(
        await page.locator('[data-testid=import-summary]').count(),
        0,
        await page.locator('main').innerText(),
      );
      assert.match(
        await text(page, 'import-error'),
        /browser storage is full\. Nothing was stored\. Delete datasets/,
      );
      // With the disk full, Chromium may not even open IndexedDB any more. Free space as a user would, open the
      // app again, and look: nothing of the import may be left.
      await context.close();
      execFileSync('mount', ['-o', 'remount,size=64m', disk]);
      context = await launch();
      const again = await context.newPage();
      await again.goto(app.url);
      await again.waitForSelector('[data-testid=no-datasets]');
      const counts = await idbCounts(again);
      assert.deepEqual(
        { datasets: counts.datasets ?? 0, chunks: counts.chunks ?? 0, rejects: counts.rejects ?? 0 },
        { datasets: 0, chunks: 0, rejects: 0 },
      );
    } finally {
      await context.close();
      await app.stop();
      try {
        execFileSync('umount', [disk]);
      } catch {
        // already gone
      }
      rmSync(disk, { recursive: true, force: true });
    }
  },
);
