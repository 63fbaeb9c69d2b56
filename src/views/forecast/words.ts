/** The Forecast view's recurring words: a fit's failure, an amount or a dash, the time unit of the fits. */
import { i18n } from '../../i18n/i18n.svelte';
import { FORECAST_FAILURE_TEXT } from '../../i18n/messages/forecast';
import type { Failure } from '../../analytics/forecast';
import type { ForecastForm } from './forecast-state.svelte';

/** Why a fit failed, with its figures in the UI's number format. */
export function failureText(f: Failure): string {
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.details)) details[k] = i18n.num(v, Number.isInteger(v) ? 0 : 4);
  return i18n.t(FORECAST_FAILURE_TEXT[f.code], details);
}

/** An amount in the currency, or a dash when there is none (no amounts, no CLV). */
export const moneyOrDash = (v: number | null, currency: string): string =>
  v === null ? '–' : i18n.money(v, currency);

/** The time unit of the fits, in words. */
export const unitText = (unit: ForecastForm['unit']): string =>
  i18n.t(unit === 'week' ? 'fc.unit.week' : 'fc.unit.day');
