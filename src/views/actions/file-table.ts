/**
 * Tables as files: CSV in the UI language's conventions (src/shared/csv.ts) and tab-separated text for the
 * clipboard, from one model (columns with kinds, rows of plain values).
 */
import { i18n } from '../../i18n/i18n.svelte';
import { csvNumber, localeCsv, neutralizeFormula, type CsvColumn, type CsvValue } from '../../shared/csv';
import type { ActionRow } from '../../shared/actions';
import type { CellKind, ListColumn } from './list-table';

/** An ISO date as a spreadsheet of the UI language reads it (31.12.2024 in German, 2024-12-31 in English). */
export function fileDate(iso: string): string {
  if (i18n.locale !== 'de') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const csvKind = (k: CellKind): CsvColumn => ({
  header: '',
  kind: k === 'pct' ? 'percent' : k === 'text' || k === 'date' ? 'text' : 'number',
  digits: k === 'pct' ? 1 : k === 'num1' ? 1 : 2,
});

/** A table ready for a file: columns with headers and kinds, rows of plain values. */
export interface FileTable {
  columns: CsvColumn[];
  rows: CsvValue[][];
}

export function listTable(cols: ListColumn[], rows: ActionRow[]): FileTable {
  return {
    columns: cols.map((c) => ({
      ...csvKind(c.kind),
      header: i18n.t(c.fileLabel ?? c.label).replaceAll('\u00ad', ''),
    })),
    rows: rows.map((r) =>
      cols.map((c) => {
        const v = c.get(r);
        return c.kind === 'date' && typeof v === 'string' ? fileDate(v) : v;
      }),
    ),
  };
}

export const tableCsv = (t: FileTable) => localeCsv(i18n.locale, t.columns, t.rows);

/**
 * A table as tab-separated text with a header, for pasting into a mail or CRM tool: numbers as the UI writes them
 * without grouping (decimal comma in German), percentages as percent, text formula-safe and on one line.
 */
export function tableTsv(t: FileTable): string {
  const text = (s: string) => neutralizeFormula(s.replace(/[\t\r\n]+/g, ' '));
  const head = t.columns.map((c) => text(c.kind === 'percent' ? `${c.header} (%)` : c.header));
  const lines = [head.join('\t')];
  for (const r of t.rows)
    lines.push(
      r
        .map((v, i) => {
          const c = t.columns[i];
          if (v === null || v === undefined) return '';
          if (typeof v === 'number') {
            const value = c?.kind === 'percent' ? v * 100 : v;
            return csvNumber(value, i18n.locale, Number.isInteger(value) ? 0 : (c?.digits ?? 2));
          }
          return text(v);
        })
        .join('\t'),
    );
  return lines.join('\r\n') + '\r\n';
}
