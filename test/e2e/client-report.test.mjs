// The client report in Chromium: demo data → Report → sections, client, author, logo and the report's own language
// → an A4 PDF with a cover, one part per section and the definitions appendix; the setup stays after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { startApp, text, importDemo, SCREENSHOTS, ROOT } from './harness.mjs';
import { KNOWN_CAC } from '../../scripts/generate-demo.mjs';

const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
  assert.deepEqual(app?.foreignRequests ?? [], [], 'no request may leave the app origin');
});

// A 1×1 PNG, read by the page from a local file into a data URL.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SECTIONS = ['overview', 'segments', 'forecast', 'actions'];
/**
 * The pages of the demo's report printed to A4: with the four sections above (the appendix on the last page), and
 * with all nine (the appendix on the last two).
 */
const REPORT_PAGES_FOUR = 8;
const REPORT_PAGES_ALL = 14;

/**
 * The charts of the printed report, each with whether its numbers stand beside it: a table in the same chart pair
 * (Bars.svelte draws the chart, the section puts the table of its numbers next to it) with at least one number.
 * Also counts drawings (svg, canvas) that are not such a chart.
 */
async function chartNumbers(page) {
  return page.evaluate(() => {
    const report = document.querySelector('[data-testid=rp-report]');
    const figures = [...(report?.querySelectorAll('figure') ?? [])];
    const charts = figures.map((f) => {
      const part = f.closest('[data-testid^=rp-part-]')?.getAttribute('data-testid') ?? '?';
      const tables = [...(f.parentElement?.querySelectorAll(':scope > table') ?? [])];
      const numeric = tables.some((t) =>
        [...t.querySelectorAll('tbody td')].some((td) => /\d/.test(td.textContent ?? '')),
      );
      return { part, title: f.querySelector('figcaption')?.textContent?.trim(), numeric };
    });
    const loose = [...(report?.querySelectorAll('svg, canvas') ?? [])].filter(
      (e) => !e.closest('figure'),
    ).length;
    return { charts, loose };
  });
}

/**
 * Every figure label of the report's parts and whether the
 * appendix defines it: each part table's column header names its definition (data-def, the label key of the
 * definition) or is a dimension (data-dim: a segment, a month, a channel); each row of a table of figures
 * (data-rows=figures) names its definition in its first cell; every data-def has an appendix term of that key.
 */
async function undefinedFigures(page) {
  return page.evaluate(() => {
    const report = document.querySelector('[data-testid=rp-report]');
    const terms = new Set(
      [...(report?.querySelectorAll('[data-testid=rp-appendix] dt[data-def]') ?? [])].map((dt) =>
        dt.getAttribute('data-def'),
      ),
    );
    const problems = [];
    const named = [];
    for (const part of report?.querySelectorAll('[data-testid^=rp-part-]') ?? []) {
      const id = part.getAttribute('data-testid');
      for (const th of part.querySelectorAll('table thead th')) {
        if (!th.hasAttribute('data-def') && !th.hasAttribute('data-dim'))
          problems.push(`${id}: column "${th.textContent?.trim()}" names no definition`);
      }
      for (const tr of part.querySelectorAll('table[data-rows=figures] tbody tr')) {
        const first = tr.querySelector('td, th');
        if (!first?.hasAttribute('data-def'))
          problems.push(`${id}: row "${first?.textContent?.trim()}" names no definition`);
      }
      for (const el of part.querySelectorAll('[data-def]')) {
        const key = el.getAttribute('data-def');
        named.push(key);
        if (!terms.has(key))
          problems.push(`${id}: "${el.textContent?.trim()}" (${key}) is not in the appendix`);
      }
    }
    return { problems, named: [...new Set(named)] };
  });
}

/**
 * The pages of a PDF Chromium printed, and its outline (printed with `outline: true`: one entry per heading): the
 * page objects in the order of the page tree, and for each outline title the index of the page it points to. Reads
 * the PDF's own objects (Chromium writes them uncompressed), no library.
 */
