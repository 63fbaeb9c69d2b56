// node bench/stray-quotes.mjs (after npm run build:test) — imports 200,000 Online-Retail-like rows twice through the
// test build of the app in headless Chromium: once as generated, once with 20,000 stray quotes in the product names
// (10,000 opening quotes at the start of a name, `"HEART BAG`, and 10,000 inch marks at the end of one, `BAG 24"`).
// Each stray quote used to make the parser scan every later quote in its slice (35–50 s in the app); the import with
// them must take at most twice the time of the same rows without them. Prints both times and the ratio (medians of
// BENCH_REPEAT runs, default 3) and writes JSON to bench/results/.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, ROOT } from '../test/e2e/harness.mjs';
import { generateRetailCsv } from './generate.mjs';

const ROWS = Number(process.argv[2] ?? 200_000);
const STRAYS = Number(process.argv[3] ?? 20_000);
const TMP = resolve(ROOT, 'bench/tmp');
const RESULTS = resolve(ROOT, 'bench/results');
mkdirSync(RESULTS, { recursive: true });

const clean = await generateRetailCsv(resolve(TMP, `retail-${ROWS}.csv`), ROWS);
const strayPath = resolve(TMP, `retail-${ROWS}-strays-${STRAYS}-v2.csv`);
if (!existsSync(strayPath)) {
  const lines = readFileSync(clean, 'utf8').split('\n');
  // A little closer than ROWS / STRAYS, so that the lines passed over still leave room for every stray quote.
  const every = Math.max(1, Math.floor(ROWS / STRAYS / 1.05));
  let n = 0;
  // Every `every`-th line, or the next one when it has a quoted description of its own (`"…, ASSORTED"`).
  for (let i = 1, next = 1; i < lines.length && n < STRAYS; i++) {
    if (i < next) continue;
    const cells = lines[i].split(',');
    if (cells.length !== 8) continue;
    cells[2] = n % 2 === 0 ? `"${cells[2]}` : `${cells[2]} 24"`;
    lines[i] = cells.join(',');
    n++;
    next = i + every;
  }
  if (n !== STRAYS) throw new Error(`placed ${n} stray quotes, not ${STRAYS}`);
  writeFileSync(strayPath, lines.join('\n'));
}

async function importOnce(app, path) {
  const { page, context } = await app.open();
  try {
    await page.setInputFiles('[data-testid=file-input]', path);
    await page.waitForSelector('[data-testid=preview] tbody tr', { timeout: 120_000 });
    await page.click('[data-testid=start-import]');
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 600_000 });
    const summary = await page.evaluate(async () => {
      const e = globalThis.__kundenwertEngine;
      const ws = await e.listWorkspaces();
      const ds = await e.listDatasets(ws.value[0].id);
      return ds.value[0].summary;
    });
    return {
      importMs: summary.durationMs,
      rowsRead: summary.rowsRead,
      imported: summary.imported,
      rejected: summary.rejected,
      rejectReasons: summary.rejectReasons,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const app = await startApp({ hooks: true });
const runs = { clean: [], strays: [] };
try {
  for (let i = 0; i < REPEAT; i++) {
    for (const [kind, path] of [
      ['clean', clean],
      ['strays', strayPath],
    ]) {
      const r = await importOnce(app, path);
      runs[kind].push(r);
      console.log(
        `  run ${i + 1}/${REPEAT} ${kind}: ${r.importMs.toFixed(0)} ms, ${r.rowsRead} rows read, ` +
          `${r.imported} imported, ${r.rejected} rejected ${JSON.stringify(r.rejectReasons)}`,
      );
    }
  }
} finally {
  await app.stop();
}
const cleanMs = median(runs.clean.map((r) => r.importMs));
const strayMs = median(runs.strays.map((r) => r.importMs));
const ratio = strayMs / cleanMs;
console.log(
  `${ROWS.toLocaleString('en')} rows, median of ${REPEAT}: without stray quotes ${cleanMs.toFixed(0)} ms, with ` +
    `${STRAYS.toLocaleString('en')} stray quotes ${strayMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)}× ` +
    `(must be <= 2) ${ratio <= 2 ? 'OK' : 'TOO SLOW'}`,
);
const file = resolve(RESULTS, `stray-quotes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      bench: 'stray-quotes',
      date: new Date().toISOString(),
      rows: ROWS,
      strays: STRAYS,
      cleanMs,
      strayMs,
      ratio,
      runs,
    },
    null,
    2,
  ),
);
console.log(`written ${file}`);
if (ratio > 2) process.exitCode = 1;
