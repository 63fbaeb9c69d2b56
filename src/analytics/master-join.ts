/**
 * The join of customer master data to the orders by customer id (METRICS "Economics": master data joins the orders
 * by customer id; ids on one side only are counted and shown). Pure: the master rows come as RecordColumns.
 */
import type { RecordColumns } from '../shared/economics';

export interface MasterJoin {
  /** Master row of each customer code of the orders (index = code in the orders' customer dictionary), or -1. */
  rowOf: Int32Array;
  /** Customer codes of the orders with a master row. */
  matched: number;
  /** Distinct master ids without a customer code in the orders (not even returns). */
  onlyInMaster: number;
  /** Master rows whose id appeared in an earlier row (the last row of an id wins). */
  duplicateIds: number;
  /** Up to 20 master ids without orders, in master order. */
  sampleOnlyInMaster: string[];
}

const SAMPLE = 20;

/**
 * Joins master rows to the customer codes of the orders. `customerDict` is the orders' customer dictionary (ids
 * already normalized by the import, as the master's ids are). Blank master ids never match.
 */
export function joinMaster(customerDict: readonly string[], master: RecordColumns): MasterJoin {
  const codeOfId = new Map<string, number>();
  for (let c = 0; c < customerDict.length; c++) codeOfId.set(customerDict[c], c);
  const rowOf = new Int32Array(customerDict.length).fill(-1);
  const ids = master.codes.customer;
  const dict = master.dicts.customer ?? [];
  let duplicateIds = 0;
  const seen = new Uint8Array(dict.length);
  const unmatched: number[] = [];
  for (let r = 0; r < master.n; r++) {
    const idCode = ids[r];
    const id = dict[idCode];
    if (id === undefined || id === '') continue;
    if (seen[idCode]) duplicateIds++;
    else seen[idCode] = 1;
    const c = codeOfId.get(id);
    if (c === undefined) {
      if (seen[idCode] === 1) unmatched.push(idCode);
      seen[idCode] = 2;
      continue;
    }
    rowOf[c] = r;
  }
  let matched = 0;
  for (let c = 0; c < rowOf.length; c++) if (rowOf[c] >= 0) matched++;
  return {
    rowOf,
    matched,
    onlyInMaster: unmatched.length,
    duplicateIds,
    sampleOnlyInMaster: unmatched.slice(0, SAMPLE).map((code) => dict[code]),
  };
}
