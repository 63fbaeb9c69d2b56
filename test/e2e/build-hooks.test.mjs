// The benchmarks and test hooks (src/worker/handlers/dev.ts, the engine handle that src/main.ts puts on globalThis,
// and the flag in src/App.svelte that makes a view throw for the error boundary's test) are in the test build only:
// the production build (dist/, what ships) must not contain them, not even their names. The same names in the test
// build (dist-test/) prove that the search finds them where they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './harness.mjs';

const HOOKS = [
  'timeFullAnalysis',
  'plainParse',
  'holdImportForTest',
  'importHeldForTest',
  'crashForTest',
  '__kundenwertEngine',
  'kundenwert:test:crash-view',
];

/** The hook names found in the JavaScript assets of a build. */
function hooksIn(outDir) {
  const dir = resolve(ROOT, outDir, 'assets');
  assert.ok(existsSync(dir), `${outDir}/ is missing: build it first`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  assert.ok(
    files.some((f) => f.startsWith('engine.worker')),
    `${outDir} has a worker bundle`,
  );
  const code = files.map((f) => readFileSync(resolve(dir, f), 'utf8')).join('\n');
  return HOOKS.filter((name) => code.includes(name));
}

test('the production build contains none of the benchmarks and test hooks', () => {
  assert.deepEqual(hooksIn('dist'), []);
});

test('the test build contains every one of them', () => {
  assert.deepEqual(hooksIn('dist-test'), HOOKS);
});
