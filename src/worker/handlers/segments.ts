/** Segments: the KPI table per value of an attribute. */
import type { KpiResult } from '../../analytics/kpis';
import { compareSegments } from '../../analytics/segments';
import { prepare, type AnalysisRequest } from '../scope';

export interface SegmentsRequest extends AnalysisRequest {
  attribute: string;
}

export interface SegmentsResult {
  attribute: string;
  rows: { value: string; lines: number; customers: number; kpis: KpiResult['kpis'] }[];
  computeMs: number;
}

export const segmentsHandler = {
  /** The KPI table per value of an attribute. */
  async segments(req: SegmentsRequest): Promise<SegmentsResult> {
    const t0 = performance.now();
    const { lines, opts, scope } = await prepare(req);
    const cmp = scope.cached(`segments|${req.attribute}`, () => compareSegments(lines, req.attribute, opts));
    return {
      attribute: cmp.attribute,
      rows: cmp.rows.map((r) => ({
        value: r.value,
        lines: r.lines,
        customers: r.result.customers,
        kpis: r.result.kpis,
      })),
      computeMs: performance.now() - t0,
    };
  },
};
