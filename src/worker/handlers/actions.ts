/**
 * Actions (METRICS.md "Actions"): the reactivation, due-now, whitespace and upsell lists, page by page, the
 * customers × categories matrix, the co-purchase heatmap, the whitespace ranking and the product journey.
 * CONTRACT STUB: the signatures are fixed; the bodies are being written.
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
import type { AnalysisRequest } from '../scope';

/** A scope with the workspace's figures (margin and costs decide the value basis; the discount the forecast). */
export type ActionsRequest = AnalysisRequest & { figures: YourFigures };
export type ActionPageRequest = ActionsRequest & { query: ActionListQuery } & ActionPageRequestPart;
export type ActionRowsRequest = ActionsRequest & { query: ActionListQuery };
export type MatrixRequest = ActionsRequest & { query: MatrixQuery } & ActionPageRequestPart;

const todo = (): never => {
  throw new Error('not yet');
};

export const actionsHandler = {
  /** Sizes and notes of every list, the heatmap, the whitespace ranking, the journey and the matrix's columns. */
  async actionsOverview(req: ActionsRequest): Promise<ActionsOverview> {
    return todo() ?? req;
  },
  /** One page of a list, sorted and filtered in the worker. */
  async actionPage(req: ActionPageRequest): Promise<ActionPage> {
    return todo() ?? req;
  },
  /** A whole list (for CSV, clipboard and print). */
  async actionRows(req: ActionRowsRequest): Promise<ActionPage> {
    return todo() ?? req;
  },
  /** One page of the customers × categories matrix. */
  async actionMatrix(req: MatrixRequest): Promise<MatrixPage> {
    return todo() ?? req;
  },
};
