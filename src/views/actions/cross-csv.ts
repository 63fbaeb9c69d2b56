/**
 * The cross-sell tables as files (CSV in the UI language's conventions, src/shared/csv.ts): the co-purchase heatmap
 * (one line per pair), the whitespace ranking, the product journey and the customers × categories matrix.
 */
import { i18n } from '../../i18n/i18n.svelte';
import { SEGMENT_LABEL } from '../../i18n/messages/customers';
import type { ActionHeatmap, ActionPair, JourneyTransition, MatrixPage } from '../../shared/actions';
import type { FileTable } from './file-table';

type FileColumn = FileTable['columns'][number];

/** The columns of a pair A → B: A, B, the customers counted, confidence, lift, then the table's own last column. */
function pairColumns(customers: string, last: FileColumn): FileColumn[] {
  return [
    { header: 'A' },
    { header: 'B' },
    { header: customers, kind: 'number' },
    { header: i18n.t('ac.hm.confidence'), kind: 'percent' },
    { header: i18n.t('ac.hm.lift'), kind: 'number', digits: 2 },
    last,
  ];
}

export function heatmapTable(h: ActionHeatmap): FileTable {
  const K = h.labels.length;
  const rows: FileTable['rows'] = [];
  for (let a = 0; a < K; a++)
    for (let b = 0; b < K; b++) {
      if (a === b || !Number.isFinite(h.lift[a * K + b])) continue;
      rows.push([
        h.labels[a],
        h.labels[b],
        h.both[a * K + b],
        h.confidence[a * K + b],
        h.lift[a * K + b],
        h.support[b],
      ]);
    }
  return {
    columns: pairColumns(i18n.t('ac.jn.customers'), {
      header: `${i18n.t('ac.hm.support')} B`,
      kind: 'percent',
    }),
    rows,
  };
}

/** The whitespace pairs; without an amount column the last column is the expected additional buyers. */
export function pairsTable(pairs: ActionPair[], hasAmount = true): FileTable {
  return {
    columns: pairColumns(i18n.t('ac.ws.customers'), {
      header: hasAmount ? i18n.t('ac.ws.expected') : i18n.t('ac.ws.expectedBuyers'),
      kind: 'number',
      digits: 2,
    }),
    rows: pairs.map((p) => [
      p.a,
      p.b,
      p.whitespace,
      p.confidence,
      p.lift,
      hasAmount ? p.expectedRevenue : (p.expectedBuyers ?? null),
    ]),
  };
}

export function journeyTable(j: JourneyTransition[]): FileTable {
  return {
    columns: [
      { header: i18n.t('ac.jn.from') },
      { header: i18n.t('ac.jn.to') },
      { header: i18n.t('ac.jn.customers'), kind: 'number' },
      { header: i18n.t('ac.jn.share'), kind: 'percent' },
    ],
    rows: j.map((t) => [t.from, t.to, t.customers, t.share]),
  };
}

/** The matrix: one line per customer, 1 for a category bought, empty otherwise. */
export function matrixTable(m: MatrixPage): FileTable {
  return {
    columns: [
      { header: i18n.t('ac.col.id') },
      { header: i18n.t('ac.col.segment') },
      { header: i18n.t('ac.col.revenue'), kind: 'number', digits: 2 },
      { header: i18n.t('ac.mx.count'), kind: 'number' },
      ...m.columns.map((c) => ({ header: c, kind: 'number' as const })),
    ],
    rows: m.rows.map((r) => {
      const bought = new Set(r.bought);
      return [
        r.id,
        i18n.t(SEGMENT_LABEL[r.segment]),
        r.revenue,
        r.bought.length,
        ...m.columns.map((_, i) => (bought.has(i) ? 1 : null)),
      ];
    }),
  };
}
