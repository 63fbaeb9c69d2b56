/** CSV writing. Every text cell that a spreadsheet would read as a formula is neutralised with a leading `'`. */

export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not formulas: -12.5 stays a number for the spreadsheet.
  return quoted(typeof value === 'number' ? String(value) : neutralizeFormula(value), delimiter);
}

/** Quotes a cell that holds the delimiter, a quote or a line break. */
function quoted(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')
    ? `"${s.replace(/"/g, '""')}"`
    : s;
}

export function toCsv(header: string[], rows: (string | number | null)[][], delimiter = ','): string {
  const lines = [header.map((h) => csvCell(h, delimiter)).join(delimiter)];
  for (const r of rows) lines.push(r.map((c) => csvCell(c, delimiter)).join(delimiter));
  return lines.join('\r\n') + '\r\n';
}

/**
 * The CSV conventions of the UI language, for every analysis export. German (for a German Excel): `;` between
 * cells, a decimal comma, no thousands separator; English: `,` and a decimal point. Percentages are written as
 * numbers of percent (35,2 rather than 0.352) under a header that says so ("Anteil (%)"). Text cells are
 * formula-safe (`neutralizeFormula`); numbers are data and are never prefixed.
 */
export type CsvLocale = 'de' | 'en';

/** How a column's values are written: text as is, numbers in the locale, fractions as percent. */
export type CsvKind = 'text' | 'number' | 'percent';

export interface CsvColumn {
  header: string;
  kind?: CsvKind;
  /** Fraction digits at most (numbers: 2 by default, percent: 1); trailing zeros are dropped. */
  digits?: number;
}

export type CsvValue = string | number | null | undefined;

export const csvDelimiter = (locale: CsvLocale): string => (locale === 'de' ? ';' : ',');

/** A number as a spreadsheet of the locale reads it: rounded to `digits`, no grouping, `,` in German. */
export function csvNumber(value: number, locale: CsvLocale, digits = 2): string {
  if (!Number.isFinite(value)) return '';
  const f = 10 ** digits;
  let r = Math.round(value * f) / f;
  if (Object.is(r, -0)) r = 0;
  // Fixed notation without trailing zeros (never an exponent for the magnitudes of this app).
  const fixed = r.toFixed(digits);
  const s = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return locale === 'de' ? s.replace('.', ',') : s;
}

/** The header of a column: a percent column says "(%)" once. */
export function csvHeader(c: CsvColumn): string {
  return c.kind === 'percent' && !/\(%\)\s*$/.test(c.header) ? `${c.header} (%)` : c.header;
}

/** A table as CSV in the locale's conventions; a plain string column is text. */
export function localeCsv(
  locale: CsvLocale,
  columns: readonly (CsvColumn | string)[],
  rows: readonly (readonly CsvValue[])[],
): string {
  const d = csvDelimiter(locale);
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const cell = (v: CsvValue, c: CsvColumn | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const kind = c?.kind ?? 'number';
      // A number is data, not a formula: `-12,5` keeps its sign (quoted in English when it holds a comma).
      if (kind === 'percent') return quoted(csvNumber(v * 100, locale, c?.digits ?? 1), d);
      return quoted(csvNumber(v, locale, Number.isInteger(v) ? 0 : (c?.digits ?? 2)), d);
    }
    return csvCell(v, d);
  };
  const lines = [cols.map((c) => csvCell(csvHeader(c), d)).join(d)];
  for (const r of rows) lines.push(r.map((v, i) => cell(v, cols[i])).join(d));
  return lines.join('\r\n') + '\r\n';
}

/** A piece of a file name from a label: lower case, letters and digits joined by `-` ("Aktiver Anteil" → "aktiver-anteil"). */
export function fileSlug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'export'
  );
}
