/**
 * The forecast's intervals in words, for the Forecast view, the customer table and the client report (each with its
 * own translator): a range "80 %: 1.180–1.290", a point with its range, and why there are none.
 */
import type { Band, HoldoutInterval, IntervalFailureCode } from '../../shared/intervals';
import type { MessageKey } from '../../i18n/messages';
import { INTERVAL_FAILURE_TEXT } from '../../i18n/messages/forecast';

export interface IntervalTr {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  num: (n: number | null | undefined, digits?: number) => string;
}

/** How a figure of the band is written (a count, an amount, a share). */
export type Fmt = (v: number) => string;

const ends = (band: Band, level: 80 | 95): [number, number] =>
  level === 80 ? [band.low80, band.high80] : [band.low95, band.high95];

/** One range: "80 %: 1.180–1.290". */
export function rangeText(tr: IntervalTr, band: Band, level: 80 | 95, fmt: Fmt): string {
  const [low, high] = ends(band, level);
  return tr.t('fc.iv.range', { level: tr.num(level), low: fmt(low), high: fmt(high) });
}

/** Both ranges: "80 %: 1.180–1.290 · 95 %: 1.150–1.330". */
export const rangesText = (tr: IntervalTr, band: Band, fmt: Fmt): string =>
  `${rangeText(tr, band, 80, fmt)} · ${rangeText(tr, band, 95, fmt)}`;

/** A point figure with its 80 % range: "1.234 (80 %: 1.180–1.290)". */
export const withRange = (tr: IntervalTr, point: number, band: Band, fmt: Fmt): string =>
  `${fmt(point)} (${rangeText(tr, band, 80, fmt)})`;

/** An amount in whole currency units ("62.612 €", "€62,612"): the cents of a large total's range are noise. */
export const wholeMoney =
  (money: (v: number) => string): Fmt =>
  (v) =>
    money(Math.round(v)).replace(/[.,]00(?=\D*$)/, '');

/** A band's 80 % ends alone, for narrow cells: "1.180–1.290". */
export const bareRange = (band: Band, fmt: Fmt): string => `${fmt(band.low80)}–${fmt(band.high80)}`;

/** A band divided by a count (a group's mean from its total). */
export const perCustomer = (band: Band, n: number): Band => ({
  low95: band.low95 / n,
  low90: band.low90 / n,
  low80: band.low80 / n,
  median: band.median / n,
  high80: band.high80 / n,
  high90: band.high90 / n,
  high95: band.high95 / n,
});

/** Why there are no intervals (or none for the CLV), in words. */
export const intervalFailureText = (tr: IntervalTr, code: IntervalFailureCode): string =>
  tr.t(INTERVAL_FAILURE_TEXT[code]);

/** The holdout total's interval in words (validation at a calibration end). */
export interface HoldoutWords {
  /** "vorhergesagt 1.653 (80 %: 1.530–1.776; 95 %: 1.479–1.836) · tatsächlich 1.882". */
  line: string;
  /** Where the actual total lies: in the 80 % range, in the 95 % range only, or above/below it. */
  verdict: string;
  where: 'in80' | 'in95' | 'outside';
  /** Outside the 95 % range: what the ranges do and do not cover, and where to look instead. */
  outside: string | null;
}

/** The holdout total with its 80 % and 95 % ranges against the actual total, and whether the actual lies inside. */
export function holdoutWords(tr: IntervalTr, h: Extract<HoldoutInterval, { ok: true }>): HoldoutWords {
  const count: Fmt = (v) => tr.num(v, 0);
  const b = h.total;
  const line = tr.t('fc.hi.line', {
    predicted: count(h.predictedTotal),
    r80: rangeText(tr, b, 80, count),
    r95: rangeText(tr, b, 95, count),
    actual: count(h.actualTotal),
  });
  const a = h.actualTotal;
  const above = a > b.high80;
  if (a >= b.low80 && a <= b.high80)
    return { line, verdict: tr.t('fc.hi.in80'), where: 'in80', outside: null };
  if (a >= b.low95 && a <= b.high95)
    return { line, verdict: tr.t(above ? 'fc.hi.above80' : 'fc.hi.below80'), where: 'in95', outside: null };
  return {
    line,
    verdict: tr.t(above ? 'fc.hi.above95' : 'fc.hi.below95'),
    where: 'outside',
    outside: tr.t('fc.hi.outside'),
  };
}
