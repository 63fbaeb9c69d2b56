/**
 * The report's actions section (METRICS.md "Actions"; docs/actions.md): the size and notes of every list with its
 * top 10 entries, the co-purchase pairs of the heatmap with lift, confidence and support, the top 10 whitespace
 * pairs and the top 10 product-journey transitions. The figures are the app's own (src/analytics/actions/lists.ts
 * and overview.ts, with the forecast the Actions and Economics views use); the report only picks what it prints.
 */
import type {
  ActionListKind,
  ActionListSummary,
  ActionPair,
  ActionRow,
  JourneyTransition,
} from '../shared/actions';
import type { RecordColumns } from '../shared/economics';
import type { YourFigures } from '../shared/figures';
import type { Lines } from '../analytics/lines';
import type { AggregateOptions, CustomerTable } from '../analytics/customers';
import type { RfmResult } from '../analytics/rfm';
import { computeForecast } from '../analytics/forecast';
import { purchaseOccasions } from '../analytics/occasions';
import { actionList, mapMemo, type ListsContext } from '../analytics/actions/lists';
import { actionsOverview } from '../analytics/actions/overview';

export const REPORT_TOP = 10;

/** The figures of a top entry of each list (the list's own value and the fields it rests on). */
const KEY_FIGURES: Record<ActionListKind, (keyof ActionRow)[]> = {
  reactivation: ['yearlyValue', 'pAlive', 'lastOrder', 'daysSinceLast', 'lastContact', 'reasons'],
  due: ['pAlive', 'expectedNext', 'rhythmDays', 'lastOrder', 'daysSinceLast'],
  whitespace: ['revenue', 'orders', 'usualProducts'],
  upsell: ['aov', 'segmentMedianAov', 'f', 'orders'],
};

export type ReportActionEntry = { id: string; name: string | null; value: number } & Partial<ActionRow>;

export interface ReportActionList {
  summary: ActionListSummary;
  /** Whitespace: the pair of the list (the top-ranked one), or null. */
  pair: { a: string; b: string } | null;
  top: ReportActionEntry[];
}

export interface ActionsSection {
  asOf: string;
  customers: number;
  crossSellKey: 'category' | 'product' | null;
  crossSellUnavailable: string | null;
  lists: Record<ActionListKind, ReportActionList>;
  /** The heatmap's ordered pairs A ≠ B (the 20 most bought columns) with buyers of both, support, confidence, lift. */
  lifts: {
    a: string;
    b: string;
    both: number;
    supportA: number;
    supportB: number;
    confidence: number;
    lift: number;
  }[];
  whitespace: ActionPair[];
  journey: JourneyTransition[];
  journeyCustomers: number;
}

export function actionsSection(inp: {
  lines: Lines;
  opts: AggregateOptions;
  table: CustomerTable;
  rfm: RfmResult;
  figures: YourFigures;
  master: RecordColumns | null;
}): ActionsSection {
  const { lines, opts, table, rfm, figures } = inp;
  const memo = mapMemo();
  const ctx: ListsContext = {
    lines,
    opts,
    table,
    rfm: () => rfm,
    occasions: () => memo('occasions', () => purchaseOccasions(lines, opts)),
    forecast: (settings) =>
      memo(`forecast|${JSON.stringify(settings)}`, () =>
        computeForecast(lines, table, rfm, opts, settings, ctx.occasions()),
      ),
    master: inp.master,
    masterTag: inp.master ? 'master' : '-',
    memo,
  };
  const o = actionsOverview(ctx, figures);
  const pair = o.whitespace[0] ? { a: o.whitespace[0].a, b: o.whitespace[0].b } : null;
  const listOf = (list: ActionListKind): ReportActionList => {
    const l = actionList(ctx, figures, { list, pair: list === 'whitespace' ? pair : null });
    const top = Array.from(l.codes.subarray(0, REPORT_TOP), (c) => {
      const row = l.row(c);
      const entry: ReportActionEntry = { id: row.id, name: row.name, value: row.value };
      for (const k of KEY_FIGURES[list]) (entry as Record<string, unknown>)[k] = row[k];
      return entry;
    });
    return { summary: l.summary, pair: list === 'whitespace' ? pair : null, top };
  };
  const lifts: ActionsSection['lifts'] = [];
  const h = o.heatmap;
  if (h) {
    const k = h.labels.length;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        if (i === j || h.buyers[i] === 0) continue;
        lifts.push({
          a: h.labels[i],
          b: h.labels[j],
          both: h.both[i * k + j],
          supportA: h.support[i],
          supportB: h.support[j],
          confidence: h.confidence[i * k + j],
          lift: h.lift[i * k + j],
        });
      }
  }
  return {
    asOf: o.asOf,
    customers: o.customers,
    crossSellKey: o.crossSellKey,
    crossSellUnavailable: o.crossSellUnavailable,
    lists: {
      reactivation: listOf('reactivation'),
      due: listOf('due'),
      whitespace: listOf('whitespace'),
      upsell: listOf('upsell'),
    },
    lifts,
    whitespace: o.whitespace.slice(0, REPORT_TOP),
    journey: o.journey.slice(0, REPORT_TOP),
    journeyCustomers: o.journeyCustomers,
  };
}
