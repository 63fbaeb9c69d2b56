// Offline after one visit: the service worker precaches the app and the demo data, so with the network off the app
// loads, imports the demo and shows the Overview; a new version is offered as a reload, never during an import; and
// "Load demo data" says honestly why it cannot load when there is no copy. In Chromium, on the production build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startApp, text, ROOT, SCREENSHOTS, CHROMIUM_ARGS, chromiumPath } from './harness.mjs';

const DIST = resolve(ROOT, 'dist');

/** Every file of a build folder, as a path relative to it with forward slashes. */
function filesOf(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Records every request of a context (the pages' and the service worker's) that goes to another origin. */
function watchForeign(context, origin) {
  const foreign = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return foreign;
}

/** Waits until a service worker is active and controls the page (it claims the first visit's page). */
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

test('the service worker precaches the whole build, the demo data included, and nothing from elsewhere', () => {
  const sw = readFileSync(resolve(DIST, 'sw.js'), 'utf8');
  const listed = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[0-9a-f]+"|null)\}/g)].map((m) => m[1]);
  const expected = filesOf(DIST)
    .filter((f) => f !== 'sw.js')
    .sort();
  assert.ok(expected.includes('demo/kundenwert-demo.csv'), 'dist/ holds the demo data: run "npm run build"');
  assert.ok(
    expected.some((f) => /^assets\/engine\.worker-.+\.js$/.test(f)),
    'dist/ holds the worker bundle',
  );
  assert.deepEqual([...listed].sort(), expected);
  // Relative URLs only (the app works from any base path), and the Workbox runtime is inside sw.js (no
  // importScripts of a CDN or another file).
  assert.deepEqual(
    listed.filter((u) => /^[a-z]+:|^\//.test(u)),
    [],
  );
  assert.doesNotMatch(sw, /importScripts\(/);
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.lang, 'de');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.theme_color, '#1d4e89');
  const css = readFileSync(resolve(ROOT, 'src/app/global.css'), 'utf8');
  assert.equal(/--primary:\s*(#[0-9a-f]{6})/i.exec(css)?.[1], manifest.theme_color);
  for (const icon of manifest.icons) assert.ok(listed.includes(icon.src), `${icon.src} is precached`);
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  assert.match(html, /<link rel="manifest" href="\.\/manifest\.webmanifest"/);
  assert.match(html, /<meta name="theme-color" content="#1d4e89"/);
});

test(
  'Chromium finds the app installable (manifest, icons, service worker)',
  { timeout: 60_000 },
  async () => {
    const app = await startApp();
    // A real profile: Chromium's own check refuses any incognito context, which a plain new context is.
    const profile = mkdtempSync(join(tmpdir(), 'kundenwert-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
    });
    try {
      const page = await context.newPage();
      await page.goto(app.url);
      await page.waitForSelector('[data-testid=dropzone]');
      await waitControlled(page);
      const cdp = await context.newCDPSession(page);
      assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
      assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    } finally {
      await context.close();
      await app.stop();
      rmSync(profile, { recursive: true, force: true });
    }
  },
);

test(
  'after one visit the app loads, imports the demo and shows the Overview with the network off',
  { timeout: 180_000 },
  async () => {
    const app = await startApp();
    try {
      const context = await app.browser.newContext({
        locale: 'de-DE',
        viewport: { width: 1280, height: 900 },
      });
      const foreign = watchForeign(context, app.origin);
      const { page } = await app.open({ context });
      await waitControlled(page);
      // The cache holds the demo data before the network goes.
      assert.ok(
        await page.evaluate(async () =>
          Boolean(
            await caches.match(new URL('demo/kundenwert-demo.csv', document.baseURI).href, {
              ignoreSearch: true,
            }),
          ),
        ),
      );
      await page.reload();
      await page.waitForSelector('[data-testid=dropzone]');

      // The network goes: the browser is offline, and the server counts whatever still reaches it.
      let served = 0;
      app.server.httpServer.on('request', () => served++);
      await context.setOffline(true);
      await page.reload();
      await page.waitForSelector('[data-testid=dropzone]', { timeout: 30_000 });
      assert.equal(await text(page, 'nav-import'), 'Daten');
      await page.click('[data-testid=load-demo]');
      await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 60_000 });
      await page.click('[data-testid=start-import]');
      await page.waitForSelector('[data-testid=import-summary]', { timeout: 90_000 });
      await page.click('[data-testid=nav-overview]');
      await page.waitForSelector('[data-testid=ov-tiles]', { timeout: 60_000 });
      for (const id of ['clvHistoric', 'aov', 'repeatRate', 'top20Share']) {
        assert.match(await text(page, `kpi-${id}`), /\d/, `${id} shows a number offline`);
      }
      assert.match(
        await text(page, 'ov-pareto'),
        /^Die umsatzstärksten 20 % der Kunden \([\d.]+ von [\d.]+\) bringen \d+,\d\s?% des Umsatzes\.$/,
      );
      await page.screenshot({ path: resolve(SCREENSHOTS, 'offline-overview-de.png'), fullPage: true });
      assert.equal(served, 0, 'nothing reached the server while offline');
      assert.deepEqual(foreign, [], 'no request left the origin');
      assert.deepEqual(app.foreignRequests, [], 'no request left the origin');
      await context.close();
    } finally {
      await app.stop();
    }
  },
);

test(
  'a new version is offered as a reload, not while an import is in progress, and the reload brings it in',
  { timeout: 180_000 },
  async () => {
    // A copy of the build whose sw.js the test changes, as a new release would.
    const dir = mkdtempSync(join(tmpdir(), 'kundenwert-update-'));
    cpSync(DIST, dir, { recursive: true });
    const app = await startApp({ dir });
    try {
      const context = await app.browser.newContext({
        locale: 'de-DE',
        viewport: { width: 1280, height: 900 },
      });
      const foreign = watchForeign(context, app.origin);
      const { page } = await app.open({ context });
      await waitControlled(page);
      // The first install is no update.
      await page.waitForTimeout(300);
      assert.equal(await page.locator('[data-testid=update-banner]').count(), 0);

      // An import is in progress (the demo on the mapping step) when the new version arrives.
      await page.click('[data-testid=load-demo]');
      await page.waitForSelector('[data-testid=preview] tbody tr');
      appendFileSync(join(dir, 'sw.js'), '\nself.__kundenwertRelease = 2;\n');
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg.update();
      });
      await page.waitForFunction(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed',
        null,
        { timeout: 60_000, polling: 200 },
      );
      await page.waitForTimeout(300);
      assert.equal(
        await page.locator('[data-testid=update-banner]').count(),
        0,
        'no offer during the import',
      );

      // The import ends: the offer appears.
      await page.click('[data-testid=start-import]');
      await page.waitForSelector('[data-testid=import-summary]', { timeout: 90_000 });
      await page.waitForSelector('[data-testid=update-banner]', { timeout: 10_000 });
      assert.match(await text(page, 'update-banner'), /^Eine neue Version von Kundenwert ist bereit\./);
      assert.equal(await text(page, 'update-reload'), 'Neu laden');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'update-banner-de.png') });
      await page.selectOption('[data-testid=language]', 'en');
      assert.match(await text(page, 'update-banner'), /^A new version of Kundenwert is ready\./);
      assert.equal(await text(page, 'update-reload'), 'Reload');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'update-banner-en.png') });

      // The reload: the new version controls the reloaded page, and nothing waits any more.
      await page.evaluate(() => (window.__beforeReload = true));
      await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-reload]')]);
      await page.waitForSelector('[data-testid=nav-import]');
      assert.equal(await page.evaluate(() => window.__beforeReload ?? false), false, 'the page reloaded');
      await waitControlled(page);
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: reg.waiting !== null, active: reg.active?.state };
      });
      assert.deepEqual(state, { waiting: false, active: 'activated' });
      const releases = await Promise.all(
        context
          .serviceWorkers()
          .map((w) => w.evaluate(() => self.__kundenwertRelease ?? 1).catch(() => null)),
      );
      assert.ok(releases.includes(2), `the new release runs (${JSON.stringify(releases)})`);
      assert.equal(await page.locator('[data-testid=update-banner]').count(), 0);
      assert.deepEqual(foreign, [], 'no request left the origin');
      await context.close();
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  '"Load demo data" without a stored copy and without a network says so, and a missing file says that',
  { timeout: 60_000 },
  async () => {
    const app = await startApp();
    try {
      // No service worker (as on a first visit that went offline before the cache was filled).
      const context = await app.browser.newContext({ locale: 'de-DE', serviceWorkers: 'block' });
      const { page } = await app.open({ context });
      await context.setOffline(true);
      await page.click('[data-testid=load-demo]');
      await page.waitForSelector('[data-testid=import-error]');
      assert.match(
        await text(page, 'import-error'),
        /^Die Demodaten konnten nicht geladen werden: Der Server, von dem Kundenwert geöffnet wurde, ist nicht erreichbar/,
      );
      await context.setOffline(false);
      // Online, a server without the file: that is what "not part of this installation" means.
      await context.route('**/demo/kundenwert-demo.csv', (route) => route.fulfill({ status: 404, body: '' }));
      await page.click('[data-testid=load-demo]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=import-error]')?.textContent.includes('nicht enthalten'),
      );
      assert.match(
        await text(page, 'import-error'),
        /^Die Demodaten sind in dieser Installation nicht enthalten\./,
      );
      await context.close();
    } finally {
      await app.stop();
    }
  },
);
