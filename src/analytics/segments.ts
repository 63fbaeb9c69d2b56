/**
 * Segment comparison: the KPI table for each value of a mapped attribute (channel, category, region, attr:…).
 * A segment is the set of lines carrying the value, so a customer who buys through two channels counts in both.
 */
import { isAttributeKey } from '../shared/attributes';
import { computeKpis, type KpiOptions, type KpiResult } from './kpis';
import type { Lines } from './lines';

export interface SegmentRow {
  value: string;
  lines: number;
  result: KpiResult;
}

export interface SegmentComparison {
  attribute: string;
  rows: SegmentRow[];
}

/** The code columns that can serve as a segment attribute. */
export function segmentAttributes(lines: Lines): string[] {
  return Object.keys(lines.codes).filter(isAttributeKey);
}

export function compareSegments(lines: Lines, attribute: string, opts: KpiOptions): SegmentComparison {
  const col = lines.codes[attribute];
  const values = lines.dicts[attribute] ?? [];
  if (!col) return { attribute, rows: [] };
  const rows: SegmentRow[] = [];
  for (let v = 0; v < values.length; v++) {
    const include = new Uint8Array(lines.n);
    let count = 0;
    for (let i = 0; i < lines.n; i++) {
      if (col[i] === v && (!opts.include || opts.include[i])) {
        include[i] = 1;
        count++;
      }
    }
    if (count === 0) continue;
    rows.push({ value: values[v], lines: count, result: computeKpis(lines, { ...opts, include }) });
  }
  return { attribute, rows: rows.sort((a, b) => b.result.customers - a.result.customers) };
}
