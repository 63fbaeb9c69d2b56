/** The KPIs the report shows, with their formats: the Overview's tiles and the Segments view's columns. */
import type { ShownKpi } from '../../i18n/messages/overview';
import type { ReportTr } from './report-texts';

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

export const SEGMENT_KPIS: readonly { id: ShownKpi; format: KpiFormat }[] = [
  { id: 'clvHistoric', format: 'money' },
  { id: 'aov', format: 'money' },
  { id: 'purchaseFrequency', format: 'ratio' },
  { id: 'repeatRate', format: 'pct' },
  { id: 'churnRate', format: 'pct' },
  { id: 'nrr', format: 'pct' },
];

export function showKpi(tr: ReportTr, value: number | null, format: KpiFormat, currency: string): string {
  if (value === null) return '–';
  switch (format) {
    case 'money':
      return tr.money(value, currency);
    case 'pct':
      return tr.pct(value);
    case 'perYear':
      return tr.t('kpi.perYear', { n: tr.num(value, 2) });
    case 'years':
      return tr.t('kpi.years', { n: tr.num(value, 1) });
    default:
      return tr.num(value, 2);
  }
}
