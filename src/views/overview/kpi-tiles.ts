/**
 * The Overview's KPI tiles and how each value is written; the client report shows the same list (its own
 * language through any formatter with the i18n shape).
 */
import type { ShownKpi } from '../../i18n/messages/overview';
import type { MessageKey } from '../../i18n/i18n.svelte';

export type KpiFormat = 'money' | 'pct' | 'perYear' | 'years' | 'ratio';

export const OVERVIEW_KPIS: readonly { id: ShownKpi; format: KpiFormat }[] = [
  { id: 'clvHistoric', format: 'money' },
  { id: 'aov', format: 'money' },
  { id: 'purchaseFrequency', format: 'perYear' },
  { id: 'repeatRate', format: 'pct' },
  { id: 'churnRate', format: 'pct' },
  { id: 'retentionRate', format: 'pct' },
  { id: 'lifespanYears', format: 'years' },
  { id: 'clvSimple', format: 'money' },
  { id: 'nrr', format: 'pct' },
  { id: 'grr', format: 'pct' },
  { id: 'top20Share', format: 'pct' },
  { id: 'gini', format: 'ratio' },
];

/** What writing a KPI needs: the app's i18n or the report's translator. */
export interface KpiWriter {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  num: (n: number | null | undefined, digits?: number) => string;
  money: (n: number | null | undefined, currency?: string) => string;
  pct: (n: number | null | undefined, digits?: number) => string;
}

export function showKpi(w: KpiWriter, value: number | null, format: KpiFormat, currency: string): string {
  if (value === null) return '–';
  switch (format) {
    case 'money':
      return w.money(value, currency);
    case 'pct':
      return w.pct(value);
    case 'perYear':
      return w.t('kpi.perYear', { n: w.num(value, 2) });
    case 'years':
      return w.t('kpi.years', { n: w.num(value, 1) });
    default:
      return w.num(value, 2);
  }
}
