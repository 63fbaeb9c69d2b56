import { describe, expect, it } from 'vitest';
import { StringDict } from '../../src/ingest/string-dict';
import { seededInts } from './fixtures';

describe('StringDict', () => {
  it('gives codes in order of first appearance and the same code to equal strings', () => {
    const d = new StringDict();
    const text = 'DE;AT;DE;CH;;Ü;AT';
    const cells = text.split(';');
    expect(cells.map((c) => d.code(c))).toEqual([0, 1, 0, 2, 3, 4, 1]);
    expect(d.values).toEqual(['DE', 'AT', 'CH', '', 'Ü']);
    expect(d.size).toBe(5);
    // Equal content from another string object finds the same code.
    expect(d.get(text.slice(9, 11))).toBe(2);
    expect(d.get('FR')).toBe(-1);
  });

  it('agrees with a Map on 200,000 lookups of 50,000 distinct keys (growth and probe runs)', () => {
    const rnd = seededInts(99);
    const d = new StringDict();
    const ref = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      // Keys of mixed length, many sharing prefixes, some non-Latin-1.
      const n = rnd(50_000);
      const key = n % 7 === 0 ? `Kunde-${n}-\u20ac` : String(n * 31);
      let expected = ref.get(key);
      if (expected === undefined) ref.set(key, (expected = ref.size));
      expect(d.code(key)).toBe(expected);
    }
    expect(d.size).toBe(ref.size);
    expect(d.values).toEqual([...ref.keys()]);
    for (const [k, v] of ref) if (v % 997 === 0) expect(d.get(k)).toBe(v);
  });
});
