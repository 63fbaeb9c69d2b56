// Small hand-made inputs for the economics tests: lines from rows, their customer table, record columns.
import { FLAG_RETURN, type Lines } from '../../../src/analytics/lines';
import { customerAggregates, type CustomerTable } from '../../../src/analytics/customers';
import type { RecordColumns } from '../../../src/shared/economics';
import { daysFromCivil } from '../../../src/shared/days';

export const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
};

export interface Row {
  c: string;
  d: number;
  a: number;
  /** Order id (all rows need one when any has). */
  o?: string;
  ch?: string;
  cat?: string;
  /** Line margin (a margin column when any row has one; NaN = blank). */
  m?: number;
}

function dictOf(values: string[]): { dict: string[]; codes: Int32Array } {
  const dict: string[] = [];
  const at = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    let i = at.get(v);
    if (i === undefined) {
      i = dict.length;
      at.set(v, i);
      dict.push(v);
    }
    return i;
  });
  return { dict, codes };
}

export function makeLines(rows: Row[], customers?: string[]): Lines {
  const cust = dictOf([...(customers ?? []), ...rows.map((r) => r.c)]);
  const skip = customers?.length ?? 0;
  const codes: Record<string, Int32Array> = {};
  const dicts: Record<string, string[]> = { customer: cust.dict };
  let order: Int32Array | null = null;
  if (rows.some((r) => r.o !== undefined)) {
    const o = dictOf(rows.map((r) => r.o ?? ''));
    order = o.codes;
    dicts.order = o.dict;
  }
  for (const key of ['ch', 'cat'] as const) {
    if (!rows.some((r) => r[key] !== undefined)) continue;
    const col = dictOf(rows.map((r) => r[key] ?? ''));
    const name = key === 'ch' ? 'channel' : 'category';
    codes[name] = col.codes;
    dicts[name] = col.dict;
  }
  return {
    n: rows.length,
    customer: cust.codes.subarray(skip),
    day: Int32Array.from(rows, (r) => r.d),
    amount: Float64Array.from(rows, (r) => r.a),
    margin: rows.some((r) => r.m !== undefined) ? Float64Array.from(rows, (r) => r.m ?? NaN) : null,
    flags: Uint8Array.from(rows, (r) => (r.a < 0 ? FLAG_RETURN : 0)),
    order,
    codes,
    dicts,
  };
}

export function tableOf(lines: Lines, asOf: number): CustomerTable {
  return customerAggregates(lines, { asOf });
}

/** Record columns from plain columns: strings become codes, numbers numbers, `days` day numbers. */
export function records(cols: {
  codes?: Record<string, string[]>;
  numbers?: Record<string, number[]>;
  days?: Record<string, number[]>;
}): RecordColumns {
  const out: RecordColumns = { n: 0, codes: {}, dicts: {}, days: {}, numbers: {}, labels: {} };
  for (const [k, v] of Object.entries(cols.codes ?? {})) {
    const d = dictOf(v);
    out.codes[k] = d.codes;
    out.dicts[k] = d.dict;
    out.n = v.length;
  }
  for (const [k, v] of Object.entries(cols.numbers ?? {})) {
    out.numbers[k] = Float64Array.from(v);
    out.n = v.length;
  }
  for (const [k, v] of Object.entries(cols.days ?? {})) {
    out.days[k] = Int32Array.from(v);
    out.n = v.length;
  }
  return out;
}

export const code = (lines: Lines, id: string) => lines.dicts.customer.indexOf(id);
