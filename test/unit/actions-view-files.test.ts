// The Actions view's files: a list as CSV and as clipboard text in the UI language (German `;` and decimal commas
// in the CSV, tab-separated text with the same numbers for the clipboard, dates as a spreadsheet of the language
// reads them, formulas neutralised in both), and the co-purchase table as one line per pair. Expected lines by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.svelte';
import * as actionTexts from '../../src/i18n/messages/actions';
import { listColumns } from '../../src/views/actions/list-table';
import { listTable, tableCsv, tableTsv } from '../../src/views/actions/file-table';
import { heatmapTable } from '../../src/views/actions/cross-csv';
import type { ActionRow } from '../../src/shared/actions';

const lines = (text: string) => text.split('\r\n').slice(0, -1);

const row = (over: Partial<ActionRow>): ActionRow => ({
  code: 0,
  id: 'K-1',
  name: null,
  segment: 'lost',
  firstOrder: '2022-01-05',
  lastOrder: '2023-02-01',
  daysSinceLast: 500,
  orders: 2,
  revenue: 1234.5,
  usualProducts: ['Elektro', 'Werkzeuge'],
  lastProducts: [],
  pAlive: 0.25,
  value: 77.125,
  reasons: ['noPurchase'],
  yearlyValue: 308.5,
  lastContact: null,
  expectedNext: null,
  rhythmDays: null,
  aov: null,
  segmentMedianAov: null,
  f: 2,
  ...over,
});

const rows = [
  row({}),
  row({ code: 1, id: '=1+2', name: 'Müller; Söhne', segment: 'atRisk', pAlive: 1, value: 10 }),
];
const cols = () =>
  listColumns({ list: 'reactivation', names: true, forecast: true, months: 12, contactMonths: 6 });

beforeAll(() => i18n.addTexts(actionTexts));
afterAll(() => (i18n.locale = 'en'));

describe('a reactivation list as files', () => {
  it('German CSV: `;`, decimal comma, German dates, P(alive) in percent, formulas neutralised', () => {
    i18n.locale = 'de';
    expect(lines(tableCsv(listTable(cols(), rows)))).toEqual([
      'Kundennummer;Name;Segment;Letzter Kauf;Tage seit Kauf;Bestellungen;Umsatz;P(alive) (%);Wert im Spiel;Übliche Produkte;Grund',
      'K-1;;Verloren;01.02.2023;500;2;1234,5;25;77,13;Elektro, Werkzeuge;kein Kauf seit 12 Monaten',
      '\'=1+2;"Müller; Söhne";Gefährdet;01.02.2023;500;2;1234,5;100;10;Elektro, Werkzeuge;kein Kauf seit 12 Monaten',
    ]);
  });
  it('German clipboard: tabs, the same numbers, formulas neutralised', () => {
    i18n.locale = 'de';
    expect(lines(tableTsv(listTable(cols(), rows)))[2]).toBe(
      "'=1+2\tMüller; Söhne\tGefährdet\t01.02.2023\t500\t2\t1234,5\t100\t10\tElektro, Werkzeuge\tkein Kauf seit 12 Monaten",
    );
  });
  it('English CSV: `,`, decimal point, ISO dates', () => {
    i18n.locale = 'en';
    expect(lines(tableCsv(listTable(cols(), rows)))[1]).toBe(
      'K-1,,Lost,2023-02-01,500,2,1234.5,25,77.13,"Elektro, Werkzeuge",no purchase for 12 months',
    );
  });
});

describe('the co-purchase table as one line per pair', () => {
  it('leaves out the diagonal and pairs without a lift', () => {
    i18n.locale = 'en';
    const t = heatmapTable({
      labels: ['A', 'B'],
      buyers: [4, 2],
      support: [0.8, 0.4],
      confidence: [NaN, 0.5, 1, NaN],
      lift: [NaN, 1.25, 1.25, NaN],
      both: [0, 2, 2, 0],
      omitted: 0,
    });
    expect(lines(tableCsv(t))).toEqual([
      'A,B,Customers,Confidence (%),Lift,Support B (%)',
      'A,B,2,50,1.25,40',
      'B,A,2,100,1.25,80',
    ]);
  });
});
