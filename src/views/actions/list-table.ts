/**
 * The columns of an action list: what each shows on screen and on paper, and how it sorts (file-table.ts writes the
 * same columns to CSV and to the clipboard, so that they always agree).
 */
import { i18n, type MessageKey } from '../../i18n/i18n.svelte';
import { SEGMENT_LABEL } from '../../i18n/messages/customers';
import type {
  ActionListKind,
  ActionListQuery,
  ActionListSummary,
  ActionRow,
  ActionSort,
} from '../../shared/actions';
import { DEFAULT_CONTACT_MONTHS, DEFAULT_INACTIVE_MONTHS, reasonsText, VALUE_LABEL } from './words';

export type CellKind = 'text' | 'money' | 'int' | 'pct' | 'date' | 'num1';

export interface ListColumn {
  id: string;
  label: MessageKey;
  /** The header in a file (CSV, clipboard) when it says more than the screen's (the value's basis). */
  fileLabel?: MessageKey;
  kind: CellKind;
  /** The worker's sort key, or null for a column that does not sort. */
  sort: ActionSort | null;
  /** The grid track and its minimum width in rem (the table scrolls sideways below the sum). */
  width: string;
  min: number;
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
  /** The list's summary: the value's basis, the contact criterion, the as-of date for the reasons. */
  summary?: ActionListSummary | null;
}

/** The header of the value column in a file: what the number is. */
function valueFileLabel(s: ActionListSummary): MessageKey | undefined {
  switch (s.list) {
    case 'reactivation':
      return s.valueBasis === 'margin'
        ? 'ac.file.value.margin'
        : s.valueBasis === 'revenue'
          ? 'ac.file.value.revenue'
          : undefined;
    case 'due':
      return s.withSpend ? 'ac.file.value.dueSpend' : 'ac.file.value.duePAlive';
    case 'whitespace':
      return s.hasAmount === false ? undefined : 'ac.file.value.whitespace';
    case 'upsell':
      return 'ac.file.value.upsell';
  }
}

/** The columns of a list. */
export function listColumns(c: ColumnContext): ListColumn[] {
  const cols: ListColumn[] = [
    {
      id: 'id',
      label: 'ac.col.id',
      kind: 'text',
      sort: 'id',
      width: 'minmax(5.5rem, 1fr)',
      min: 5.5,
      get: (r) => r.id,
    },
  ];
  if (c.names)
    cols.push({
      id: 'name',
      label: 'ac.col.name',
      kind: 'text',
      sort: null,
      width: 'minmax(6rem, 1.4fr)',
      min: 6,
      get: (r) => r.name,
    });
  cols.push(
    {
      id: 'segment',
      label: 'ac.col.segment',
      kind: 'text',
      sort: null,
      width: 'minmax(6.5rem, 1.1fr)',
      min: 6.5,
      get: (r) => i18n.t(SEGMENT_LABEL[r.segment]),
    },
    {
      id: 'lastOrder',
      label: 'ac.col.lastOrder',
      kind: 'date',
      sort: 'lastOrder',
      width: 'minmax(5.5rem, 0.9fr)',
      min: 5.5,
      get: (r) => r.lastOrder,
    },
    {
      id: 'days',
      label: 'ac.col.days',
      kind: 'int',
      sort: null,
      width: 'minmax(3.6rem, 0.6fr)',
      min: 3.6,
      get: (r) => r.daysSinceLast,
    },
    {
      id: 'orders',
      label: 'ac.col.orders',
      kind: 'int',
      sort: 'orders',
      width: 'minmax(4.2rem, 0.6fr)',
      min: 4.2,
      get: (r) => r.orders,
    },
  );
  // Without an amount column every revenue is 0: no revenue column.
  if (c.summary?.hasAmount !== false)
    cols.push({
      id: 'revenue',
      label: 'ac.col.revenue',
      kind: 'money',
      sort: 'revenue',
      width: 'minmax(6rem, 1fr)',
      min: 6,
      get: (r) => r.revenue,
    });
  if (c.forecast)
    cols.push({
      id: 'pAlive',
      label: 'ac.col.pAlive',
      kind: 'pct',
      sort: 'pAlive',
      width: 'minmax(3.6rem, 0.6fr)',
      min: 3.6,
      get: (r) => r.pAlive,
    });
  const s = c.summary ?? null;
  const noAmount = s?.hasAmount === false;
  // Reactivation without amounts has no value at stake (ranked by days since the last purchase): no value column.
  if (!(noAmount && c.list === 'reactivation'))
    cols.push({
      id: 'value',
      label: noAmount && c.list === 'whitespace' ? 'ac.col.value.whitespaceBuyers' : VALUE_LABEL[c.list],
      fileLabel: s ? valueFileLabel(s) : undefined,
      kind: noAmount && c.list === 'whitespace' ? 'pct' : 'money',
      sort: 'value',
      width: 'minmax(6rem, 1fr)',
      min: 6,
      get: (r) => r.value,
    });
  if (c.list === 'due')
    cols.push(
      {
        id: 'expectedNext',
        label: 'ac.col.expectedNext',
        kind: 'date',
        sort: 'expectedNext',
        width: 'minmax(5.5rem, 0.9fr)',
        min: 5.5,
        get: (r) => r.expectedNext,
      },
      {
        id: 'rhythm',
        label: 'ac.col.rhythm',
        kind: 'num1',
        sort: null,
        width: 'minmax(4.5rem, 0.7fr)',
        min: 4.5,
        get: (r) => r.rhythmDays,
      },
    );
  if (c.list === 'upsell')
    cols.push(
      {
        id: 'aov',
        label: 'ac.col.aov',
        kind: 'money',
        sort: null,
        width: 'minmax(5.5rem, 0.9fr)',
        min: 5.5,
        get: (r) => r.aov,
      },
      {
        id: 'medianAov',
        label: 'ac.col.medianAov',
        kind: 'money',
        sort: null,
        width: 'minmax(5.5rem, 0.9fr)',
        min: 5.5,
        get: (r) => r.segmentMedianAov,
      },
    );
  cols.push({
    id: 'usual',
    label: 'ac.col.usual',
    kind: 'text',
    sort: null,
    width: 'minmax(6.5rem, 1.6fr)',
    min: 6.5,
    get: (r) => r.usualProducts.join(', '),
  });
  if (c.list === 'reactivation') {
    if (s?.contactCriterion)
      cols.push({
        id: 'lastContact',
        label: 'ac.col.lastContact',
        kind: 'date',
        sort: null,
        width: 'minmax(5.5rem, 0.9fr)',
        min: 5.5,
        get: (r) => r.lastContact,
      });
    const asOf = s?.asOf ?? '9999-12-31';
    cols.push({
      id: 'reasons',
      label: 'ac.col.reasons',
      kind: 'text',
      sort: null,
      width: 'minmax(6.5rem, 1.6fr)',
      min: 6.5,
      get: (r) => reasonsText(r, asOf),
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
