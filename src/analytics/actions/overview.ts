/**
 * The Actions overview (METRICS.md "Actions": the co-purchase heatmap with support, confidence and lift, the
 * whitespace ranking, the product journey, every list's summary) and the pages of the customers × columns matrix.
 * Pure over the lists' context (./lists.ts).
 */
import {
  ACTION_LISTS,
  type ActionHeatmap,
  type ActionListKind,
  type ActionListSummary,
  type ActionPair,
  type ActionsOverview,
  type JourneyTransition,
  type MatrixPage,
  type MatrixQuery,
} from '../../shared/actions';
import type { YourFigures } from '../../shared/figures';
import { SEGMENTS } from '../../shared/segments';
import { dayToIso } from '../../shared/days';
import { pairFigures, productJourney, whitespaceRanking, type PairFigures } from './copurchase';
import { boughtPositions, columnFilter, idRank, matrixColumnLabels, sortCodes } from './matrix';
import { actionList, coPurchaseOf, columnsPart, filterCodes, segmentsPart, type ListsContext } from './lists';

/** At most this many whitespace pairs and journey transitions in the overview; the heatmap's size. */
export const OVERVIEW_PAIRS = 50;
export const OVERVIEW_JOURNEY = 50;
export const HEATMAP_SIZE = 20;

function pairOf(labels: string[], f: PairFigures): ActionPair {
  return {
    a: labels[f.a],
    b: labels[f.b],
    supportA: f.supportA,
    supportB: f.supportB,
    both: 0,
    confidence: f.confidence,
    lift: f.lift,
    whitespace: f.whitespace,
    expectedRevenue: f.expectedRevenue,
    expectedBuyers: f.whitespace * f.confidence,
  };
}

/** Everything of the Actions view except the list pages (METRICS "Actions": co-purchase, whitespace, journey). */
export function actionsOverview(p: ListsContext, figures: YourFigures): ActionsOverview {
  const t0 = performance.now();
  const cols = columnsPart(p);
  const cp = coPurchaseOf(p);
  let heatmap: ActionHeatmap | null = null;
  let whitespace: ActionPair[] = [];
  let journey: JourneyTransition[] = [];
  let journeyCustomers = 0;
  if (cols.crossKey && cols.matrix && cp) {
    const K = cp.labels.length;
    const m = cols.matrix;
    const ranking = whitespaceRanking(cp, !p.table.hasAmount);
    whitespace = ranking
      .slice(0, OVERVIEW_PAIRS)
      .map((f) => ({ ...pairOf(cp.labels, f), both: cp.both[f.a * K + f.b] }));
    const top = Array.from(m.byBuyers.subarray(0, HEATMAP_SIZE)).filter((g) => m.buyers[g] > 0);
    const k = top.length;
    const n = k * k;
    heatmap = {
      labels: top.map((g) => cp.labels[g]),
      buyers: top.map((g) => cp.buyers[g]),
      support: top.map((g) => (cp.customers > 0 ? cp.buyers[g] / cp.customers : NaN)),
      confidence: new Array<number>(n).fill(NaN),
      lift: new Array<number>(n).fill(NaN),
      both: new Array<number>(n).fill(0),
      omitted: K - k,
    };
    top.forEach((a, i) =>
      top.forEach((b, j) => {
        heatmap!.both[i * k + j] = cp.both[a * K + b];
        if (a === b) return;
        const f = pairFigures(cp, a, b);
        heatmap!.confidence[i * k + j] = f.confidence;
        heatmap!.lift[i * k + j] = f.lift;
      }),
    );
    const key = cols.crossKey;
    const steps = p.memo(`actions-journey|${key}`, () => productJourney(p.lines, p.table, key, p.opts));
    const fromTotal = new Map<number, number>();
    for (const s of steps) {
      journeyCustomers += s.customers;
      fromTotal.set(s.from, (fromTotal.get(s.from) ?? 0) + s.customers);
    }
    journey = steps.slice(0, OVERVIEW_JOURNEY).map((s) => ({
      from: cp.labels[s.from],
      to: cp.labels[s.to],
      customers: s.customers,
      share: s.customers / fromTotal.get(s.from)!,
    }));
  }
  const pair =
    cols.crossKey && cp ? (whitespace[0] ? { a: whitespace[0].a, b: whitespace[0].b } : null) : null;
  const lists = Object.fromEntries(
    ACTION_LISTS.map((list) => [list, actionList(p, figures, { list, pair }).summary]),
  ) as Record<ActionListKind, ActionListSummary>;
  return {
    asOf: dayToIso(p.opts.asOf),
    customers: p.table.count,
    lists,
    crossSellKey: cols.crossKey,
    crossSellUnavailable: cols.crossReason,
    hasAmount: p.table.hasAmount,
    heatmap,
    whitespace,
    journey,
    journeyCustomers,
    matrixColumns: cols.matrix ? matrixColumnLabels(cols.matrix) : [],
    computeMs: performance.now() - t0,
  };
}

/** One page of the customers × columns matrix, sorted and filtered (the sort memoised per key and direction). */
export function matrixPage(p: ListsContext, q: MatrixQuery, offset: number, limit: number): MatrixPage {
  const cols = columnsPart(p);
  const m = cols.matrix;
  if (!m) return { total: 0, columns: [], rows: [] };
  const columns = matrixColumnLabels(m);
  const t = p.table;
  const codeOf = (label: string) => m.labels.indexOf(label);
  const sortCol = q.sort.by === 'column' ? codeOf(q.sort.column) : -1;
  const sortName = q.sort.by === 'column' ? `column:${q.sort.column}` : q.sort.by;
  const order = p.memo(`actions-matrix-sort|${sortName}|${q.descending}`, () => {
    const rank = idRank(p.lines.dicts.customer ?? []);
    const key: (c: number) => number =
      q.sort.by === 'id'
        ? (c) => rank[c]
        : q.sort.by === 'revenue'
          ? (c) => t.revenue[c]
          : q.sort.by === 'count'
            ? (c) => m.count[c]
            : (c) => (sortCol >= 0 && m.bits[c * m.words + (sortCol >>> 5)] & (1 << (sortCol & 31)) ? 1 : 0);
    return sortCodes(p.rfm().codes, key, rank, q.descending);
  });
  const has = (q.has ?? []).map(codeOf);
  const hasNot = (q.hasNot ?? []).map(codeOf).filter((g) => g >= 0);
  const filterKey = `actions-matrix|${JSON.stringify([sortName, q.descending, q.search ?? '', q.segment ?? null, q.has ?? [], q.hasNot ?? []])}`;
  const codes = p.memo(filterKey, () => {
    if (has.some((g) => g < 0)) return new Int32Array(0);
    const kept = filterCodes(p, order, q.segment, q.search);
    const test = columnFilter(m, has, hasNot);
    return test ? kept.filter(test) : kept;
  });
  const from = Math.max(0, Math.min(offset, codes.length));
  const to = Math.max(from, Math.min(codes.length, from + Math.max(0, limit)));
  const ids = p.lines.dicts.customer ?? [];
  const segOf = segmentsPart(p).segment;
  return {
    total: codes.length,
    columns,
    rows: Array.from(codes.subarray(from, to), (c) => ({
      code: c,
      id: ids[c],
      segment: SEGMENTS[segOf[c] >= 0 ? segOf[c] : SEGMENTS.length - 1],
      revenue: t.revenue[c],
      bought: boughtPositions(m, c),
    })),
  };
}
