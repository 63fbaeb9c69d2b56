// The typed spend grid: month ranges (across a year end, capped, empty when reversed), the default 12 months up to
// the dataset's last date or today, month labels per language, and the grid over the stored rows with its totals
// (hand-summed), setting and emptying one cell, and removing a channel.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  channelsOf,
  defaultRange,
  isMonth,
  MAX_MONTHS,
  monthLabel,
  monthRange,
  removeSpendChannel,
  setSpendCell,
  spendGrid,
  type SpendRow,
} from '../../src/views/settings/spend-grid';

describe('months', () => {
  it('adds and subtracts months across year ends', () => {
    expect(addMonths('2024-11', 2)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-03', -11)).toBe('2024-04');
    expect(addMonths('2025-03', 24)).toBe('2027-03');
  });

  it('lists a range with both ends, nothing when reversed or malformed, at most ten years', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-02')).toEqual(['2025-02']);
    expect(monthRange('2025-03', '2025-02')).toEqual([]);
    expect(monthRange('2025-13', '2026-02')).toEqual([]);
    expect(monthRange('2000-01', '2030-12')).toHaveLength(MAX_MONTHS);
    expect(isMonth('2025-00')).toBe(false);
    expect(isMonth('2025-1')).toBe(false);
  });

  it('defaults to the 12 months up to the last date, else today', () => {
    expect(defaultRange('2011-12-09', '2026-12-05')).toEqual({ from: '2011-01', to: '2011-12' });
    expect(defaultRange(null, '2026-03-15')).toEqual({ from: '2025-04', to: '2026-03' });
  });

  it('writes a month as 01.2025 in German and Jan 2025 in English', () => {
    expect(monthLabel('de', '2025-01')).toBe('01.2025');
    expect(monthLabel('en', '2025-01')).toBe('Jan 2025');
    expect(monthLabel('en', '2024-12')).toBe('Dec 2024');
  });
});

describe('grid and rows', () => {
  const rows: SpendRow[] = [
    { month: '2025-01', channel: 'Search', amount: 1250.5 },
    { month: '2025-01', channel: 'Social', amount: 300 },
    { month: '2025-02', channel: 'Search', amount: 99.5 },
    // Outside the months shown: kept, not summed.
    { month: '2024-06', channel: 'Social', amount: 1000 },
  ];

  it('shows the cells and sums rows, columns and all', () => {
    const g = spendGrid(rows, ['2025-01', '2025-02', '2025-03'], ['Search', 'Social', 'Print']);
    expect(g.cell('2025-01', 'Search')).toBe(1250.5);
    expect(g.cell('2025-03', 'Search')).toBeNull();
    expect(g.cell('2024-06', 'Social')).toBe(1000);
    // 1250.5 + 300; 99.5; nothing.
    expect(g.monthTotals).toEqual([1550.5, 99.5, 0]);
    // Search 1250.5 + 99.5 = 1350; Social 300 (June 2024 not shown); Print nothing.
    expect(g.channelTotals).toEqual([1350, 300, 0]);
    expect(g.total).toBe(1650);
  });

  it('keeps the channels in first-seen order, each once', () => {
    expect(channelsOf(rows, ['Print', 'Search'])).toEqual(['Search', 'Social', 'Print']);
  });

  it('sets a cell (replacing the old amount), empties it (no row), and stores rows sorted', () => {
    const a = setSpendCell(rows, '2025-01', 'Search', 2.5);
    expect(a).toEqual([
      { month: '2024-06', channel: 'Social', amount: 1000 },
      { month: '2025-01', channel: 'Search', amount: 2.5 },
      { month: '2025-01', channel: 'Social', amount: 300 },
      { month: '2025-02', channel: 'Search', amount: 99.5 },
    ]);
    const b = setSpendCell(a, '2025-01', 'Social', null);
    expect(b.some((r) => r.month === '2025-01' && r.channel === 'Social')).toBe(false);
    expect(b).toHaveLength(3);
    expect(spendGrid(b, ['2025-01'], ['Search', 'Social']).channelTotals).toEqual([2.5, 0]);
    // The input is not changed.
    expect(rows).toHaveLength(4);
  });

  it('removes every amount of a channel', () => {
    expect(removeSpendChannel(rows, 'Social')).toEqual([
      { month: '2025-01', channel: 'Search', amount: 1250.5 },
      { month: '2025-02', channel: 'Search', amount: 99.5 },
    ]);
  });
});
