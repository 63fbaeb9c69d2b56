/**
 * Actions (METRICS.md "Actions"): the reactivation, due-now, whitespace and upsell lists, page by page, the
 * customers × categories matrix, the co-purchase heatmap, the whitespace ranking and the product journey. The lists
 * are the shared core's (src/worker/action-lists.ts); the figures are the pure ones of src/analytics/actions/.
 */
import {
  ACTION_LISTS,
  type ActionHeatmap,
  type ActionListKind,
  type ActionListQuery,
  type ActionListSummary,
  type ActionPage,
  type ActionPageRequestPart,
  type ActionPair,
  type ActionsOverview,
  type JourneyTransition,
  type MatrixPage,
  type MatrixQuery,
} from '../../shared/actions';
import type { YourFigures } from '../../shared/figures';
import { dayToIso } from '../../shared/days';
import {
  pairFigures,
  productJourney,
  whitespaceRanking,
  type PairFigures,
} from '../../analytics/actions/copurchase';
import { boughtPositions, columnFilter, idRank, sortCodes } from '../../analytics/actions/matrix';
import { SEGMENTS } from '../../shared/segments';
import {
  actionListOf,
  coPurchaseOf,
  columnsPart,
  filterCodes,
  masterTagOf,
  prepareActions,
  segmentsPart,
} from '../action-lists';
import { rfmOf, type AnalysisRequest, type Prepared } from '../scope';

/** A scope with the workspace's figures (margin and costs decide the value basis; the discount the forecast). */
export type ActionsRequest = AnalysisRequest & { figures: YourFigures };
export type ActionPageRequest = ActionsRequest & { query: ActionListQuery } & ActionPageRequestPart;
export type ActionRowsRequest = ActionsRequest & { query: ActionListQuery };
export type MatrixRequest = ActionsRequest & { query: MatrixQuery } & ActionPageRequestPart;

/** At most this many whitespace pairs and journey transitions in the overview; the heatmap's size. */
export const OVERVIEW_PAIRS = 50;
export const OVERVIEW_JOURNEY = 50;
export const HEATMAP_SIZE = 20;

function scopeOf(req: ActionsRequest): Promise<Prepared> {
  return prepareActions({ datasetId: req.datasetId, asOf: req.asOf, filters: req.filters });
}

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
  };
}

function overviewOf(p: Prepared, figures: YourFigures): ActionsOverview {
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
    const ranking = whitespaceRanking(cp);
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
    const steps = productJourney(p.lines, p.table, cols.crossKey, p.opts);
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
    ACTION_LISTS.map((list) => [list, actionListOf(p, figures, { list, pair }).summary]),
  ) as Record<ActionListKind, ActionListSummary>;
  return {
    asOf: dayToIso(p.opts.asOf),
    customers: p.table.count,
    lists,
    crossSellKey: cols.crossKey,
    crossSellUnavailable: cols.crossReason,
    heatmap,
    whitespace,
    journey,
    journeyCustomers,
    matrixColumns: cols.matrix ? Array.from(cols.matrix.byBuyers, (g) => cols.matrix!.labels[g]) : [],
    computeMs: performance.now() - t0,
  };
}

function page(p: Prepared, req: ActionsRequest & { query: ActionListQuery }, offset: number, limit: number) {
  const list = actionListOf(p, req.figures, req.query);
  const from = Math.max(0, Math.min(offset, list.codes.length));
  const to = Math.max(from, Math.min(list.codes.length, from + Math.max(0, limit)));
  const rows = Array.from(list.codes.subarray(from, to), (c) => list.row(c));
  return { total: list.codes.length, rows, summary: list.summary };
}

function matrixOf(p: Prepared, q: MatrixQuery, offset: number, limit: number): MatrixPage {
  const cols = columnsPart(p);
  const m = cols.matrix;
  if (!m) return { total: 0, columns: [], rows: [] };
  const columns = Array.from(m.byBuyers, (g) => m.labels[g]);
  const t = p.table;
  const codeOf = (label: string) => m.labels.indexOf(label);
  const sortCol = q.sort.by === 'column' ? codeOf(q.sort.column) : -1;
  const sortName = q.sort.by === 'column' ? `column:${q.sort.column}` : q.sort.by;
  const order = p.scope.cached(`actions-matrix-sort|${sortName}|${q.descending}`, () => {
    const rank = idRank(p.lines.dicts.customer ?? []);
    const key: (c: number) => number =
      q.sort.by === 'id'
        ? (c) => rank[c]
        : q.sort.by === 'revenue'
          ? (c) => t.revenue[c]
          : q.sort.by === 'count'
            ? (c) => m.count[c]
            : (c) => (sortCol >= 0 && m.bits[c * m.words + (sortCol >>> 5)] & (1 << (sortCol & 31)) ? 1 : 0);
    return sortCodes(rfmOf(p).codes, key, rank, q.descending);
  });
  const has = (q.has ?? []).map(codeOf);
  const hasNot = (q.hasNot ?? []).map(codeOf).filter((g) => g >= 0);
  const filterKey = `actions-matrix|${JSON.stringify([sortName, q.descending, q.search ?? '', q.segment ?? null, q.has ?? [], q.hasNot ?? []])}`;
  const codes = p.scope.cached(filterKey, () => {
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

export const actionsHandler = {
  /** Sizes and notes of every list, the heatmap, the whitespace ranking, the journey and the matrix's columns. */
  async actionsOverview(req: ActionsRequest): Promise<ActionsOverview> {
    const p = await scopeOf(req);
    const key = `actions-overview|${JSON.stringify(req.figures)}|${masterTagOf(p)}`;
    return p.scope.cached(key, () => overviewOf(p, req.figures));
  },
  /** One page of a list, sorted and filtered in the worker. */
  async actionPage(req: ActionPageRequest): Promise<ActionPage> {
    const p = await scopeOf(req);
    return page(p, req, req.offset, req.limit);
  },
  /** A whole list (for CSV, clipboard and print). */
  async actionRows(req: ActionRowsRequest): Promise<ActionPage> {
    const p = await scopeOf(req);
    return page(p, req, 0, Number.MAX_SAFE_INTEGER);
  },
  /** One page of the customers × categories matrix. */
  async actionMatrix(req: MatrixRequest): Promise<MatrixPage> {
    const p = await scopeOf(req);
    return matrixOf(p, req.query, req.offset, req.limit);
  },
};
