// The Economics view's state on a stand-in engine whose what-if answers the test delivers by hand, in any order: a
// slow answer for earlier levers never replaces the answer for the newest ones; the calculator shows the data's
// inputs until one is typed, and forgets typed inputs when another dataset is shown.
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src/shared/errors';
import type { CalculatorInputs, WhatIfResult } from '../../src/shared/economics';
import type { WhatIfRequest } from '../../src/worker/handlers/economics';

const calls = vi.hoisted(() => [] as { req: WhatIfRequest; resolve: (r: Result<WhatIfResult>) => void }[]);

vi.mock('../../src/client/worker-client', () => ({
  engine: {
    economics: () => new Promise(() => {}),
    whatIf: (req: WhatIfRequest) => new Promise((resolve) => calls.push({ req, resolve })),
  },
}));

const { economicsState: s } = await import('../../src/views/economics/economics-state.svelte');

const data: CalculatorInputs = {
  aov: 100,
  frequency: 2,
  lifespanYears: 3,
  cac: 50,
  cacSource: 'spend',
  marginRate: 0.4,
};

const side = (clvSimple: number) => ({
  clvSimple,
  clvSimpleMargin: null,
  clvPerCustomer: null,
  baseValue: null,
});
const answer = (req: WhatIfRequest): Result<WhatIfResult> => ({
  ok: true,
  // 100 × (1 + aov %) × 2 × 3 − 50
  value: {
    levers: req.levers,
    horizonMonths: 36,
    before: side(550),
    after: side(600 * (1 + req.levers.aov / 100) - 50),
    reason: null,
  },
});

describe('the calculator inputs', () => {
  it("are the data's until typed, a typed empty field stays empty, and another dataset forgets them", () => {
    s.keepFor(1);
    expect(s.inputs(data)).toEqual({ aov: 100, frequency: 2, lifespanYears: 3, cac: 50, marginRate: 0.4 });
    s.edited = { aov: 120, cac: null };
    expect(s.inputs(data)).toEqual({ aov: 120, frequency: 2, lifespanYears: 3, cac: null, marginRate: 0.4 });
    s.keepFor(1);
    expect(s.inputs(data).aov).toBe(120);
    s.keepFor(2);
    expect(s.edited).toEqual({});
    expect(s.inputs(data).aov).toBe(100);
  });
});

describe('the what-if query', () => {
  it('keeps the answer for the newest levers when an older answer arrives last', async () => {
    const base = {
      datasetId: 1,
      asOf: null,
      filters: [],
      granularity: 'month' as const,
      horizonMonths: 36 as const,
      figures: {} as WhatIfRequest['figures'],
    };
    const older = s.whatIf.run({ ...base, levers: { aov: 10, frequency: 0, churn: 0, cac: 0 } });
    const newer = s.whatIf.run({ ...base, levers: { aov: 20, frequency: 0, churn: 0, cac: 0 } });
    calls[1].resolve(answer(calls[1].req));
    expect(await newer).toBe(true);
    calls[0].resolve(answer(calls[0].req));
    expect(await older).toBe(false);
    expect(s.whatIf.result?.levers.aov).toBe(20);
    // 600 × 1.2 − 50 = 670
    expect(s.whatIf.result?.after.clvSimple).toBeCloseTo(670, 9);
  });
});
