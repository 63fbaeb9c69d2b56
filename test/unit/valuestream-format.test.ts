// How many decimals the value stream view shows for hours and days: as many as the value has, up to two.
import { describe, expect, it } from 'vitest';
import { decimals } from '../../src/views/valuestream/format';

describe('decimals', () => {
  it('counts whole tenths as one decimal even where floating point misses them (1.1 × 10 = 11.000000000000002)', () => {
    expect(decimals(2)).toBe(0);
    expect(decimals(1.1)).toBe(1);
    expect(decimals(0.3)).toBe(1);
    expect(decimals(1.5)).toBe(1);
    expect(decimals(0.25)).toBe(2);
    expect(decimals(1.05)).toBe(2);
  });
});
