import { describe, expect, it } from 'vitest';
import { PairSet } from '../../src/ingest/pair-set';
import { seededInts } from './fixtures';

describe('PairSet', () => {
  it('counts distinct pairs; order matters and repeats do not count', () => {
    const s = new PairSet();
    for (const [a, b] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 0],
      [5, -3],
      [5, -3],
      [0, 19000],
      // Days 2^17 apart (07.06.2149 and 27.07.1790) for customers 0 and 1.
      [0, 65_536],
      [1, -65_536],
    ])
      s.add(a, b);
    expect(s.size).toBe(7);
  });

  it('agrees with a Set on 300,000 random pairs (growth, negative days, long probe runs)', () => {
    const rnd = seededInts(7);
    const s = new PairSet();
    const ref = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      // Customers 0..40k, days around the epoch (dates before 1970 are negative), many repeats.
      const a = rnd(40_000);
      const b = rnd(3_000) - 1_000;
      s.add(a, b);
      ref.add(`${a}:${b}`);
      if (i % 50_000 === 0) expect(s.size).toBe(ref.size);
    }
    expect(s.size).toBe(ref.size);
    // Consecutive customers on consecutive days (clustered keys) as well.
    const t = new PairSet();
    for (let a = 0; a < 300; a++) for (let b = 0; b < 300; b++) t.add(a, 20_000 + b);
    for (let a = 0; a < 300; a++) t.add(a, 20_000);
    expect(t.size).toBe(90_000);
  });
});
