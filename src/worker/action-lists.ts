/**
 * The action lists of a scope, shared by the Actions handler (pages, exports, overview) and the campaigns (which
 * save a list's customers and fill their messages). Memoised in the scope per figures and criteria.
 * CONTRACT STUB: the signatures are fixed; the bodies are being written.
 */
import type { ActionListQuery, ActionListSummary, ActionRow } from '../shared/actions';
import type { YourFigures } from '../shared/figures';
import type { Prepared } from './scope';

/** A list in its scope: codes in list order (after segment, search and sort) and how to draw one row. */
export interface ActionList {
  summary: ActionListSummary;
  /** Customer codes of the list, in the order asked for. */
  codes: Int32Array;
  /** The row of one customer of the list. */
  row(code: number): ActionRow;
}

/** The list of `query` in the scope of `p`. */
export function actionListOf(p: Prepared, figures: YourFigures, query: ActionListQuery): ActionList {
  void [p, figures, query];
  throw new Error('not yet');
}

/**
 * The row of any customer of the scope, without a list's value (value 0, reasons empty): the fields a campaign's
 * messages are filled from (last products, usual products, days since the last order, orders, revenue, name).
 */
export function customerRowOf(p: Prepared, figures: YourFigures, code: number): ActionRow {
  void [p, figures, code];
  throw new Error('not yet');
}
