/** CSV writing. Every text cell that a spreadsheet would read as a formula is neutralised with a leading `'`. */

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
