// Shared set-up for the end-to-end tests: serves the built app (dist/, or the test build dist-test/) and drives
// Debian's Chromium.
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DATA = resolve(ROOT, '../shared/data');
export const hasSharedData = existsSync(resolve(SHARED_DATA, 'online_retail.csv'));
export const SCREENSHOTS = resolve(ROOT, 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p))
    throw new Error(`Chromium not found at ${p}: install it with "apt-get install chromium".`);
  return p;
}

/**
 * Starts `vite preview` on the built app and a headless Chromium. Returns helpers and a stop(). With `hooks`, serves
 * the test build (dist-test/, `npm run build:test`), whose worker also has the benchmarks and test hooks
 * (src/worker/handlers/dev.ts); otherwise the production build (dist/), which has none of them. `dir` serves another
 * folder (a copy of a build that a test changes); `server` is the preview server (to count or cut its requests).
 */
export async function startApp({ hooks = false, dir } = {}) {
  const outDir = dir ?? (hooks ? 'dist-test' : 'dist');
  const script = hooks ? 'build:test' : 'build';
  if (!existsSync(resolve(ROOT, outDir, 'index.html')))
    throw new Error(`${outDir}/ is missing: run "npm run ${script}" first.`);
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const origin = new URL(url).origin;
  const foreignRequests = [];

  /** A fresh browser context (own IndexedDB) with a page on the app; records any request to another origin. */
  async function open({ locale = 'en-GB', context } = {}) {
    const ctx = context ?? (await browser.newContext({ locale, viewport: { width: 1280, height: 900 } }));
    const page = await ctx.newPage();
    page.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
    });
    page.on('pageerror', (err) => console.error('[pageerror]', err.message));
    await page.goto(url);
    await page.waitForSelector('[data-testid=dropzone], #settings-title', { timeout: 30_000 });
    return { page, context: ctx };
  }

  async function stop() {
    await browser.close();
    await new Promise((r) => server.httpServer.close(r));
  }

  return { url, origin, browser, server, open, stop, foreignRequests };
}

/** Counts IndexedDB rows of the app's database in the page, per table. */
export async function idbCounts(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('kundenwert')) return {};
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('kundenwert');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out = {};
    for (const name of db.objectStoreNames) {
      out[name] = await new Promise((res, rej) => {
        const r = db.transaction(name).objectStore(name).count();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    }
    db.close();
    return out;
  });
}

/** Text of an element by test id. */
export async function text(page, testId) {
  return (await page.locator(`[data-testid="${testId}"]`).first().textContent())?.trim() ?? '';
}

/** Parses a number as the English UI writes it (1,234.56). */
export function num(s) {
  return Number(s.replace(/[^0-9.-]/g, ''));
}

/** Loads the demo data with the one-click button and imports it with the proposed mapping. */
export async function importDemo(page) {
  await page.click('[data-testid=nav-import]');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=preview] tbody tr');
  await page.click('[data-testid=start-import]');
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
}
