import { describe, expect, it } from 'vitest';
import { budgetAllocation } from '../../../src/analytics/economics/budget';
import { ChannelNames, spendRows } from '../../../src/analytics/economics/channels';
import { code, makeLines, records, tableOf } from './fixture';

// D = 1000: existing customers have their first purchase on or before 635.
const LINES = makeLines([
  { c: 'A', d: 100, a: 50 },
  { c: 'A', d: 700, a: 300 },
  { c: 'B', d: 700, a: 100 },
]);
const TABLE = tableOf(LINES, 1000);
const CLV = new Float64Array(2);
CLV[code(LINES, 'A')] = 500;
CLV[code(LINES, 'B')] = 200;
const SPEND = records({
  days: { period: [800, 900, 100] },
  codes: { channel: ['Ads', 'Newsletter', 'Ads'], purpose: ['', 'existing', ''] },
  numbers: { amount: [700, 300, 5000] },
});
const inputs = { table: TABLE, typedAcquisition: null, typedExisting: null, clv: CLV, newCustomerClv: 400 };

describe('budget allocation', () => {
  it('spend shares of the last year against revenue and predicted value; the value-weighted split', () => {
    const rows = spendRows([SPEND], [], {}, new ChannelNames());
    const b = budgetAllocation({ ...inputs, rows });
    expect(b.source).toBe('spend');
    expect(b.acquisitionSpend).toBe(700);
    expect(b.existingSpend).toBe(300);
    expect(b.acquisitionShare).toBeCloseTo(0.7, 12);
    expect(b.revenueExisting).toBe(300);
    expect(b.revenueNew).toBe(100);
    expect(b.revenueShareExisting).toBeCloseTo(0.75, 12);
    // Existing: A's predicted CLV 500; new: 400 × 1 new customer.
    expect(b.valueExisting).toBe(500);
    expect(b.valueNew).toBe(400);
    expect(b.valueShareExisting).toBeCloseTo(5 / 9, 12);
    expect(b.suggested!.acquisition).toBeCloseTo(4 / 9, 12);
    // 70 % against 44.4 %: 25.6 points too much on acquisition.
    expect(b.verdict).toBe('overAcquisition');
    expect(b.reason).toBeNull();
  });

  it('no spend: the typed shares of "your figures"; more than 10 points off to either side, else balanced', () => {
    const typed = budgetAllocation({ ...inputs, rows: null, typedAcquisition: 30, typedExisting: 70 });
    expect(typed.source).toBe('typed');
    expect(typed.acquisitionShare).toBeCloseTo(0.3, 12);
    expect(typed.verdict).toBe('overExisting');
    const near = budgetAllocation({ ...inputs, rows: null, typedAcquisition: 40, typedExisting: 60 });
    expect(near.verdict).toBe('balanced');
  });

  it('no spend and no typed shares: noSpend; no forecast: no value split', () => {
    const none = budgetAllocation({ ...inputs, rows: null });
    expect(none.source).toBe('none');
    expect(none.verdict).toBeNull();
    expect(none.reason).toBe('noSpend');
    const noValue = budgetAllocation({
      ...inputs,
      rows: null,
      typedAcquisition: 50,
      typedExisting: 50,
      clv: null,
    });
    expect(noValue.suggested).toBeNull();
    expect(noValue.reason).toBe('noForecast');
  });
});
