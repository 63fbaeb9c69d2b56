/**
 * The forecast's intervals in words, for the Forecast view, the customer table and the client report (each with its
 * own translator): a range "80 %: 1.180–1.290", a point with its range, and why there are none.
 */
import type { Band, IntervalFailureCode } from '../../shared/intervals';
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