function pdfStructure(pdf) {
  const src = pdf.toString('latin1');
  const objects = new Map();
  for (const m of src.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
  const refs = (s) => [...s.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const isTree = (body) => /\/Type\s*\/Pages\b/.test(body);
  const root = [...objects].find(([, b]) => isTree(b) && !/\/Parent\b/.test(b));
  assert.ok(root, 'the PDF has a page tree');
  const pages = [];
  const walk = (id) => {
    const body = objects.get(id) ?? '';
    if (!isTree(body)) return pages.push(id);
    for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '')) walk(kid);
  };
  walk(root[0]);
  const title = (raw) => {
    if (!raw.startsWith('<')) return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
    const hex = Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex');
    // UTF-16BE with its byte order mark.
    const chars = [];
    for (let i = 2; i + 1 < hex.length; i += 2) chars.push(hex.readUInt16BE(i));
    return String.fromCharCode(...chars);
  };
  const outline = [];
  for (const body of objects.values()) {
    const t = /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(body);
    const dest = /\/Dest\s*\[\s*(\d+) 0 R/.exec(body);
    if (t && dest) outline.push({ title: title(t[1]), page: pages.indexOf(Number(dest[1])) });
  }
  return { pages: pages.length, outline };
}

/**
 * Asserts that the appendix (outline title `heading`) starts on page `pages − appendixPages` and comes after every
 * other heading, so that the last `appendixPages` pages are the appendix's.
 */
function assertAppendixLast(structure, heading, appendixPages) {
  const at = pageOf(structure, heading);
  assert.equal(at, structure.pages - appendixPages, `the page of "${heading}"`);
  const later = structure.outline.filter((o) => o.title !== heading && o.page >= at);
  assert.deepEqual(later, [], 'headings on or after the appendix’s first page');
}

/** The page (0-based) of the outline entry whose title is `heading`. */
function pageOf(structure, heading) {
  const entry = structure.outline.find((o) => o.title === heading);
  assert.ok(entry, `"${heading}" in the PDF outline: ${structure.outline.map((o) => o.title).join(' | ')}`);
  return entry.page;
}

test(
  'client report: cover, chosen sections, definitions appendix, printed to A4',
  { timeout: 240_000 },
  async () => {
    const { page, context } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await importDemo(page);
    await page.click('[data-testid=nav-report]');
    await page.waitForSelector('[data-testid=rp-setup]');
    assert.equal(await text(page, 'nav-report'), 'Report');

    // Every section in the registry is offered, all chosen at first; the test keeps four, then unchecks and
    // rechecks one.
    const offered = await page.$$eval('[data-testid^=rp-section-]', (els) =>
      els.map((e) => e.getAttribute('data-testid')?.replace('rp-section-', '')),
    );
    assert.deepEqual(offered, [
      'overview',
      'customers',
      'segments',
      'cohorts',
      'forecast',
      'economics',
      'actions',
      'selfcheck',
      'valuestream',
    ]);
    for (const id of offered) {
      assert.equal(await page.isChecked(`[data-testid=rp-section-${id}]`), true, id);
      if (!SECTIONS.includes(id)) await page.uncheck(`[data-testid=rp-section-${id}]`);
    }
    for (const id of SECTIONS) await page.check(`[data-testid=rp-section-${id}]`);
    await page.uncheck('[data-testid=rp-section-segments]');
    assert.equal(await page.locator('[data-testid=rp-part-segments]').count(), 0);
    await page.check('[data-testid=rp-section-segments]');
    await page.fill('[data-testid=rp-client]', 'Muster GmbH');
    await page.fill('[data-testid=rp-author]', 'Erika Beraterin');
    await page.setInputFiles('[data-testid=rp-logo]', {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.waitForSelector('[data-testid=rp-cover-logo]');
    assert.match(
      (await page.getAttribute('[data-testid=rp-cover-logo]', 'src')) ?? '',
      /^data:image\/png;base64,/,
    );
    // A file that is not an image is refused with a message, and the logo stays.
    await page.setInputFiles('[data-testid=rp-logo]', {
      name: 'x.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('x'),
    });
    assert.match(await text(page, 'rp-logo-error'), /not an image/);
    assert.equal(await page.locator('[data-testid=rp-cover-logo]').count(), 1);

    // The setup screen in English, then the report in German while the UI stays English.
    await page.screenshot({ path: resolve(SCREENSHOTS, 'report-setup-en.png') });
    await page.selectOption('[data-testid=rp-lang]', 'de');
    for (const sel of [
      'rp-ov-kpis',
      'rp-ov-trend',
      'rp-sg-table',
      'rp-fc-totals',
      'rp-fc-segments',
      'rp-ac-lists',
    ])
      await page.waitForSelector(`[data-testid=${sel}]`, { timeout: 120_000 });
    // The demo has 2,999 customers (the Overview's figure), written the German way in the German report.
    assert.equal(await text(page, 'rp-ov-customers'), '2.999 Kunden');
    assert.equal(await text(page, 'nav-report'), 'Report');
    assert.equal(await text(page, 'rp-cover-client'), 'Muster GmbH');
    assert.equal(await text(page, 'rp-cover-author'), 'Erika Beraterin');
    // No as-of date chosen: the report is as of the data's last day, the demo's 31.12.2025, written the German way.
    assert.equal(await text(page, 'rp-cover-asof'), '31.12.2025');

    // The appendix defines every figure the sections show: the Overview's KPI names among them.
    const appendix = await text(page, 'rp-appendix');
    assert.match(appendix, /^5\. Definitionen/);
    for (const kpi of ['Ø Bestellwert', 'Wiederkaufrate', 'Abwanderung (Jahr)'])
      assert.ok(appendix.includes(kpi), kpi);

    // Print media: no app chrome, no setup; the cover, the four parts and the appendix are shown.
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (sel) => {
        const el = document.querySelector(sel);
        return !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      };
      return {
        nav: visible('nav.nav'),
        setup: visible('[data-testid=rp-setup]'),
        cover: visible('[data-testid=rp-cover]'),
        parts: [...document.querySelectorAll('[data-testid^=rp-part-]')].map((e) =>
          e.getAttribute('data-testid'),
        ),
        appendix: visible('[data-testid=rp-appendix]'),
        client: document.querySelector('[data-testid=rp-cover-client]')?.textContent,
      };
    });
    assert.deepEqual(shown, {
      nav: false,
      setup: false,
      cover: true,
      parts: SECTIONS.map((id) => `rp-part-${id}`),
      appendix: true,
      client: 'Muster GmbH',
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true });
    writeFileSync(resolve(SCREENSHOTS, 'report.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // The deterministic demo: the cover, the four parts and the appendix, each starting on a page of its own, in
    // exactly REPORT_PAGES_FOUR pages; the appendix (two pages) comes last, every other heading on an earlier page.
    const printed = pdfStructure(pdf);
    assert.equal(printed.pages, REPORT_PAGES_FOUR);
    // The forecast part takes two pages: its figures, then the model comparison kept together on the next.
    assert.equal(pageOf(printed, '4. Aktionen'), 5);
    assertAppendixLast(printed, '5. Definitionen', 2);

    // The setup is kept for the workspace: after a reload the choices, client and logo are back.
    await page.emulateMedia({ media: 'screen' });
    await page.reload();
    await page.waitForSelector('[data-testid=rp-setup]');
    assert.equal(await page.inputValue('[data-testid=rp-client]'), 'Muster GmbH');
    assert.equal(await page.inputValue('[data-testid=rp-lang]'), 'de');
    await page.waitForSelector('[data-testid=rp-cover-logo]');

    // An as-of date chosen in the analysis controls is the report's: in the cover, in the report language's format.
    await page.click('[data-testid=nav-overview]');
    await page.fill('[data-testid=ctl-asof]', '2025-06-30');
    await page.click('[data-testid=nav-report]');
    await page.waitForSelector('[data-testid=rp-cover-asof]');
    assert.equal(await text(page, 'rp-cover-asof'), '30.06.2025');
    await page.selectOption('[data-testid=rp-lang]', 'en');
    assert.equal(await text(page, 'rp-cover-asof'), '30 Jun 2025');
    await context.close();
  },
);

test('client report: the setup screen in German', { timeout: 180_000 }, async () => {
  // The built app's CSP allows only its own scripts; this context lets the injected axe run.
  const ctx = await app.browser.newContext({
    locale: 'de-DE',
    bypassCSP: true,
    viewport: { width: 1366, height: 768 },
  });
  const { page, context } = await app.open({ context: ctx });
  await page.setViewportSize({ width: 1366, height: 768 });
  await importDemo(page);
  await page.click('[data-testid=nav-report]');
  await page.waitForSelector('[data-testid=rp-setup]');
  assert.equal(await text(page, 'nav-report'), 'Bericht');
  // Without a saved setup the report speaks the UI's language and offers every section.
  assert.equal(await page.inputValue('[data-testid=rp-lang]'), 'de');
  for (const id of [...SECTIONS, 'customers', 'cohorts', 'economics', 'selfcheck', 'valuestream'])
    assert.equal(await page.isChecked(`[data-testid=rp-section-${id}]`), true, id);
  await page.waitForSelector('[data-testid=rp-ov-kpis]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=rp-co-table] tbody tr', { timeout: 60_000 });
  // No self-check answered yet: every level 0 of its questions (3 strategy, 3 tactics, 4 operations), no verdict.
  await page.waitForSelector('[data-testid=rp-sc-levels]');
  assert.equal(
    await text(page, 'rp-sc-levels'),
    'Zahlen der GrafikEbeneWert (0–100)BeantwortetStrategie–0 von 3 beantwortetTaktik–0 von 3 beantwortetOperative Ebene–0 von 4 beantwortet',
  );
  assert.match(await text(page, 'rp-sc-verdict'), /Noch ohne Antwort: Strategie, Taktik, Operative Ebene\./);
  // No value stream map yet: the section says so.
  assert.equal(
    await text(page, 'rp-vs-empty'),
    'In diesem Arbeitsbereich gibt es noch keine Wertstromkarte.',
  );
  // All nine sections printed, the appendix is part 10; it defines the CAC of the economics part.
  const appendix = await text(page, 'rp-appendix');
  assert.match(appendix, /^10\. Definitionen/);
  assert.match(appendix, /CAC = Ausgaben für Kundengewinnung des Kanals/);
  await page.emulateMedia({ media: 'print' });
  // Economics, in the print DOM: the demo's spend is exactly KNOWN_CAC × each channel's new customers, so each of
  // these channels' CAC is that amount, written the German way (180,00 €).
  await page.waitForSelector('[data-testid=rp-ec-channels]', { timeout: 120_000 });
  assert.ok(await page.isVisible('[data-testid=rp-part-economics]'));
  const shownCac = Object.fromEntries(
    await page.$$eval('[data-testid=rp-ec-channel]', (rows) =>
      rows.map((r) => [
        r.querySelector('[data-testid=rp-ec-channel-name]')?.textContent?.trim(),
        r.querySelector('[data-testid=rp-ec-cac]')?.textContent?.trim().replace(/\s/g, ' '),
      ]),
    ),
  );
  for (const [channel, cac] of Object.entries(KNOWN_CAC))
    assert.equal(shownCac[channel], `${cac},00 €`, `CAC of ${channel}`);
  // Every chart of the printed report has its numbers beside it, and there is no drawing outside such a chart.
  for (const sel of ['rp-ov-trend', 'rp-cu-chart', 'rp-sg-chart', 'rp-fc-segments', 'rp-ac-lists'])
    await page.waitForSelector(`[data-testid=${sel}]`, { timeout: 120_000 });
  const { charts, loose } = await chartNumbers(page);
  assert.ok(charts.length >= 6, `${charts.length} charts`);
  assert.deepEqual(
    charts.filter((c) => !c.numeric),
    [],
    'charts without their numbers beside them',
  );
  assert.equal(loose, 0);
  // Every figure label of the parts has its definition in the appendix (the demo has no value stream map: those
  // labels are checked by the unit test of the sections' sources).
  await page.waitForSelector('[data-testid=rp-cu-table] tbody tr', { timeout: 60_000 });
  const defs = await undefinedFigures(page);
  assert.deepEqual(defs.problems, []);
  for (const key of [
    'ov.trendRevenue',
    'ov.trendActive',
    'ov.trendNew',
    'cu.meanOrders',
    'cu.meanRevenue',
    'co.size',
    'ec.ch.newCustomers',
    'ec.ch.spend',
    'ec.ch.blended',
    'rp.listValue',
    'sc.answered',
  ])
    assert.ok(defs.named.includes(key), `${key} is marked in the report`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, outline: true, tagged: true });
  writeFileSync(resolve(SCREENSHOTS, 'report-all-de.pdf'), pdf);
  // Cover, nine parts and the appendix, each starting on a page of its own: exactly REPORT_PAGES_ALL pages for the
  // demo; the appendix (its definitions in two columns) fills the last two pages.
  const printed = pdfStructure(pdf);
  assert.equal(printed.pages, REPORT_PAGES_ALL);
  assertAppendixLast(printed, '10. Definitionen', 3);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: resolve(SCREENSHOTS, 'report-setup-de.png') });
  // No serious or critical axe violation, and no sideways scrolling at 1366 and 768 px.
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  });
  assert.deepEqual(violations, []);
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 768 });
    const over = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(over, 0, `sideways scrolling at ${width} px`);
  }
  await context.close();
});
