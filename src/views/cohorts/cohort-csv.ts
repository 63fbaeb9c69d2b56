/**
 * The cohort heatmap as CSV in the UI language's conventions (src/shared/csv.ts: `;` and decimal comma in German,
 * shares as percent): one row per cohort, its size, a value per period (empty after D), the first incomplete period.
 * `cohortText` writes a cohort's key as the view shows it (an attribute group's value in words, e.g. the customers
 * without a master row); without it the key itself (the first-purchase month, `2024-01`). `cohortHeader` names the
 * first column (the attribute grouped by; "Cohort" without one).
 */
import { i18n } from '../../i18n/i18n.svelte';
import { fileSlug, localeCsv, type CsvColumn } from '../../shared/csv';
import type { CohortResult } from '../../analytics/cohorts';

/** Shares (fractions) are written as percent; the money matrices as amounts with 2 decimals. */
export function heatmapCsv(
  r: Pick<CohortResult, 'cohorts' | 'periods' | 'incomplete'>,
  matrix: readonly (readonly (number | null)[])[],
  metricLabel: string,
  share: boolean,
  cohortText: (key: string) => string = (k) => k,
  cohortHeader: string = i18n.t('co.cohort'),
): { fileName: string; text: string } {
  const value: Omit<CsvColumn, 'header'> = share
    ? { kind: 'percent', digits: 1 }
    : { kind: 'number', digits: 2 };
  const columns: CsvColumn[] = [
    { header: cohortHeader },
    { header: i18n.t('co.size'), kind: 'number' },
    ...Array.from({ length: r.periods }, (_, k) => ({ header: String(k), ...value })),
    { header: i18n.t('co.firstIncomplete'), kind: 'number' },
  ];
  const rows = r.cohorts.map((c, i) => {
    const firstIncomplete = r.incomplete[i].indexOf(true);
    return [cohortText(c.key), c.size, ...matrix[i], firstIncomplete < 0 ? null : firstIncomplete];
  });
  return {
    fileName: `${i18n.t('file.heatmap', { metric: fileSlug(metricLabel) })}.csv`,
    text: localeCsv(i18n.locale, columns, rows),
  };
}
