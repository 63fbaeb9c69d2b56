/**
 * The action lists of a scope, shared by the Actions handler (pages, exports, overview) and the campaigns (which
 * save a list's customers and fill their messages). Memoised in the scope per figures and criteria.
 *
 * The figures are those of src/analytics/actions/lists.ts (METRICS.md "Actions"): this file gives them the scope
 * (its customer table, RFM, occasions and forecasts, memoised in the scope) and the workspace's master data, read
 * once per request by `prepareActions` (through `actionRecords`, so tests can replace the reader).
 */
import type { ActionListQuery, ActionRow } from '../shared/actions';
import type { YourFigures } from '../shared/figures';
import { actionList, customerRow, type ActionList, type ListsContext } from '../analytics/actions/lists';
import { forecastOf, occasionsOf, prepare, rfmOf, type AnalysisRequest, type Prepared } from './scope';
import { currentMaster } from './session';
import type { RecordFile } from './records';

export type { ActionList };

/** The workspace's master data (through one function, so tests can replace the reader). */
export const actionRecords = {
  master: (workspaceId: number): Promise<RecordFile | null> => currentMaster(workspaceId),
};

/** The master data read for each prepared request (`prepareActions`). */
const masters = new WeakMap<Prepared, RecordFile | null>();
const contexts = new WeakMap<Prepared, ListsContext>();

/**
 * The scope of a request with the workspace's master data, for `actionListOf` and `customerRowOf`. A scope from
 * plain `prepare` works too, without master data (no names, no last contact, no service costs).
 */
export async function prepareActions(req: AnalysisRequest): Promise<Prepared> {
  const p = await prepare(req);
  masters.set(p, await actionRecords.master(p.info.workspaceId));
  return p;
}

/** The lists' view of a prepared scope: its memo, RFM, occasions, forecasts and master data. */
export function listsContextOf(p: Prepared): ListsContext {
  let ctx = contexts.get(p);
  if (!ctx) {
    const m = masters.get(p) ?? null;
    ctx = {
      lines: p.lines,
      opts: p.opts,
      table: p.table,
      rfm: () => rfmOf(p),
      occasions: () => occasionsOf(p),
      forecast: (settings) => forecastOf(p, settings),
      master: m ? m.data : null,
      masterTag: m ? `${m.info.id}@${m.info.createdAt}` : '-',
      memo: (key, compute) => p.scope.cached(key, compute),
    };
    contexts.set(p, ctx);
  }
  return ctx;
}

/** The list of `query` in the scope of `p`. */
export function actionListOf(p: Prepared, figures: YourFigures, query: ActionListQuery): ActionList {
  return actionList(listsContextOf(p), figures, query);
}

/**
 * The row of any customer of the scope, without a list's value (value 0, reasons empty): the fields a campaign's
 * messages are filled from (last products, usual products, days since the last order, orders, revenue, name).
 */
export function customerRowOf(p: Prepared, figures: YourFigures, code: number): ActionRow {
  return customerRow(listsContextOf(p), figures, code);
}
