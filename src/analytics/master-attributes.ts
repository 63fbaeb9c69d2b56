/**
 * The attributes of the customer master data as line attributes (METRICS "Economics": master data joins the orders by
 * customer id; its attributes become filters and segment dimensions everywhere, like order-line attributes). Each
 * master attribute column becomes a line code column `master:<key>`: every line carries its customer's master value,
 * and the lines of a customer without a master row carry NOT_IN_MASTER. Pure: the master rows come as RecordColumns,
 * the join as `rowOf` from joinMaster.
 */
import type { RecordColumns } from '../shared/economics';
import { isMasterAttributeSource, masterAttributeKey, NOT_IN_MASTER } from '../shared/attributes';

/** A master attribute column as the lines carry it. */
export interface MasterAttribute {
  /** `master:<key of the master column>`. */
  key: string;
  /** The master file's header label of the column. */
  label: string;
  /** The values that the customers of the orders carry, in master order; NOT_IN_MASTER last when any lacks a row. */
  dict: string[];
  /** The code into `dict` of each customer code of the orders. */
  ofCustomer: Int32Array;
}

/**
 * The attribute columns of the master data, with each customer's value: industry, region, company size, acquisition
 * channel and the `attr:*` columns (never the id, the name, dates or numbers). `rowOf[c]` is the master row of the
 * orders' customer code c, or -1. The dictionary holds only values that some customer of the orders carries.
 */
export function masterAttributes(master: RecordColumns, rowOf: Int32Array): MasterAttribute[] {
  const out: MasterAttribute[] = [];
  for (const source of Object.keys(master.codes)) {
    if (!isMasterAttributeSource(source)) continue;
    const codes = master.codes[source];
    const values = master.dicts[source] ?? [];
    // Compact codes: the master values in master-dictionary order that some customer of the orders carries.
    const used = new Uint8Array(values.length);
    let missing = false;
    for (let c = 0; c < rowOf.length; c++) {
      const r = rowOf[c];
      if (r >= 0) used[codes[r]] = 1;
      else missing = true;
    }
    const remap = new Int32Array(values.length).fill(-1);
    const dict: string[] = [];
    for (let v = 0; v < values.length; v++) {
      if (!used[v]) continue;
      remap[v] = dict.length;
      dict.push(values[v]);
    }
    const notInMaster = missing ? dict.push(NOT_IN_MASTER) - 1 : -1;
    const ofCustomer = new Int32Array(rowOf.length);
    for (let c = 0; c < rowOf.length; c++) {
      const r = rowOf[c];
      ofCustomer[c] = r >= 0 ? remap[codes[r]] : notInMaster;
    }
    out.push({ key: masterAttributeKey(source), label: master.labels[source] ?? source, dict, ofCustomer });
  }
  return out;
}

/** Broadcasts a per-customer code to the lines: the code of each line's customer. */
export function lineCodes(lineCustomer: Int32Array, ofCustomer: Int32Array): Int32Array {
  const out = new Int32Array(lineCustomer.length);
  for (let i = 0; i < lineCustomer.length; i++) out[i] = ofCustomer[lineCustomer[i]];
  return out;
}
