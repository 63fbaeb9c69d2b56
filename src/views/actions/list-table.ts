/**
 * The columns of an action list: what each shows on screen, how it sorts, and how it is written to CSV, to the
 * clipboard and to paper (one table model for all three, so that they always agree).
 */
import { i18n, type MessageKey } from '../../i18n/i18n.svelte';
import { SEGMENT_LABEL } from '../../i18n/messages/customers';
import { csvNumber, localeCsv, neutralizeFormula, type CsvColumn, type CsvValue } from '../../shared/csv';
import type { ActionListKind, ActionListQuery, ActionRow, ActionSort } from '../../shared/actions';
import { DEFAULT_CONTACT_MONTHS, DEFAULT_INACTIVE_MONTHS, reasonsText, VALUE_LABEL } from './words';

export type CellKind = 'text' | 'money' | 'int' | 'pct' | 'date' | 'num1';

export interface ListColumn {
  id: string;
  label: MessageKey;
  kind: CellKind;
  /** The worker's sort key, or null for a column that does not sort. */
  sort: ActionSort | null;
  width: string;
  /** The raw value of a row (numbers for numeric kinds, ISO dates, text). */
  get: (r: ActionRow) => string | number | null;
}

export interface ColumnContext {
  list: ActionListKind;
  /** Names from the master data exist (first row has one). */
  names: boolean;
  /** A forecast stands behind the list (P(alive) shown). */
  forecast: boolean;
  months: number;
  contactMonths: number;
}

/** The columns of a list. */
export function listColumns(c: ColumnContext): ListColumn[] {
  const cols: ListColumn[] = [
    { id: 'id', label: 'ac.col.id', kind: 'text', sort: 'id', width: '1.1fr', get: (r) => r.id },
  ];
  if (c.names)
    cols.push({
      id: 'name',
      label: 'ac.col.name',
      kind: 'text',
      sort: null,
      width: '1.3fr',
      get: (r) => r.name,
    });
  cols.push(
    {
      id: 'segment',
      label: 'ac.col.segment',
      kind: 'text',
      sort: null,
      width: '1.2fr',
      get: (r) => i18n.t(SEGMENT_LABEL[r.segment]),
    },
    {
      id: 'lastOrder',
      label: 'ac.col.lastOrder',
      kind: 'date',
      sort: 'lastOrder',
      width: '1fr',
      get: (r) => r.lastOrder,
    },
    {
      id: 'days',
      label: 'ac.col.days',
      kind: 'int',
      sort: null,
      width: '0.7fr',
      get: (r) => r.daysSinceLast,
    },
    {
      id: 'orders',
      label: 'ac.col.orders',
      kind: 'int',
      sort: 'orders',
      width: '0.7fr',
      get: (r) => r.orders,
    },
    {
      id: 'revenue',
      label: 'ac.col.revenue',
      kind: 'money',
      sort: 'revenue',
      width: '1fr',
      get: (r) => r.revenue,
    },
  );
  if (c.forecast)
    cols.push({
      id: 'pAlive',
      label: 'ac.col.pAlive',
      kind: 'pct',
      sort: 'pAlive',
      width: '0.7fr',
      get: (r) => r.pAlive,
    });
  cols.push({
    id: 'value',
    label: VALUE_LABEL[c.list],
    kind: 'money',
    sort: 'value',
    width: '1fr',
    get: (r) => r.value,
  });
  if (c.list === 'due')
    cols.push(
      {
        id: 'expectedNext',
        label: 'ac.col.expectedNext',
        kind: 'date',
        sort: 'expectedNext',
        width: '1fr',
        get: (r) => r.expectedNext,
      },
      {
        id: 'rhythm',
        label: 'ac.col.rhythm',
        kind: 'num1',
        sort: null,
        width: '0.8fr',
        get: (r) => r.rhythmDays,
      },
    );
  if (c.list === 'upsell')
    cols.push(
      { id: 'aov', label: 'ac.col.aov', kind: 'money', sort: null, width: '0.9fr', get: (r) => r.aov },
      {
        id: 'medianAov',
        label: 'ac.col.medianAov',
        kind: 'money',
        sort: null,
        width: '0.9fr',
        get: (r) => r.segmentMedianAov,
      },
    );
  cols.push({
    id: 'usual',
    label: 'ac.col.usual',
    kind: 'text',
    sort: null,
    width: '1.6fr',
    get: (r) => r.usualProducts.join(', '),
  });
  if (c.list === 'reactivation') {
    cols.push({
      id: 'reasons',
      label: 'ac.col.reasons',
      kind: 'text',
      sort: null,
      width: '1.6fr',
      get: (r) => reasonsText(r, c.months, c.contactMonths),
    });
  }
  return cols;
}

/** The criteria numbers of a query with their defaults. */
export const monthsOf = (q: ActionListQuery) => q.inactiveMonths ?? DEFAULT_INACTIVE_MONTHS;
export const contactMonthsOf = (q: ActionListQuery) => q.contactMonths ?? DEFAULT_CONTACT_MONTHS;

/** A cell as the screen (and the printed page) shows it. */
export function cellText(col: ListColumn, row: ActionRow, currency: string): string {
  const v = col.get(row);
  if (v === null || v === '') return '–';
  switch (col.kind) {
    case 'money':
      return i18n.money(v as number, currency);
    case 'int':
      return i18n.num(v as number);
    case 'num1':
      return i18n.num(v as number, 1);
    case 'pct':
      return i18n.pct(v as number, 0);
    case 'date':
      return i18n.date(v as string);
    default:
      return String(v);
  }
}

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
    columns: cols.map((c) => ({ ...csvKind(c.kind), header: i18n.t(c.label) })),
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
