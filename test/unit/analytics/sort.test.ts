import { describe, expect, it } from 'vitest';
import { argsortFloat64 } from '../../../src/analytics/sort';

/** The reference: a stable comparison sort of the indices. */
function reference(keys: number[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
}

describe('argsortFloat64', () => {
  it('sorts a hand-made case with negatives, zeros, ties and large values stably', () => {
    const keys = [3.5, -2, 0, -0, 1e12, -1e-9, 3.5, 7, -2, 0.1];
    expect(Array.from(argsortFloat64(Float64Array.from(keys)))).toEqual([1, 8, 5, 2, 3, 9, 0, 6, 7, 4]);
  });

  it('matches a comparison sort on 20,000 seeded random keys with many ties', () => {
    let s = 42;
    const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const keys = Array.from({ length: 20_000 }, () =>
      rnd() < 0.3 ? Math.round(rnd() * 20) : (rnd() - 0.4) * 10 ** Math.floor(rnd() * 8),
    );
    expect(Array.from(argsortFloat64(Float64Array.from(keys)))).toEqual(reference(keys));
  });

  it('handles empty and single inputs', () => {
    expect(argsortFloat64(new Float64Array(0)).length).toBe(0);
    expect(Array.from(argsortFloat64(Float64Array.of(5)))).toEqual([0]);
  });
});
