/**
 * The Customers view's CSV exports in the UI language's conventions (src/shared/csv.ts): the 5 × 5 R × FM map and
 * the RFM segment table (shares as percent, amounts with 2 decimals, the actions as text, formula-safe).
 */
import { i18n } from '../../i18n/i18n.svelte';
import { SEGMENT_LABEL } from '../../i18n/messages/customers';
import { localeCsv, type CsvColumn } from '../../shared/csv';
import type { Segment } from '../../analytics/rfm';
import type { RfmSummary } from '../../worker/handlers/customers';

export interface CsvFile {
  fileName: string;
  text: string;
}

/** The map, R from 5 down to 1 and FM from 1 to 5: customers and revenue of each cell, with its segment. */
export function rfmMapCsv(rfm: Pick<RfmSummary, 'grid' | 'gridSegments'>): CsvFile {
  const rows: (string | number)[][] = [];
  for (let r = 5; r >= 1; r--)
    for (let fm = 1; fm <= 5; fm++) {
      const cell = rfm.grid[r - 1][fm - 1];
      rows.push([
        r,
        fm,
        i18n.t(SEGMENT_LABEL[rfm.gridSegments[r - 1][fm - 1]]),
        cell.customers,
        cell.revenue,
      ]);
    }
  const columns: CsvColumn[] = [
    { header: 'R', kind: 'number' },
    { header: 'FM', kind: 'number' },
    { header: i18n.t('cu.segment') },
    { header: i18n.t('summary.customers'), kind: 'number' },
    { header: i18n.t('cu.revenue'), kind: 'number', digits: 2 },
  ];
  return { fileName: `${i18n.t('file.rfmMap')}.csv`, text: localeCsv(i18n.locale, columns, rows) };
}

/** The segment table with the action of each segment (the user's own text where entered). */
export function rfmSegmentsCsv(rfm: Pick<RfmSummary, 'segments'>, actionOf: (s: Segment) => string): CsvFile {
  const columns: CsvColumn[] = [
    { header: i18n.t('cu.segment') },
    { header: i18n.t('summary.customers'), kind: 'number' },
    { header: i18n.t('cu.customerShare'), kind: 'percent' },
    { header: i18n.t('cu.revenue'), kind: 'number', digits: 2 },
    { header: i18n.t('cu.revenueShare'), kind: 'percent' },
    { header: i18n.t('cu.meanRecency'), kind: 'number', digits: 1 },
    { header: i18n.t('cu.meanOrders'), kind: 'number', digits: 2 },
    { header: i18n.t('cu.meanRevenue'), kind: 'number', digits: 2 },
    { header: i18n.t('cu.action') },
  ];
  const rows = rfm.segments.map((s) => [
    i18n.t(SEGMENT_LABEL[s.segment]),
    s.customers,
    s.customerShare,
    s.revenue,
    s.revenueShare,
    s.customers ? s.meanRecencyDays : null,
    s.customers ? s.meanOrders : null,
    s.customers ? s.meanRevenue : null,
    actionOf(s.segment),
  ]);
  return { fileName: `${i18n.t('file.rfmSegments')}.csv`, text: localeCsv(i18n.locale, columns, rows) };
}
