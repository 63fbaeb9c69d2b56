/** The Actions view's words that depend on data: list names, the value column, the model, the reasons. */
import { i18n, type MessageKey } from '../../i18n/i18n.svelte';
import type { ActionListKind, ActionReason, ActionRow } from '../../shared/actions';

export const LIST_LABEL: Record<ActionListKind, MessageKey> = {
  reactivation: 'ac.tab.reactivation',
  due: 'ac.tab.due',
  whitespace: 'ac.tab.whitespace',
  upsell: 'ac.tab.upsell',
};

export const LIST_LEAD: Record<ActionListKind, MessageKey> = {
  reactivation: 'ac.lead.reactivation',
  due: 'ac.lead.due',
  whitespace: 'ac.lead.whitespace',
  upsell: 'ac.lead.upsell',
};

export const VALUE_LABEL: Record<ActionListKind, MessageKey> = {
  reactivation: 'ac.col.value.reactivation',
  due: 'ac.col.value.due',
  whitespace: 'ac.col.value.whitespace',
  upsell: 'ac.col.value.upsell',
};

export const FILE_LABEL: Record<ActionListKind, MessageKey> = {
  reactivation: 'ac.file.reactivation',
  due: 'ac.file.due',
  whitespace: 'ac.file.whitespace',
  upsell: 'ac.file.upsell',
};

export const REASON_TEXT: Record<ActionReason, MessageKey> = {
  noCustomers: 'ac.why.noCustomers',
  noForecast: 'ac.why.noForecast',
  forecastFailed: 'ac.why.forecastFailed',
  noCategory: 'ac.why.noCategory',
  tooManyProducts: 'ac.why.tooManyProducts',
  noPair: 'ac.why.noPair',
  tooShort: 'ac.why.tooShort',
  noAmount: 'ac.why.noAmount',
};

/** The forecast's warnings in words beside a list that shows P(alive). */
export function warningText(w: string): string {
  return w === 'weakDropout' ? i18n.t('ac.warn.weakDropout') : i18n.t('ac.warn.other', { w });
}

const MODEL_LABEL: Record<string, MessageKey> = {
  bgnbd: 'fc.model.bgnbd',
  paretonbd: 'fc.model.paretonbd',
  mbgnbd: 'fc.model.mbgnbd',
};
const UNIT_LABEL: Record<string, MessageKey> = { day: 'fc.unit.day', week: 'fc.unit.week' };

export const modelText = (m: string) => (MODEL_LABEL[m] ? i18n.t(MODEL_LABEL[m]) : m);
export const unitText = (u: string) => (UNIT_LABEL[u] ? i18n.t(UNIT_LABEL[u]) : u);

/** Whole months in `days` (one month = 365.25 / 12 days, METRICS.md "Actions"). */
export const monthsIn = (days: number) => Math.floor(days / (365.25 / 12));

/** The days between two ISO dates. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * A span of days in words: whole months (floor(days / 30.4375)), "more than" when the days exceed them (so a rule
 * "more than 12 months" never reads as "for 12 months"), days under one month.
 */
function spanText(days: number): string {
  const n = monthsIn(days);
  const over = days > n * (365.25 / 12) + 1e-9;
  if (n >= 2)
    return over
      ? i18n.t('ac.span.overMonths', { n: i18n.num(n) })
      : i18n.t('ac.span.months', { n: i18n.num(n) });
  if (n === 1) return over ? i18n.t('ac.span.overOneMonth') : i18n.t('ac.span.oneMonth');
  return i18n.t('ac.span.days', { d: i18n.num(days) });
}

/**
 * The reasons a customer is on the reactivation list, in words, from the customer's own dates (not the criteria):
 * "kein Kauf seit mehr als 14 Monaten" from the days since the last purchase, "kein Kontakt seit mehr als 8
 * Monaten" from the last contact up to D (`asOf`), "nie kontaktiert" without a known contact on or before D.
 */
export function reasonsText(row: ActionRow, asOf: string): string {
  return row.reasons
    .map((r) => {
      if (r === 'noPurchase') return i18n.t('ac.reason.noPurchase', { span: spanText(row.daysSinceLast) });
      if (row.lastContact === null || row.lastContact > asOf) return i18n.t('ac.reason.neverContacted');
      return i18n.t('ac.reason.noContact', { span: spanText(daysBetween(row.lastContact, asOf)) });
    })
    .join(', ');
}

/** Default criteria (docs/actions.md): 12 months without a purchase, 6 without a contact. */
export const DEFAULT_INACTIVE_MONTHS = 12;
export const DEFAULT_CONTACT_MONTHS = 6;
