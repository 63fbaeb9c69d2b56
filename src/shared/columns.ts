/**
 * The stored shape of a dataset's columns, shared by the import that writes them, the storage that keeps them and
 * the analytics that read them.
 */

/**
 * The values of one column in one chunk. The logical types are Int32 (codes, days), Float64 (amounts) and Uint8
 * (flags); storage narrows each chunk to the smallest type that holds it exactly (Uint8/Uint16 codes and days,
 * Int32 whole quantities), which cuts the bytes written by about 40 %. Readers widen with `new Int32Array(values)`.
 */
export type ColumnValues = Int32Array | Uint16Array | Uint8Array | Float64Array;

/** Bits of an order line's `flags` column. */
export const FLAG_RETURN = 1;
export const FLAG_DUPLICATE = 2;

/** A blank optional date in a day column (order lines always have a date; other sources may not). */
export const NO_DAY = -0x80000000;
