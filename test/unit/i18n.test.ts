// The UI texts: the per-feature dictionaries merge into one German and one English dictionary with the same keys,
// no text is empty, and no view switches the key check off with a cast.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de, en, FEATURES } from '../../src/i18n/messages';

const SRC = resolve(__dirname, '../../src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|svelte|js|mjs)$/.test(name) ? [p] : [];
  });
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionaries', () => {
  it('German and English have the same keys and no empty text, in every feature and merged', () => {
    for (const [feature, texts] of Object.entries(FEATURES)) {
      expect(Object.keys(texts.en).sort(), feature).toEqual(Object.keys(texts.de).sort());
      for (const [k, v] of [...Object.entries(texts.de), ...Object.entries(texts.en)])
        expect(v.trim(), `${feature}: ${k}`).not.toBe('');
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [k, v] of [...Object.entries(de), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('no key is defined in two features (a later file would silently win in the merge)', () => {
    const seen = new Map<string, string>();
    for (const [feature, texts] of Object.entries(FEATURES))
      for (const k of Object.keys(texts.de)) {
        expect(seen.get(k), `${k} in ${feature}`).toBeUndefined();
        seen.set(k, feature);
      }
    expect(seen.size).toBe(Object.keys(de).length);
    // Today's count: every text the UI had before the split, plus the checklist and the value stream template.
    expect(seen.size).toBeGreaterThanOrEqual(573 + 36 + 13);
  });

  it('German and English use the same placeholders', () => {
    const keys = Object.keys(de) as (keyof typeof de)[];
    for (const k of keys) expect(placeholders(en[k]), k).toEqual(placeholders(de[k]));
  });

  it('keeps the key strings other code calls', () => {
    expect(de['cu.title']).toBe('Kunden: Wer sind sie?');
    expect(en['cu.title']).toBe('Customers: who are they?');
    expect(en['sc.q.handoffs.next']).toMatch(/^Map the value stream of the first 90 days/);
  });
});

describe('the source', () => {
  it('has no cast to a message key: keys come from typed maps', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((f) =>
        /\bas\s+MessageKey\b|\bas\s+Parameters<\s*typeof\s+i18n\.t\s*>/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it('builds no message key from a template: t() takes a literal key or one from a typed map', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => /\bt\(\s*`/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
