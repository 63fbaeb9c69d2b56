// The value stream figures as the worker computes them: through the merged, guarded API, the answer equals the pure
// figures and the hand-computed values, and survives the structured clone that carries it to the UI.
import { describe, expect, it } from 'vitest';
import { api } from '../../src/worker/api';
import { valueStreamFigures } from '../../src/analytics/valuestream';
import type { Phase, ValueRating, VsmStep } from '../../src/shared/valuestream';

function step(
  name: string,
  phase: Phase,
  processHours: number,
  waitDays: number,
  rating: ValueRating,
  handoff: boolean,
  costPerCustomer = 0,
): VsmStep {
  return { id: name, name, phase, owner: 'Team', processHours, waitDays, costPerCustomer, rating, handoff };
}

async function figures(steps: VsmStep[]) {
  // The steps cross the worker boundary as a structured clone, and so does the answer.
  const res = await api.valueStreamFigures(structuredClone(steps));
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return structuredClone(res.value);
}

describe('worker: valueStreamFigures', () => {
  it('the hand-computed map of test/unit/valuestream.test.ts', async () => {
    // Ends 0.5, 2.75, 6, 11.5, 102; lead 102 = 3 process + 99 wait; value-adding 0.25 + 1.5 = 1.75 d; cost 58;
    // clock at day 6; handoffs ending at 6 and 11.5 lie within 90 days of it (0.5 before, 102 after); time to
    // value 11.5 − 6 = 5.5; longest wait 90 d before step 4; waste steps 1 and 4.
    const map = [
      step('Ad', 'awareness', 12, 0, 'necessary', true, 10),
      step('Quote', 'consideration', 6, 2, 'waste', false, 20),
      step('Order', 'decision', 6, 3, 'valueAdding', true, 5),
      step('Shipping', 'delivery', 36, 4, 'valueAdding', true, 15),
      step('Support', 'retention', 12, 90, 'waste', true, 8),
    ];
    const f = await figures(map);
    expect(f).toEqual(valueStreamFigures(map));
    expect(f.leadTimeDays).toBe(102);
    expect(f.valueAddedRatio).toBe(1.75 / 102);
    expect(f.costPerCustomer).toBe(58);
    expect(f.handoffsFirst90Days).toBe(2);
    expect(f.handoffsTotal).toBe(4);
    expect(f.timeToValueDays).toBe(5.5);
    expect(f.bottleneck).toEqual({ index: 4, waitDays: 90 });
    expect(f.wasteSteps).toEqual([1, 4]);
    expect(f.stepEndDays).toEqual([0.5, 2.75, 6, 11.5, 102]);
  });

  it('the 4-step map of the end-to-end test', async () => {
    // Lead (0 + 2/24) + (1 + 4/24) + (3 + 12/24) + (10 + 6/24) = 15 d; clock at the end of step 2 (1.25);
    // handoffs end at 1.25, 4.75 and 15, all within 90 days → 3; bottleneck: the 10-day wait before step 4.
    const map = [
      step('Anzeige', 'awareness', 2, 0, 'necessary', false),
      step('Angebot', 'decision', 4, 1, 'necessary', true),
      step('Versand', 'delivery', 12, 3, 'necessary', true),
      step('Einweisung', 'retention', 6, 10, 'necessary', true),
    ];
    const f = await figures(map);
    expect(f).toEqual(valueStreamFigures(map));
    expect(f.leadTimeDays).toBe(15);
    expect(f.customerStartDay).toBe(1.25);
    expect(f.handoffsFirst90Days).toBe(3);
    expect(f.bottleneck).toEqual({ index: 3, waitDays: 10 });
    expect(f.timeToValueDays).toBeNull();
  });

  it('bad input from the form counts as 0, an empty map has no figures to speak of', async () => {
    const bad = [step('x', 'delivery', Number.NaN, -3, 'valueAdding', false, Number.POSITIVE_INFINITY)];
    const f = await figures(bad);
    expect([f.leadTimeDays, f.costPerCustomer, f.valueAddedRatio]).toEqual([0, 0, null]);
    const empty = await figures([]);
    expect([empty.leadTimeDays, empty.bottleneck, empty.wasteSteps]).toEqual([0, null, []]);
  });
});
