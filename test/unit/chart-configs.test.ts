// Chart configs (src/charts/configs.ts): months in the UI's locale, one currency notation (the locale's sign, as in
// the amounts), axis titles with units, and the cohort LTV axis only as long as the cohorts shown.
import { describe, expect, it } from 'vitest';
import {
  cohortCurvesConfig,
  currencySymbol,
  lorenzConfig,
  monthLabel,
  periodsShown,
  trendConfig,
} from '../../src/charts/configs';

describe('month labels and the currency sign', () => {
  it('months as the locale writes them, not ISO', () => {
    expect(monthLabel('2025-01', 'de')).toBe('Jan. 2025');
    expect(monthLabel('2025-03', 'de')).toBe('März 2025');
    expect(monthLabel('2025-01', 'en')).toBe('Jan 2025');
    expect(monthLabel('2025-Q1', 'de')).toBe('2025-Q1'); // quarters and attribute values stay as they are
  });
  it('the sign of the currency, never its code', () => {
    expect(currencySymbol('EUR', 'de')).toBe('€');
    expect(currencySymbol('EUR', 'en')).toBe('€');
    expect(currencySymbol('GBP', 'en')).toBe('£');
    expect(currencySymbol('XYZ-not-a-code', 'de')).toBe('XYZ-not-a-code');
  });
});

describe('axes', () => {
  it('the trend: titles with units on both value axes', () => {
    const c = trendConfig({
      labels: ['Jan. 2025'],
      revenue: [10],
      active: [2],
      revenueLabel: 'Umsatz',
      activeLabel: 'Aktive Kunden',
      format: String,
      axes: { x: 'Monat', y: 'Umsatz (€)', y1: 'Aktive Kunden' },
    });
    const s = c.options!.scales as Record<string, { title: { display: boolean; text: string } }>;
    expect(s.x.title).toEqual({ display: true, text: 'Monat' });
    expect(s.y.title).toEqual({ display: true, text: 'Umsatz (€)' });
    expect(s.y1.title).toEqual({ display: true, text: 'Aktive Kunden' });
  });
  it('the Lorenz curve: percent on both axes', () => {
    const s = lorenzConfig([], 'a', 'b', { x: 'Anteil der Kunden (%)', y: 'Anteil am Umsatz (%)' }).options!
      .scales as Record<string, { title: { text: string } }>;
    expect([s.x.title.text, s.y.title.text]).toEqual(['Anteil der Kunden (%)', 'Anteil am Umsatz (%)']);
  });
  it('cohort LTV: 12 recent monthly cohorts of 35 periods (nulls after D) draw 12 periods, not 35', () => {
    // Cohort i (0..11) has values in periods 0..11 − i, nulls after: the oldest of them reaches period 11.
    const cohorts = Array.from({ length: 12 }, (_, i) => ({
      label: `c${i}`,
      values: Array.from({ length: 35 }, (_, k) => (k <= 11 - i ? 10 * (k + 1) : null)),
    }));
    expect(periodsShown(cohorts.map((c) => c.values))).toBe(12);
    const c = cohortCurvesConfig(cohorts, String, { x: 'Monate seit dem Erstkauf', y: 'LTV (€)' });
    expect(c.data.labels).toHaveLength(12);
    expect(c.data.datasets[0].data).toHaveLength(12);
    expect(periodsShown([[null, null]])).toBe(0);
    expect(periodsShown([[1, null, 3, null]])).toBe(3);
  });
});
