/**
 * Actions (METRICS.md "Actions"): the reactivation, due-now, whitespace and upsell lists, page by page, the
 * customers × categories matrix, the co-purchase heatmap, the whitespace ranking and the product journey. The lists
 * are the shared core's (src/worker/action-lists.ts); the figures are the pure ones of src/analytics/actions/.
 */
import type {
  ActionListQuery,
  ActionPage,
  ActionPageRequestPart,
  ActionsOverview,
  MatrixPage,
  MatrixQuery,
} from '../../shared/actions';
import type { YourFigures } from '../../shared/figures';
import { actionsOverview, matrixPage } from '../../analytics/actions/overview';
import { actionListOf, listsContextOf, prepareActions } from '../action-lists';
import type { AnalysisRequest, Prepared } from '../scope';

/** A scope with the workspace's figures (margin and costs decide the value basis; the discount the forecast). */
export type ActionsRequest = AnalysisRequest & { figures: YourFigures };
export type ActionPageRequest = ActionsRequest & { query: ActionListQuery } & ActionPageRequestPart;
export type ActionRowsRequest = ActionsRequest & { query: ActionListQuery };
export type MatrixRequest = ActionsRequest & { query: MatrixQuery } & ActionPageRequestPart;

function scopeOf(req: ActionsRequest): Promise<Prepared> {
  return prepareActions({ datasetId: req.datasetId, asOf: req.asOf, filters: req.filters });
}

function page(p: Prepared, req: ActionsRequest & { query: ActionListQuery }, offset: number, limit: number) {
  const list = actionListOf(p, req.figures, req.query);
  const from = Math.max(0, Math.min(offset, list.codes.length));
  const to = Math.max(from, Math.min(list.codes.length, from + Math.max(0, limit)));
  const rows = Array.from(list.codes.subarray(from, to), (c) => list.row(c));
  return { total: list.codes.length, rows, summary: list.summary };
}

export const actionsHandler = {
  /** Sizes and notes of every list, the heatmap, the whitespace ranking, the journey and the matrix's columns. */
  async actionsOverview(req: ActionsRequest): Promise<ActionsOverview> {
    const ctx = listsContextOf(await scopeOf(req));
    const key = `actions-overview|${JSON.stringify(req.figures)}|${ctx.masterTag}`;
    return ctx.memo(key, () => actionsOverview(ctx, req.figures));
  },
  /** One page of a list, sorted and filtered in the worker. */
  async actionPage(req: ActionPageRequest): Promise<ActionPage> {
    return page(await scopeOf(req), req, req.offset, req.limit);
  },
  /** A whole list (for CSV, clipboard and print). */
  async actionRows(req: ActionRowsRequest): Promise<ActionPage> {
    return page(await scopeOf(req), req, 0, Number.MAX_SAFE_INTEGER);
  },
  /** One page of the customers × categories matrix. */
  async actionMatrix(req: MatrixRequest): Promise<MatrixPage> {
    return matrixPage(listsContextOf(await scopeOf(req)), req.query, req.offset, req.limit);
  },
};
