// The cost settings of "your figures": stored with the other figures and read back as entered (fake-indexeddb),
// a stored row with malformed costs is cleaned on reading (bad entries left out, nothing guessed), and the
// questions about unlikely cost settings.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { KundenwertDB, useDatabase } from '../../src/storage/db';
import { getFigures, saveFigures } from '../../src/storage/figures';
import { createWorkspace } from '../../src/storage/datasets';
import { EMPTY_FIGURES, type YourFigures } from '../../src/shared/figures';
import { plausibilityQuestion } from '../../src/shared/plausibility';

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

function fresh(): KundenwertDB {
  const d = new KundenwertDB(`kundenwert-figures-costs-${++n}`);
  opened.push(d);
  useDatabase(d);
  return d;
}

describe('cost settings in storage', () => {
  it('round-trip through saveFigures and getFigures', async () => {
    fresh();
    const ws = await createWorkspace('W');
    const figures: YourFigures = {
      ...EMPTY_FIGURES,
      marginPercent: 40,
      costs: {
        marginByCategory: { Garten: 35.5, 'Haus & Hof': 22 },
        costPerOrder: 1250.5,
        costPerReturn: 2.5,
        serviceCostPerTicket: 8,
        serviceCostPerCustomerYear: null,
        discountPercentMonthly: 0.8,
        targetLtvToCac: 4,
        channelPurpose: { Newsletter: 'existing', Search: 'acquisition' },
        typedSpend: [
          { month: '2025-01', channel: 'Search', amount: 1250.5 },
          { month: '2025-02', channel: 'Newsletter', amount: 2.5 },
        ],
      },
    };
    await saveFigures(ws, figures);
    expect(await getFigures(ws, null)).toEqual(figures);
    // Another workspace has none.
    const other = await createWorkspace('X');
    expect((await getFigures(other, null)).costs).toEqual(EMPTY_FIGURES.costs);
  });

  it('cleans malformed stored costs on reading', async () => {
    const d = fresh();
    const ws = await createWorkspace('W');
    await d.figures.put({
      workspaceId: ws,
      ...EMPTY_FIGURES,
      legacyMarginChecked: true,
      updatedAt: 1,
      // As a hand edit or an older version might have left it.
      costs: {
        marginByCategory: { Garten: 30, Bad: '40', Leer: null },
        costPerOrder: '5',
        costPerReturn: Number.NaN,
        serviceCostPerTicket: 3,
        discountPercentMonthly: Infinity,
        targetLtvToCac: 2,
        channelPurpose: { Search: 'acquisition', Print: 'brand', Mail: 'existing' },
        typedSpend: [
          { month: '2025-01', channel: 'Search', amount: 10 },
          { month: '2025-1', channel: 'Search', amount: 10 },
          { month: '2025-02', channel: 7, amount: 10 },
          { month: '2025-03', channel: 'Search', amount: '10' },
          'junk',
        ],
      } as unknown as YourFigures['costs'],
    });
    expect((await getFigures(ws, null)).costs).toEqual({
      marginByCategory: { Garten: 30 },
      costPerOrder: null,
      costPerReturn: null,
      serviceCostPerTicket: 3,
      serviceCostPerCustomerYear: null,
      discountPercentMonthly: null,
      targetLtvToCac: 2,
      channelPurpose: { Search: 'acquisition', Mail: 'existing' },
      typedSpend: [{ month: '2025-01', channel: 'Search', amount: 10 }],
    });
  });

  it('reads a row without costs (stored before them) as no cost settings', async () => {
    const d = fresh();
    const ws = await createWorkspace('W');
    const { costs: _, ...old } = { ...EMPTY_FIGURES, cac: 12 };
    void _;
    await d.figures.put({ workspaceId: ws, ...old, legacyMarginChecked: true, updatedAt: 1 } as never);
    expect(await getFigures(ws, null)).toEqual({ ...EMPTY_FIGURES, cac: 12 });
  });
});

describe('questions about cost settings', () => {
  it('asks about a target CLV : CAC below 1 and a monthly discount above 10 %', () => {
    expect(plausibilityQuestion('targetLtvToCac', 0.5)).toEqual({ id: 'targetBelowOne' });
    expect(plausibilityQuestion('targetLtvToCac', 1)).toBeNull();
    expect(plausibilityQuestion('targetLtvToCac', 3)).toBeNull();
    // 12 % "a month" is probably 12 % a year: 1 % a month suggested.
    expect(plausibilityQuestion('discountPercent', 12)).toEqual({ id: 'discountHigh', suggestion: 1 });
  });
});
