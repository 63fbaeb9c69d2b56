/**
 * The customer id: the column that joins order lines and customer master data (METRICS "Economics"). Both sources
 * declare it from here, so a header read as the customer id in one file is read so in the other.
 */
import type { SourceFieldDef } from './types';

/** Header names that only ever mean the customer id (normalized; earlier entries win). */
const ID_NAMES = [
  'kundennummer',
  'kundennr',
  'kundenid',
  'kdnr',
  'debitor',
  'debitorennummer',
  'debitorennr',
  'customerid',
  'customerno',
  'customernumber',
];

/** Distinctive parts of customer id headers with extra words ("Kundennummer alt"). */
const ID_PARTS = ['kundennummer', 'kundennr', 'debitor', 'customerid', 'customerno'];

/**
 * The customer id field of a source: required, and in a file without a header row the first column with repeating
 * values. `more` are the source's own further names after the shared ones (e.g. "kunde" means the id in order lines
 * but the company name in master data), `moreParts` its further header parts.
 */
export function customerIdField(more: readonly string[], moreParts: readonly string[] = []) {
  return {
    role: 'customer',
    kind: 'id',
    required: true,
    synonyms: [...ID_NAMES, ...more],
    partial: [...ID_PARTS, ...moreParts],
    guess: 'repeating',
  } as const satisfies SourceFieldDef;
}
