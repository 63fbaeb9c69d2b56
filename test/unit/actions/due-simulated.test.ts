// Due now on simulated BG/NBD data with known parameters (METRICS.md "Actions": Expected next order date, Due now):
// fit at D, flag the customers due now, and check that they buy in the following month (D, D + 30.4375] at a
// clearly higher rate than the other customers. Seeded, so the figures are fixed:
// 5000 customers (seed 14; r = 1, α = 2 per week, a = 0.8, b = 2.5), fit r = 0.958, α = 2.072, a = 0.774, b = 2.357;
// 338 due now, 156 of them buy in the month after D (46.2 %); of the other 4662, 317 buy (6.8 %): ratio 6.8.
// The assertion asks for a ratio of at least 3 and at least 100 customers due now.
import { describe, expect, it } from 'vitest';
import { bgnbdPAlive, fitBgNbd } from '../../../src/analytics/btyd/bgnbd';
import { expectedSpend, fitGammaGamma } from '../../../src/analytics/btyd/gammagamma';
import { calibrationSummary, compress } from '../../../src/analytics/btyd/summary';
import { MONTH_DAYS } from '../../../src/analytics/actions/inactive';
import { nextOrders } from '../../../src/analytics/actions/next-order';
import { simulateBgNbd } from '../btyd/simulate';

const TRUE = { r: 1, alpha: 2, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };
// Two years of data in days (7 ticks per week), first purchases over the first year; D at the end of week 104, the
// data go on for a month and more after D.
const D = 104 * 7 - 1;

describe('due now on simulated BG/NBD customers', () => {
  it('the customers due now buy in the following month at a clearly higher rate than the others', () => {
    const occ = simulateBgNbd({
      customers: 5000,
      seed: 14,
      ...TRUE,
      startDay: 0,
      birthDays: 52 * 7,
      endDay: D + 60,
    });
    const s = calibrationSummary(occ, D, 7);
    const fit = fitBgNbd(compress(s.x, s.tx, s.T));
    expect(fit.converged).toBe(true);
    const gg = fitGammaGamma(s.x, s.m);
    const pAlive = Float64Array.from(s.x, (x, i) => bgnbdPAlive(fit.params, x, s.tx[i], s.T[i]));
    const spend = Float64Array.from(s.x, (x, i) => expectedSpend(gg.params, x, s.m[i]));
    const result = nextOrders(s, fit.params, pAlive, spend);

    // Who bought in (D, D + one month]?
    const bought = new Uint8Array(5000);
    for (let i = 0; i < occ.day.length; i++)
      if (occ.day[i] > D && occ.day[i] <= D + MONTH_DAYS) bought[occ.customer[i]] = 1;
    const due = new Uint8Array(5000);
    for (const r of result.due) due[r.code] = 1;
    let dueN = 0,
      dueBuy = 0,
      otherN = 0,
      otherBuy = 0;
    for (const c of s.customer) {
      if (due[c]) {
        dueN++;
        dueBuy += bought[c];
      } else {
        otherN++;
        otherBuy += bought[c];
      }
    }
    const dueRate = dueBuy / dueN;
    const otherRate = otherBuy / otherN;
    expect(dueN).toBeGreaterThan(100);
    expect(dueRate / otherRate).toBeGreaterThanOrEqual(3);
  });
});
