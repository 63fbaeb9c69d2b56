/**
 * The model scorecard in words, for the Forecast view and the client report (each with its own translator: the
 * report's language may differ from the UI's): the figures of a candidate, "—" with a word where one does not exist,
 * and the proposal in a sentence with its reason and numbers.
 */
import type { Failure } from '../../analytics/forecast';
import type { Scorecard, ScorecardEntry } from '../../analytics/btyd/scorecard';
import type { MessageKey } from '../../i18n/messages';
import { CANDIDATE_LABEL, FORECAST_FAILURE_TEXT, PROPOSAL_TEXT } from '../../i18n/messages/forecast';

/** What the scorecard needs of a translator: the UI's (i18n) or the report's (ReportTr). */
export interface ScorecardTr {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  num: (n: number | null | undefined, digits?: number) => string;
}

/** Digits shown: MAE and correlation with three, so that candidates a few per mille apart stay apart. */
const DIGITS = { predicted: 1, error: 1, mae: 3, correlation: 3, logLik: 2 } as const;

/** An error in % with its sign: "+206,6 %", "-11,5 %". */
export const signedPercent = (tr: ScorecardTr, v: number): string =>
  `${v > 0 ? '+' : ''}${tr.num(v, DIGITS.error)} %`;

export interface EntryCells {
  predicted: string;
  error: string;
  mae: string;
  correlation: string;
  logLik: string;
}

/**
 * The figures of one candidate. A failed fit has none (null: the caller says why with `entryFailure`); the naive
 * baseline has no likelihood, a holdout without purchases no error in %, a constant prediction no correlation.
 */
export function entryCells(tr: ScorecardTr, e: ScorecardEntry): EntryCells | null {
  if (e.failure !== null || e.mae === null || e.predictedTotal === null) return null;
  return {
    predicted: tr.num(e.predictedTotal, DIGITS.predicted),
    error: e.errorPercent === null ? tr.t('fc.sc.noActual') : signedPercent(tr, e.errorPercent),
    mae: tr.num(e.mae, DIGITS.mae),
    correlation: e.correlation === null ? tr.t('fc.sc.constant') : tr.num(e.correlation, DIGITS.correlation),
    logLik:
      e.logLikelihood !== null
        ? tr.num(e.logLikelihood, DIGITS.logLik)
        : e.candidate === 'naive'
          ? tr.t('fc.sc.noLikelihood')
          : '—',
  };
}

/**
 * Why a candidate has no figures, in the forecast's failure words. The scorecard keeps only the code; the details
 * (e.g. how many customers) come from the validation's failure when it is the same one.
 */
export function entryFailure(tr: ScorecardTr, e: ScorecardEntry, validationFailure: Failure | null): string {
  if (e.failure === null) return '';
  const details: Record<string, string> = {};
  if (validationFailure?.code === e.failure)
    for (const [k, v] of Object.entries(validationFailure.details))
      details[k] = tr.num(v, Number.isInteger(v) ? 0 : 4);
  return tr.t('fc.sc.fitFailed', { reason: tr.t(FORECAST_FAILURE_TEXT[e.failure], details) });
}

/** The proposal in a sentence: which candidate, why, and the figures that decided. */
export function proposalSentence(tr: ScorecardTr, sc: Scorecard): string {
  const p = sc.proposal;
  const pct = (v: number | null) => (v === null ? '—' : signedPercent(tr, v));
  return tr.t(PROPOSAL_TEXT[p.reason], {
    model: tr.t(CANDIDATE_LABEL[p.candidate]),
    mae: tr.num(p.mae, DIGITS.mae),
    err: pct(p.errorPercent),
    runner: p.runnerUp === null ? '—' : tr.t(CANDIDATE_LABEL[p.runnerUp]),
    rmae: p.runnerUpMae === null ? '—' : tr.num(p.runnerUpMae, DIGITS.mae),
    rerr: pct(p.runnerUpErrorPercent),
  });
}
