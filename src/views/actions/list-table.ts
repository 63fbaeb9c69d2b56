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

/** A column whose grid track is at least `min` rem wide and takes `fr` parts of the room left. */
function column(
  id: string,
  label: MessageKey,
  kind: CellKind,
  sort: ActionSort | null,
  min: number,
  fr: number,
  get: ListColumn['get'],
): ListColumn {
  return { id, label, kind, sort, width: `minmax(${min}rem, ${fr}fr)`, min, get };
}

/** The columns of a list. */
export function listColumns(c: ColumnContext): ListColumn[] {
  const cols: ListColumn[] = [column('id', 'ac.col.id', 'text', 'id', 5.5, 1, (r) => r.id)];
  if (c.names) cols.push(column('name', 'ac.col.name', 'text', null, 6, 1.4, (r) => r.name));
  cols.push(
    column('segment', 'ac.col.segment', 'text', null, 6.5, 1.1, (r) => i18n.t(SEGMENT_LABEL[r.segment])),
    column('lastOrder', 'ac.col.lastOrder', 'date', 'lastOrder', 5.5, 0.9, (r) => r.lastOrder),
    column('days', 'ac.col.days', 'int', null, 3.6, 0.6, (r) => r.daysSinceLast),
    column('orders', 'ac.col.orders', 'int', 'orders', 4.2, 0.6, (r) => r.orders),
  );
  // Without an amount column every revenue is 0: no revenue column.
  if (c.summary?.hasAmount !== false)
    cols.push(column('revenue', 'ac.col.revenue', 'money', 'revenue', 6, 1, (r) => r.revenue));
  if (c.forecast) cols.push(column('pAlive', 'ac.col.pAlive', 'pct', 'pAlive', 3.6, 0.6, (r) => r.pAlive));
  const s = c.summary ?? null;
  const noAmount = s?.hasAmount === false;
  // Reactivation without amounts has no value at stake (ranked by days since the last purchase): no value column.
  if (!(noAmount && c.list === 'reactivation')) {
    const buyers = noAmount && c.list === 'whitespace';
    const label = buyers ? 'ac.col.value.whitespaceBuyers' : VALUE_LABEL[c.list];
    const fileLabel = s ? valueFileLabel(s) : undefined;
    cols.push({
      ...column('value', label, buyers ? 'pct' : 'money', 'value', 6, 1, (r) => r.value),
      fileLabel,
    });
  }
  if (c.list === 'due')
    cols.push(
      column('expectedNext', 'ac.col.expectedNext', 'date', 'expectedNext', 5.5, 0.9, (r) => r.expectedNext),
      column('rhythm', 'ac.col.rhythm', 'num1', null, 4.5, 0.7, (r) => r.rhythmDays),
    );
  if (c.list === 'upsell')
    cols.push(
      column('aov', 'ac.col.aov', 'money', null, 5.5, 0.9, (r) => r.aov),
      column('medianAov', 'ac.col.medianAov', 'money', null, 5.5, 0.9, (r) => r.segmentMedianAov),
    );
  cols.push(column('usual', 'ac.col.usual', 'text', null, 6.5, 1.6, (r) => r.usualProducts.join(', ')));
  if (c.list === 'reactivation') {
    if (s?.contactCriterion)
      cols.push(column('lastContact', 'ac.col.lastContact', 'date', null, 5.5, 0.9, (r) => r.lastContact));
    const asOf = s?.asOf ?? '9999-12-31';
    cols.push(column('reasons', 'ac.col.reasons', 'text', null, 6.5, 1.6, (r) => reasonsText(r, asOf)));
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
