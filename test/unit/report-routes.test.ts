// Every analysis view has its part in the client report: a route either has a report section of the same id, or it
// is listed below as a route that is not an analysis view. A view added later fails here until it adds its section
// (src/views/report/sections.ts) or is listed, with its reason, as not an analysis.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/routes';
import { REPORT_SECTIONS } from '../../src/views/report/sections';

/** Routes that are not analysis views, and why they have no part in the report. */
const NOT_ANALYSIS: Record<string, string> = {
  import: 'loads files and lists datasets: no figures of the client',
  report: 'the report itself',
  settings: 'storage, backup and the user’s own figures: no analysis',
};

describe('report sections cover the analysis views', () => {
  it('gives every analysis route a report section', () => {
    const sections = new Set(REPORT_SECTIONS.map((s) => s.id));
    const missing = ROUTES.map((r) => r.id).filter((id) => !sections.has(id) && !(id in NOT_ANALYSIS));
    expect(missing).toEqual([]);
  });

  it('lists as not an analysis only routes that exist and have no section', () => {
    const routes = new Set<string>(ROUTES.map((r) => r.id));
    for (const id of Object.keys(NOT_ANALYSIS)) {
      expect(routes.has(id), id).toBe(true);
      expect(
        REPORT_SECTIONS.some((s) => s.id === id),
        id,
      ).toBe(false);
    }
  });

  it('has a section only for a route, titled with that route’s label', () => {
    for (const s of REPORT_SECTIONS) {
      const route = ROUTES.find((r) => r.id === s.id);
      expect(route, s.id).toBeDefined();
      expect(s.title, s.id).toBe(route?.label);
    }
  });
});

describe('each section defines the figures its tables name', () => {
  const dir = resolve(__dirname, '../../src/views/report');
  it.each(REPORT_SECTIONS.map((s) => [s.id, s] as const))(
    '%s: every literal data-def is a definition',
    (_, s) => {
      const file = readdirSync(dir).find((f) => f.toLowerCase() === `${s.id}section.svelte`);
      expect(file, s.id).toBeDefined();
      const source = readFileSync(resolve(dir, file!), 'utf8');
      const named = [...source.matchAll(/data-def="([^"]+)"/g)].map((m) => m[1]);
      expect(named.length, s.id).toBeGreaterThan(0);
      const labels = new Set<string>(s.definitions.map((d) => d.label));
      expect(named.filter((k) => !labels.has(k))).toEqual([]);
      // Every column header is either a figure (data-def) or a dimension (data-dim).
      const headers = [...source.matchAll(/<th\b[^>]*>/g)].map((m) => m[0]);
      expect(headers.filter((h) => !/data-(def|dim)\b/.test(h))).toEqual([]);
    },
  );
});
