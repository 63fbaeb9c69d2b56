/**
 * What the editor does with the steps of a map (pure, no DOM): new ids, moving and removing a step, and the rows of
 * the CSV export. The figures come from the worker; the structure of a step from src/shared/valuestream.ts.
 */
import type { ValueStreamFigures } from '../../analytics/valuestream';
import {
  cleanNumber,
  phaseIndex,
  VSM_CSV_COLUMNS,
  type Phase,
  type ValueRating,
  type VsmCsvColumn,
  type VsmStep,
} from '../../shared/valuestream';
import { localeCsv, type CsvColumn, type CsvLocale } from '../../shared/csv';

let idCounter = 0;
/** A new id, unique within this page session (and practically across sessions). */
export function newStepId(): string {
  idCounter++;
  return `step-${Date.now().toString(36)}-${idCounter.toString(36)}`;
}

/** A new array with step `index` moved by `delta` places; a copy unchanged when either end is out of range. */
export function moveStep(steps: readonly VsmStep[], index: number, delta: number): VsmStep[] {
  const out = steps.slice();
  const target = index + delta;
  if (
    !Number.isInteger(index) ||
    !Number.isInteger(target) ||
    index < 0 ||
    index >= out.length ||
    target < 0 ||
    target >= out.length ||
    target === index
  )
    return out;
  const [step] = out.splice(index, 1);
  out.splice(target, 0, step);
  return out;
}

/** A new array without step `index`; a copy unchanged when out of range. */
export function removeStep(steps: readonly VsmStep[], index: number): VsmStep[] {
  const out = steps.slice();
  if (Number.isInteger(index) && index >= 0 && index < out.length) out.splice(index, 1);
  return out;
}

export interface VsmCsvLabels {
  /** Column headers. */
  columns: Record<VsmCsvColumn, string>;
  phaseLabel: (p: Phase) => string;
  ratingLabel: (r: ValueRating) => string;
  yes: string;
  no: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** How each CSV column is written (src/shared/csv.ts): hours, days and cost as numbers, start and end days to 3 decimals. */
export const VSM_CSV_KINDS: Record<VsmCsvColumn, Omit<CsvColumn, 'header'>> = {
  name: {},
  phase: {},
  owner: {},
  processHours: { kind: 'number', digits: 2 },
  waitDays: { kind: 'number', digits: 2 },
  costPerCustomer: { kind: 'number', digits: 2 },
  rating: {},
  handoff: {},
  start: { kind: 'number', digits: 3 },
  end: { kind: 'number', digits: 3 },
};

/** The map as CSV in the locale's conventions (`;` and decimal comma in German), formula-safe. */
export function valueStreamCsv(
  locale: CsvLocale,
  steps: readonly VsmStep[],
  figures: Pick<ValueStreamFigures, 'stepStartDays' | 'stepEndDays'>,
  labels: VsmCsvLabels,
): string {
  const { rows } = valueStreamCsvRows(steps, figures, labels);
  const columns = VSM_CSV_COLUMNS.map((c) => ({ header: labels.columns[c], ...VSM_CSV_KINDS[c] }));
  return localeCsv(locale, columns, rows);
}

/**
 * Header and rows for a CSV export (write them with `valueStreamCsv`, which neutralises formulas). Numbers are the cleaned
 * values the figures use (bad input → 0); start/end days are rounded to 3 decimals, null if `figures` is stale.
 */
export function valueStreamCsvRows(
  steps: readonly VsmStep[],
  figures: Pick<ValueStreamFigures, 'stepStartDays' | 'stepEndDays'>,
  labels: VsmCsvLabels,
): { headers: string[]; rows: (string | number | null)[][] } {
  const headers = VSM_CSV_COLUMNS.map((c) => labels.columns[c]);
  const rows = steps.map((s, i) => {
    const start = figures.stepStartDays[i];
    const end = figures.stepEndDays[i];
    return [
      s.name,
      phaseIndex(s.phase) >= 0 ? labels.phaseLabel(s.phase) : String(s.phase ?? ''),
      s.owner,
      cleanNumber(s.processHours),
      cleanNumber(s.waitDays),
      cleanNumber(s.costPerCustomer),
      labels.ratingLabel(s.rating),
      s.handoff === true ? labels.yes : labels.no,
      start === undefined ? null : round3(start),
      end === undefined ? null : round3(end),
    ];
  });
  return { headers, rows };
}
