// The holdout total's interval in words: where a hand-placed actual total lies against a hand-made band.
import { describe, expect, it } from 'vitest';
import * as forecastTexts from '../../src/i18n/messages/forecast';
import { formatNumber, type Locale } from '../../src/i18n/format';
import type { MessageKey } from '../../src/i18n/messages';
import { holdoutWords, type IntervalTr } from '../../src/views/forecast/interval-words';
import type { HoldoutInterval } from '../../src/shared/intervals';

const band = { low95: 90, low90: 92, low80: 95, median: 100, high80: 105, high90: 108, high95: 110 };
const interval = (actualTotal: number): Extract<HoldoutInterval, { ok: true }> => ({
  ok: true,
  holdoutLength: 39,
  predictedTotal: 100.4,
  actualTotal,
  total: band,
  draws: 200,
  seed: 1,
  totals: 'simulated',
});

/** A translator over the forecast texts alone (the app's translator needs a document). */
const tr = (locale: Locale): IntervalTr => ({
  t: (key: MessageKey, params?: Record<string, string | number>) => {
    let s: string = (forecastTexts[locale] as Record<string, string>)[key] ?? key;
    for (const [k, v] of Object.entries(params ?? {})) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  },
  num: (n, digits = 0) => formatNumber(locale, n, digits),
});

describe('holdoutWords', () => {
  it('writes the prediction with both ranges and the actual total (German)', () => {
    const w = holdoutWords(tr('de'), interval(1882));
    expect(w.line).toBe('vorhergesagt 100 (80 %: 95–105; 95 %: 90–110) · tatsächlich 1.882');
  });

  it('places the actual total: inside the 80 % range (ends included), in the 95 % range only, or outside', () => {
    const cases: [number, string, RegExp][] = [
      [95, 'in80', /within the 80 % range/],
      [105, 'in80', /within the 80 % range/],
      [106, 'in95', /above the 80 % range but within the 95 % range/],
      [90, 'in95', /below the 80 % range but within the 95 % range/],
      [111, 'outside', /above the 95 % range: the model under-predicts/],
      [89, 'outside', /below the 95 % range: the model over-predicts/],
    ];
    for (const [actual, where, verdict] of cases) {
      const w = holdoutWords(tr('en'), interval(actual));
      expect([actual, w.where]).toEqual([actual, where]);
      expect(w.verdict).toMatch(verdict);
      // Only outside the 95 % range: what the ranges cover, and that they do not cover a model that does not fit.
      if (where === 'outside') expect(w.outside).toMatch(/not a model that does not fit the data/);
      else expect(w.outside).toBeNull();
    }
  });
});
