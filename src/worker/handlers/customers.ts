/** Customers: the RFM map and segment table, the customer table (one page at a time) and one customer's orders. */
import { dayToIso } from '../../shared/days';
import { FLAG_DUPLICATE, FLAG_RETURN } from '../../analytics/lines';
import { segmentOf, SEGMENTS, type RfmResult, type Segment } from '../../analytics/rfm';
import { prepare, rfmOf, type AnalysisRequest } from '../scope';

export interface RfmSummary {
  asOf: string;
  customers: number;
  grid: RfmResult['grid'];
  /** The segment of each cell [R - 1][FM - 1] (METRICS.md's table). */
  gridSegments: Segment[][];
  segments: RfmResult['segments'];
}

/** One cell of the R × FM map: the R score and the FM score, each 1–5. */
export interface RfmCell {
  r: number;
  fm: number;
}

export type CustomerSort = 'revenue' | 'orders' | 'recencyDays' | 'first' | 'id' | 'clv' | 'pAlive';

export interface CustomerRow {
  code: number;
  id: string;
  first: string;
  last: string;
  orders: number;
  revenue: number;
  recencyDays: number;
  r: number;
  f: number;
  m: number;
  segment: Segment;
  /** From the last forecast of the same dataset, as-of date and filters (null without one). */
  pAlive: number | null;
  expected: number | null;
  clv: number | null;
}

export interface CustomerPageRequest extends AnalysisRequest {
  sort: CustomerSort;
  descending: boolean;
  search: string;
  segment: Segment | null;
  /** One cell of the R × FM map (R score and FM score, 1–5): only its customers (optional; null or absent: all). */
  cell?: RfmCell | null;
  offset: number;
  limit: number;
}

export interface CustomerPage {
  total: number;
  rows: CustomerRow[];
  /** The horizon of the forecast columns, null without a forecast in this scope. */
  forecastMonths: number | null;
}

export interface TimelineRequest extends AnalysisRequest {
  code: number;
}

export interface TimelineEntry {
  date: string;
  order: string | null;
  amount: number | null;
  isReturn: boolean;
  product: string | null;
}

export const customersHandler = {
  /** RFM: the 5 × 5 map and the segment table. */
  async rfm(req: AnalysisRequest): Promise<RfmSummary> {
    const p = await prepare(req);
    const r = rfmOf(p);
    const gridSegments = [1, 2, 3, 4, 5].map((rr) => [1, 2, 3, 4, 5].map((fm) => segmentOf(rr, fm)));
    return {
      asOf: dayToIso(p.opts.asOf),
      customers: p.table.count,
      grid: r.grid,
      gridSegments,
      segments: r.segments,
    };
  },

  /** One page of the customer table, sorted and searched in the worker (the UI never holds all customers). */
  async customerPage(req: CustomerPageRequest): Promise<CustomerPage> {
    const p = await prepare(req);
    const { table: t, lines, scope } = p;
    const r = rfmOf(p);
    const ids = lines.dicts.customer ?? [];
    const fc = scope.forecast;
    // Sorting by a forecast column without a forecast for this as-of date and filter falls back to revenue.
    const byForecast = (req.sort === 'clv' || req.sort === 'pAlive') && fc !== null;
    if (!byForecast && (req.sort === 'clv' || req.sort === 'pAlive')) req = { ...req, sort: 'revenue' };
    const sortKey = `sort|${req.sort}|${req.descending}${byForecast && fc ? `|forecast${fc.id}` : ''}`;
    const forecastValue = (c: number) => {
      const col = req.sort === 'pAlive' ? fc!.pAlive : (fc!.clv ?? fc!.expected);
      const v = col[c];
      return Number.isFinite(v) ? v : -Infinity;
    };
    const order = scope.cached(sortKey, () => {
      const codes = Array.from(r.codes);
      const key = (c: number): number | string =>
        req.sort === 'id'
          ? ids[c]
          : byForecast
            ? forecastValue(c)
            : req.sort === 'recencyDays'
              ? t.asOf - t.last[c]
              : req.sort === 'first'
                ? t.first[c]
                : req.sort === 'orders'
                  ? t.orders[c]
                  : t.revenue[c];
      codes.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const cmp = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
        return (req.descending ? -cmp : cmp) || a - b;
      });
      return Int32Array.from(codes);
    });
    const position = scope.cached('position', () => {
      const pos = new Int32Array(t.size).fill(-1);
      r.codes.forEach((c, i) => (pos[c] = i));
      return pos;
    });
    const needle = req.search.trim().toLowerCase();
    const segIndex = req.segment ? SEGMENTS.indexOf(req.segment) : -1;
    const cell = req.cell ?? null;
    const matches =
      needle === '' && segIndex < 0 && cell === null
        ? order
        : order.filter(
            (c) =>
              (needle === '' || ids[c].toLowerCase().includes(needle)) &&
              (segIndex < 0 || r.segment[position[c]] === segIndex) &&
              (cell === null || (r.r[position[c]] === cell.r && r.fm[position[c]] === cell.fm)),
          );
    const rows = Array.from(matches.subarray(req.offset, req.offset + req.limit), (c) => {
      const i = position[c];
      return {
        code: c,
        id: ids[c],
        first: dayToIso(t.first[c]),
        last: dayToIso(t.last[c]),
        orders: t.orders[c],
        revenue: t.revenue[c],
        recencyDays: t.asOf - t.last[c],
        r: r.r[i],
        f: r.f[i],
        m: r.m[i],
        segment: SEGMENTS[r.segment[i]],
        pAlive: fc && Number.isFinite(fc.pAlive[c]) ? fc.pAlive[c] : null,
        expected: fc && Number.isFinite(fc.expected[c]) ? fc.expected[c] : null,
        clv: fc?.clv && Number.isFinite(fc.clv[c]) ? fc.clv[c] : null,
      };
    });
    return { total: matches.length, rows, forecastMonths: fc?.months ?? null };
  },

  /** The lines of one customer up to D, oldest first: the order timeline of the detail panel. */
  async customerTimeline(req: TimelineRequest): Promise<TimelineEntry[]> {
    const { lines, opts } = await prepare(req);
    const out: { day: number; e: TimelineEntry }[] = [];
    const product = lines.codes.product;
    for (let i = 0; i < lines.n; i++) {
      if (lines.customer[i] !== req.code || lines.day[i] > opts.asOf) continue;
      if (opts.dropDuplicates && lines.flags[i] & FLAG_DUPLICATE) continue;
      out.push({
        day: lines.day[i],
        e: {
          date: dayToIso(lines.day[i]),
          order: lines.order ? (lines.dicts.order?.[lines.order[i]] ?? null) : null,
          amount: lines.amount ? lines.amount[i] : null,
          isReturn: (lines.flags[i] & FLAG_RETURN) !== 0,
          product: product ? (lines.dicts.product?.[product[i]] ?? null) : null,
        },
      });
    }
    return out.sort((a, b) => a.day - b.day).map((x) => x.e);
  },
};
