/** CSV export helpers. Every cell that a spreadsheet would read as a formula is neutralised with a leading `'`. */
import type { RejectReason, RejectedRow } from '../shared/types';

export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not formulas: -12.5 stays a number for the spreadsheet.
  const s = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')
    ? `"${s.replace(/"/g, '""')}"`
    : s;
}

export function toCsv(header: string[], rows: (string | number | null)[][], delimiter = ','): string {
  const lines = [header.map((h) => csvCell(h, delimiter)).join(delimiter)];
  for (const r of rows) lines.push(r.map((c) => csvCell(c, delimiter)).join(delimiter));
  return lines.join('\r\n') + '\r\n';
}

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
