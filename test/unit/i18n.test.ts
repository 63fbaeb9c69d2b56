// The UI texts: the per-feature dictionaries merge into one German and one English dictionary with the same keys,
// no text is empty, and no view switches the key check off with a cast.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de, en, FEATURES, LAZY_FEATURES } from '../../src/i18n/messages';

const SRC = resolve(__dirname, '../../src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|svelte|js|mjs)$/.test(name) ? [p] : [];
  });
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every feature's texts: those of the start and those that load with their view. */
async function allFeatures(): Promise<
  Record<string, { de: Record<string, string>; en: Record<string, string> }>
> {
  const lazy = await Promise.all(
    Object.entries(LAZY_FEATURES).map(async ([name, load]) => [name, await load()] as const),
  );
  return { ...FEATURES, ...Object.fromEntries(lazy) };
}

describe('the dictionaries', () => {
  it('German and English have the same keys and no empty text, in every feature and merged', async () => {
    for (const [feature, texts] of Object.entries(await allFeatures())) {
      expect(Object.keys(texts.en).sort(), feature).toEqual(Object.keys(texts.de).sort());
      for (const [k, v] of [...Object.entries(texts.de), ...Object.entries(texts.en)])
        expect(v.trim(), `${feature}: ${k}`).not.toBe('');
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const [k, v] of [...Object.entries(de), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('no key is defined in two features (a later file would silently win in the merge)', async () => {
    const seen = new Map<string, string>();
    for (const [feature, texts] of Object.entries(await allFeatures()))
      for (const k of Object.keys(texts.de)) {
        expect(seen.get(k), `${k} in ${feature}`).toBeUndefined();
        seen.set(k, feature);
      }
    const lazyKeys = (await Promise.all(Object.values(LAZY_FEATURES).map((l) => l()))).reduce(
      (n, t) => n + Object.keys(t.de).length,
      0,
    );
    expect(seen.size).toBe(Object.keys(de).length + lazyKeys);
    // Today's count: every text the UI had before the split, plus the checklist and the value stream template.
    expect(seen.size).toBeGreaterThanOrEqual(573 + 36 + 13);
  });

  it('German and English use the same placeholders', async () => {
    for (const texts of Object.values(await allFeatures()))
      for (const k of Object.keys(texts.de))
        expect(placeholders(texts.en[k]), k).toEqual(placeholders(texts.de[k]));
  });

  it('texts that load with their view are not among those of the start, and join them once added', async () => {
    const { i18n } = await import('../../src/i18n/i18n.svelte');
    const economics = await LAZY_FEATURES.economics();
    expect('ec.title' in de).toBe(false);
    expect(i18n.t('ec.title')).toBe('ec.title');
    i18n.addTexts(economics);
    i18n.locale = 'de';
    expect(i18n.t('ec.title')).toBe(economics.de['ec.title']);
    i18n.locale = 'en';
    expect(i18n.t('ec.title')).toBe('Does acquisition pay off?');
    // The navigation label is one of the start's.
    expect(de['nav.economics']).toBe('Wirtschaftlichkeit');
  });

  it('keeps the key strings other code calls', async () => {
    expect(de['cu.title']).toBe('Kunden: Wer sind sie?');
    expect(en['cu.title']).toBe('Customers: who are they?');
    const selfcheck = await LAZY_FEATURES.selfcheck();
    expect(selfcheck.en['sc.q.handoffs.next']).toMatch(/^Map the value stream of the first 90 days/);
  });
});

describe('texts that load with their view', () => {
  it('are used only by views whose route loads them', async () => {
    const { ROUTES } = await import('../../src/routes');
    const misses: string[] = [];
    for (const [feature, load] of Object.entries(LAZY_FEATURES)) {
      const keys = Object.keys((await load()).de);
      for (const file of sourceFiles(SRC)) {
        const rel = relative(SRC, file);
        if (rel.startsWith('i18n/messages/')) continue;
        const body = readFileSync(file, 'utf8');
        const used = body.includes(`messages/${feature}'`)
          ? `messages/${feature}`
          : keys.find((k) => body.includes(`'${k}'`));
        if (!used) continue;
        const view = /^views\/([^/]+)\//.exec(rel)?.[1];
        const route = ROUTES.find((r) => r.id === view) as { texts?: readonly string[] } | undefined;
        if (!route?.texts?.includes(feature)) misses.push(`${rel} uses ${used} of ${feature}`);
      }
    }
    expect(misses).toEqual([]);
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
