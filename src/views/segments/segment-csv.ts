/**
 * The Segments view's KPI table as CSV in the UI language's conventions (src/shared/csv.ts): one row per value of
 * the attribute, its customers and each KPI (rates as percent, amounts with 2 decimals); the attribute's values are
 * the user's data and formula-safe, written as the view shows them (`valueText`: the customers without a master row
 * in words, not the stored marker).
 */
import { i18n } from '../../i18n/i18n.svelte';
import { KPI_TEXT, type ShownKpi } from '../../i18n/messages/overview';
import { fileSlug, localeCsv, type CsvColumn } from '../../shared/csv';
import type { SegmentsResult } from '../../worker/handlers/segments';

export type KpiFormat = 'money' | 'pct' | 'num';

export function segmentKpiCsv(
  result: Pick<SegmentsResult, 'attribute' | 'rows'>,
  attributeLabel: string,
  kpis: readonly { id: ShownKpi; format: KpiFormat }[],
  valueText: (value: string) => string = (v) => v,
): { fileName: string; text: string } {
  const columns: CsvColumn[] = [
    { header: attributeLabel },
    { header: i18n.t('summary.customers'), kind: 'number' },
    ...kpis.map((c): CsvColumn => ({
      header: i18n.t(KPI_TEXT[c.id].label),
      kind: c.format === 'pct' ? 'percent' : 'number',
      digits: c.format === 'pct' ? 1 : 2,
    })),
  ];
  const rows = result.rows.map((r) => [
    valueText(r.value),
    r.customers,
    ...kpis.map((c) => r.kpis[c.id].value),
  ]);
  return {
    fileName: `${i18n.t('file.segments', { attribute: fileSlug(attributeLabel) })}.csv`,
    text: localeCsv(i18n.locale, columns, rows),
  };
}
