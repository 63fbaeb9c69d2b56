/** The download of rejected rows; the CSV writing itself lives in shared/csv.ts. */
import { csvCell, neutralizeFormula, toCsv } from '../shared/csv';
import type { RejectReason, RejectedRow } from '../shared/types';

export { csvCell, neutralizeFormula, toCsv };

/** How the rejected rows are written: the UI passes its language's labels and Excel's delimiter for it. */
export interface RejectsCsvFormat {
  delimiter: ',' | ';';
  header: [string, string, string];
  /** Text per reason code; codes are written as they are when missing. */
  reasons?: Partial<Record<RejectReason, string>>;
  /** When set, the file's own header row is written first under this reason, so the lines can be fixed and re-imported. */
  headerRowLabel?: string;
}

export const REJECTS_CSV_DEFAULT: RejectsCsvFormat = {
  delimiter: ',',
  header: ['line', 'reason', 'original_line'],
};

export function rejectsToCsv(
  rows: RejectedRow[],
  format: RejectsCsvFormat = REJECTS_CSV_DEFAULT,
  headerRow: { line: number; text: string } | null = null,
): string {
  const out: (string | number)[][] = [];
  if (format.headerRowLabel && headerRow) out.push([headerRow.line, format.headerRowLabel, headerRow.text]);
  for (const r of rows) out.push([r.line, format.reasons?.[r.reason] ?? r.reason, r.raw]);
  return toCsv(format.header, out, format.delimiter);
}
