/**
 * The layer boundaries are checked by eslint (eslint.config.js): deliberate violations, linted with the project's
 * own configuration at paths inside the layers, fail with the expected rule on the expected line; allowed imports
 * pass.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(__dirname, '../..') });

/**
 * The problems eslint reports for the lines of code as if they stood at `filePath` (relative to the project), as
 * `line rule` (one entry per line and rule: an import that two patterns forbid counts once).
 */
async function problems(filePath: string, lines: string[]): Promise<string[]> {
  const [result] = await eslint.lintText(lines.join('\n') + '\n', { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return [...new Set(result.messages.map((m) => `${m.line} ${m.ruleId}`))];
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

// Loading the project's configuration and typed linting of a Svelte file take seconds on a busy machine.
describe('layer boundaries', { timeout: 30_000 }, () => {
  it('a view may not import values from analytics', async () => {
    expect(
      await problems('src/views/x/Bad.ts', [
        "import { computeKpis } from '../../analytics/kpis';",
        'export const f = computeKpis;',
      ]),
    ).toEqual([`1 ${IMPORTS}`]);
  });

  it('a view may not import ingest, storage, worker values, Dexie or PapaParse', async () => {
    expect(
      await problems('src/views/x/Bad.ts', [
        "import { dayToIso } from '../../ingest/normalize';",
        "import { db } from '../../storage/db';",
        "import { api } from '../../worker/api';",
        "import Dexie from 'dexie';",
        "import Papa from 'papaparse';",
        'export const all = [dayToIso, db, api, Dexie, Papa];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${IMPORTS}`, `3 ${IMPORTS}`, `4 ${IMPORTS}`, `5 ${IMPORTS}`]);
  });

  it('a view may import types from analytics and the worker, and day helpers from shared', async () => {
    expect(
      await problems('src/views/x/Good.ts', [
        "import type { Kpi } from '../../analytics/kpis';",
        "import { type Segment } from '../../analytics/rfm';",
        "import type { OverviewResult } from '../../worker/handlers/overview';",
        "import { dayToIso } from '../../shared/days';",
        "import { engine } from '../../client/worker-client';",
        'export type All = [Kpi, Segment, OverviewResult];',
        'export const x = [dayToIso, engine];',
      ]),
    ).toEqual([]);
  });

  it('in a Svelte component too: a value import from analytics fails, a type import passes', async () => {
    // The text stands at the path of an existing component: typed linting of .svelte files needs a file the
    // TypeScript project knows, and the text given here replaces the file's content for the check.
    expect(
      await problems('src/App.svelte', [
        '<script lang="ts">',
        "  import { computeKpis } from './analytics/kpis';",
        "  import type { Kpi } from './analytics/kpis';",
        '  let k: Kpi | null = null;',
        '  const f = computeKpis;',
        '</script>',
        '',
        '<p>{k}{f.name}</p>',
      ]),
    ).toEqual([`2 ${IMPORTS}`]);
  });

  it('components, the app shell and the charts are held to the same rule', async () => {
    expect(
      await problems('src/components/Bad.ts', [
        "import { computeRfm } from '../analytics/rfm';",
        'export const f = computeRfm;',
      ]),
    ).toEqual([`1 ${IMPORTS}`]);
    expect(
      await problems('src/app/bad.ts', [
        "import { sniff } from '../ingest/sniff';",
        'export const f = sniff;',
      ]),
    ).toEqual([`1 ${IMPORTS}`]);
    expect(
      await problems('src/charts/bad.ts', [
        "import { computeTrend } from '../analytics/trend';",
        'export const f = computeTrend;',
      ]),
    ).toEqual([`1 ${IMPORTS}`]);
  });

  it('analytics may not import storage nor use the DOM', async () => {
    expect(
      await problems('src/analytics/bad.ts', [
        "import { db } from '../storage/db';",
        'export const t = [db, document.title];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${GLOBALS}`]);
  });

  it('analytics may not import ingest (not even types), Svelte, the worker or the client, nor browser storage', async () => {
    expect(
      await problems('src/analytics/bad.ts', [
        "import type { ColumnChunk } from '../ingest/columnize';",
        "import { untrack } from 'svelte';",
        "import { api } from '../worker/api';",
        "import { engine } from '../client/worker-client';",
        'export type C = ColumnChunk;',
        'export const x = [untrack, api, engine];',
        'export const y = [window, localStorage, indexedDB, navigator];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${IMPORTS}`, `3 ${IMPORTS}`, `4 ${IMPORTS}`, `7 ${GLOBALS}`]);
    expect(
      await problems('src/analytics/good.ts', [
        "import { dayToIso } from '../shared/days';",
        "import { FLAG_RETURN } from '../shared/columns';",
        "import { computeKpis } from './kpis';",
        'export const x = [dayToIso, FLAG_RETURN, computeKpis];',
      ]),
    ).toEqual([]);
  });

  it('ingest and storage may not import the worker, Svelte or the views', async () => {
    expect(
      await problems('src/ingest/bad.ts', [
        "import { db } from '../storage/db';",
        "import { api } from '../worker/api';",
        "import { untrack } from 'svelte';",
        'export const x = [db, api, untrack];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${IMPORTS}`, `3 ${IMPORTS}`]);
    expect(
      await problems('src/storage/bad.ts', [
        "import { api } from '../worker/api';",
        "import { flow } from '../views/import/import-flow.svelte';",
        "import type { ColumnChunk } from '../ingest/columnize';",
        'export type C = ColumnChunk;',
        'export const x = [api, flow];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${IMPORTS}`]);
  });

  it('shared imports only shared; i18n never imports the app', async () => {
    expect(
      await problems('src/shared/bad.ts', [
        "import { parseDate } from '../ingest/normalize';",
        "import Dexie from 'dexie';",
        "import { dayToIso } from './days';",
        'export const x = [parseDate, Dexie, dayToIso];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${IMPORTS}`]);
    expect(
      await problems('src/i18n/bad.ts', [
        "import { LOCALE_KEY } from '../app/browser/local-prefs';",
        "import { computeKpis } from '../analytics/kpis';",
        "import type { Segment } from '../analytics/rfm';",
        'export const k: [string, unknown, Segment | null] = [LOCALE_KEY, computeKpis, null];',
      ]),
    ).toEqual([`1 ${IMPORTS}`, `2 ${IMPORTS}`]);
  });

  it('the worker may import every engine layer', async () => {
    expect(
      await problems('src/worker/good.ts', [
        "import { db } from '../storage/db';",
        "import { sniff } from '../ingest/sniff';",
        "import { computeKpis } from '../analytics/kpis';",
        'export const x = [db, sniff, computeKpis];',
      ]),
    ).toEqual([]);
  });
});
