/** The KPIs the report shows, with their formats: the Overview's tiles (kpi-tiles.ts) and the Segments view's columns. */
import type { ShownKpi } from '../../i18n/messages/overview';
import type { KpiFormat } from '../overview/kpi-tiles';

export { OVERVIEW_KPIS, showKpi, type KpiFormat } from '../overview/kpi-tiles';

export const SEGMENT_KPIS: readonly { id: ShownKpi; format: KpiFormat }[] = [
  { id: 'clvHistoric', format: 'money' },
  { id: 'aov', format: 'money' },
  { id: 'purchaseFrequency', format: 'ratio' },
  { id: 'repeatRate', format: 'pct' },
  { id: 'churnRate', format: 'pct' },
  { id: 'nrr', format: 'pct' },
];
