import { describe, expect, it } from 'vitest';
import { joinMaster } from '../../../src/analytics/master-join';
import { records } from './fixture';

describe('joinMaster', () => {
  // Orders know A, B, C, D; the master has B, C (twice), E, F (twice), a blank id.
  const customers = ['A', 'B', 'C', 'D'];
  const master = records({ codes: { customer: ['C', 'B', 'E', 'C', '', 'F', 'F'] } });
  const j = joinMaster(customers, master);

  it('maps each order customer to its master row; the last row of a duplicate id wins', () => {
    expect(Array.from(j.rowOf)).toEqual([-1, 1, 3, -1]);
    expect(j.matched).toBe(2);
  });

  it('counts duplicate rows (matched or not) and ids only in the master, blank ids never', () => {
    // C again (row 3) and F again (row 6).
    expect(j.duplicateIds).toBe(2);
    // E and F, each once, in master order.
    expect(j.onlyInMaster).toBe(2);
    expect(j.sampleOnlyInMaster).toEqual(['E', 'F']);
  });

  it('an empty master matches nothing', () => {
    const e = joinMaster(customers, records({ codes: { customer: [] } }));
    expect(Array.from(e.rowOf)).toEqual([-1, -1, -1, -1]);
    expect(e.matched).toBe(0);
    expect(e.onlyInMaster).toBe(0);
  });
});
