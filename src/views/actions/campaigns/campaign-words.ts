/**
 * The campaigns' helpers for the views: the default stages and name in the UI language, a stage's date, inserting a
 * field at the cursor, and the messages as CSV (UI conventions, formula-safe) and as tab-separated text.
 */
import { i18n } from '../../../i18n/i18n.svelte';
import { formatMonthYear } from '../../../i18n/format';
import { DEFAULT_STAGES, LIST_LABEL } from '../../../i18n/messages/campaigns';
import { dayToIso, isoToDay } from '../../../shared/days';
import { fileSlug, localeCsv, toCsv } from '../../../shared/csv';
import type {
  ActionListQuery,
  CampaignMessageRow,
  CampaignStage,
  MessageField,
} from '../../../shared/actions';

/** The four default stages with their texts in the UI language. */
export function defaultStages(): CampaignStage[] {
  return DEFAULT_STAGES.map((s) => ({
    day: s.day,
    title: i18n.t(s.title),
    text: i18n.t(s.text),
    doneAt: null,
  }));
}

/** A name from the list and the month of the as-of date: "Reaktivierung Dezember 2025". */
export function defaultName(query: ActionListQuery, asOf: string | null): string {
  const list = i18n.t(LIST_LABEL[query.list]);
  const month = asOf ? formatMonthYear(i18n.locale, asOf) : '';
  const name = query.pair
    ? i18n.t('cp.defaultNamePair', { list, a: query.pair.a, b: query.pair.b, month })
    : i18n.t('cp.defaultName', { list, month });
  return name.trim();
}

/** The ISO date of a stage: the campaign's date C plus the stage's day. */
export function stageDate(savedAsOf: string, day: number): string {
  return dayToIso(isoToDay(savedAsOf) + day);
}

/** Today as an ISO date (the date a stage is marked done), in the browser's own time zone. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Inserts `{field}` into a text field at its cursor (replacing a selection), puts the cursor after it and returns
 * the new text.
 */
export function insertField(el: HTMLTextAreaElement, field: MessageField): string {
  const token = `{${field}}`;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const text = el.value.slice(0, start) + token + el.value.slice(end);
  el.value = text;
  const at = start + token.length;
  el.focus();
  el.setSelectionRange(at, at);
  return text;
}

/** The columns of the messages export: customer, name, then one per stage ("Tag 0 – Erinnerung"). */
function messageHeader(stages: readonly CampaignStage[]): string[] {
  return [
    i18n.t('cp.msg.customer'),
    i18n.t('cp.msg.name'),
    ...stages.map((s) => `${i18n.t('cp.stage.day', { day: s.day })} – ${s.title}`),
  ];
}

const messageCells = (rows: readonly CampaignMessageRow[]) =>
  rows.map((r) => [r.id, r.name ?? '', ...r.messages]);

/** The messages as a CSV file in the UI language's conventions. */
export function messagesCsv(
  campaignName: string,
  stages: readonly CampaignStage[],
  rows: readonly CampaignMessageRow[],
): { fileName: string; text: string } {
  return {
    fileName: `${i18n.t('cp.msg.file', { name: fileSlug(campaignName) })}.csv`,
    text: localeCsv(i18n.locale, messageHeader(stages), messageCells(rows)),
  };
}

/** The messages tab-separated (cells with line breaks quoted), for pasting into a spreadsheet, mail or CRM tool. */
export function messagesTsv(stages: readonly CampaignStage[], rows: readonly CampaignMessageRow[]): string {
  return toCsv(messageHeader(stages), messageCells(rows), '\t');
}
