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
};

const MODEL_LABEL: Record<string, MessageKey> = {
  bgnbd: 'fc.model.bgnbd',
  paretonbd: 'fc.model.paretonbd',
};
const UNIT_LABEL: Record<string, MessageKey> = { day: 'fc.unit.day', week: 'fc.unit.week' };

export const modelText = (m: string) => (MODEL_LABEL[m] ? i18n.t(MODEL_LABEL[m]) : m);
export const unitText = (u: string) => (UNIT_LABEL[u] ? i18n.t(UNIT_LABEL[u]) : u);

/** The reasons a customer is on the reactivation list, in words. */
export function reasonsText(row: ActionRow, months: number, contactMonths: number): string {
  return row.reasons
    .map((r) =>
      r === 'noPurchase'
        ? i18n.t('ac.reason.noPurchase', { n: months })
        : i18n.t('ac.reason.noContact', { m: contactMonths }),
    )
    .join(', ');
}

/** Default criteria (docs/actions.md): 12 months without a purchase, 6 without a contact. */
export const DEFAULT_INACTIVE_MONTHS = 12;
export const DEFAULT_CONTACT_MONTHS = 6;
