/**
 * From an analysis request to its scope: the dataset's session, the as-of day, the line filter and the customer
 * table, plus the results that several features share (RFM, purchase occasions, forecasts).
 */
import { AppFailure } from '../shared/errors';
import { dayToIso, isoToDay } from '../shared/days';
import { dayRange, type Lines } from '../analytics/lines';
import { customerAggregates } from '../analytics/customers';
import { computeRfm } from '../analytics/rfm';
import { purchaseOccasions } from '../analytics/occasions';
import { computeForecast, type ForecastSettings } from '../analytics/forecast';
import { openSession, Scope, type AnalysisSession, type ScopeOptions } from './session';

export interface AnalysisRequest {
  datasetId: number;
  /** YYYY-MM-DD; default: the last transaction date. */
  asOf?: string | null;
  /** Keep only lines where each listed attribute has one of the listed values (AND across attributes). */
  filters?: { attribute: string; values: string[] }[];
}

/** The mask of the lines that pass the filters (null without filters). */
export function includeMask(lines: Lines, filters: AnalysisRequest['filters']): Uint8Array | null {
  if (!filters || filters.length === 0) return null;
  const mask = new Uint8Array(lines.n).fill(1);
  for (const f of filters) {
    const col = lines.codes[f.attribute];
    const dict = lines.dicts[f.attribute] ?? [];
    if (!col) throw new AppFailure('notFound', `No attribute ${f.attribute} in this dataset.`);
    const wanted = new Uint8Array(dict.length);
    for (const v of f.values) {
      const code = dict.indexOf(v);
      if (code >= 0) wanted[code] = 1;
    }
    for (let i = 0; i < lines.n; i++) if (!wanted[col[i]]) mask[i] = 0;
  }
  return mask;
}

/** The as-of day of a request: its date, or the last day of the lines. */
export function asOfDay(lines: Lines, asOf: string | null | undefined): number {
  const day = asOf ? isoToDay(asOf) : dayRange(lines)[1];
  if (Number.isNaN(day)) throw new AppFailure('unexpected', `Not a date: ${asOf}`);
  return day;
}

/** A request in its scope: the session, its lines and the scope's options, customer table and memo. */
export interface Prepared {
  session: AnalysisSession;
  info: AnalysisSession['info'];
  lines: Lines;
  scope: Scope;
  opts: ScopeOptions;
  table: Scope['table'];
}

/** Opens the dataset and finds (or creates) the scope of the request. */
export async function prepare(req: AnalysisRequest): Promise<Prepared> {
  const session = await openSession(req.datasetId);
  const { info, lines } = session;
  // The resolved as-of day: "no date" and the last day chosen by hand are one scope.
  const asOf = asOfDay(lines, req.asOf);
  const key = JSON.stringify([dayToIso(asOf), req.filters ?? [], info.options.dropDuplicates]);
  const scope = session.scope(key, () => {
    const opts: ScopeOptions = {
      asOf,
      dropDuplicates: info.options.dropDuplicates,
      include: includeMask(lines, req.filters),
      // The scope's figures are computed without the workspace's gross-margin rate: the KPIs' margin figures
      // (clvSimpleMargin, clvHistoricMargin, top20ShareMargin) and the RFM segments' margin use a mapped cost or
      // margin column only, and are "no margin" without one. No screen and no report section shows them (the views
      // show the KPIs of KPI_TEXT, all on revenue); the app's margin figures come from the Economics computation
      // (analytics/economics, with the workspace's margin settings): docs/economics.md, "Margin in the KPIs".
      marginRate: 0,
    };
    return new Scope(key, opts, customerAggregates(lines, opts));
  });
  return { session, info, lines, scope, opts: scope.opts, table: scope.table };
}

/** RFM of a scope (memoised). */
export function rfmOf(p: Prepared) {
  return p.scope.cached('rfm', () => computeRfm(p.table));
}

/** The purchase occasions of a scope (memoised): the forecast and the self-check evidence share them. */
export function occasionsOf(p: Prepared) {
  return p.scope.cached('occasions', () => purchaseOccasions(p.lines, p.opts));
}

/** The forecast of a scope at some settings (memoised per settings). */
export function forecastOf(p: Prepared, settings: ForecastSettings) {
  return p.scope.cached(`forecast|${JSON.stringify(settings)}`, () =>
    computeForecast(p.lines, p.table, rfmOf(p), p.opts, settings, occasionsOf(p)),
  );
}
