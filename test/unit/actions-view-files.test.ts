// The Actions view's files: a list as CSV and as clipboard text in the UI language (German `;` and decimal commas
// in the CSV, tab-separated text with the same numbers for the clipboard, dates as a spreadsheet of the language
// reads them, formulas neutralised in both), and the co-purchase table as one line per pair. Expected lines by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.svelte';
import * as actionTexts from '../../src/i18n/messages/actions';
import { listColumns } from '../../src/views/actions/list-table';
import { listTable, tableCsv, tableTsv } from '../../src/views/actions/file-table';
import { heatmapTable } from '../../src/views/actions/cross-csv';
import type { ActionListSummary, ActionRow } from '../../src/shared/actions';

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
      'K-1;;Verloren;01.02.2023;500;2;1234,5;25;77,13;Elektro, Werkzeuge;kein Kauf seit mehr als 16 Monaten',
      '\'=1+2;"Müller; Söhne";Gefährdet;01.02.2023;500;2;1234,5;100;10;Elektro, Werkzeuge;kein Kauf seit mehr als 16 Monaten',
    ]);
  });
  it('German clipboard: tabs, the same numbers, formulas neutralised', () => {
    i18n.locale = 'de';
    expect(lines(tableTsv(listTable(cols(), rows)))[2]).toBe(
      "'=1+2\tMüller; Söhne\tGefährdet\t01.02.2023\t500\t2\t1234,5\t100\t10\tElektro, Werkzeuge\tkein Kauf seit mehr als 16 Monaten",
    );
  });
  it('English CSV: `,`, decimal point, ISO dates', () => {
    i18n.locale = 'en';
    expect(lines(tableCsv(listTable(cols(), rows)))[1]).toBe(
      'K-1,,Lost,2023-02-01,500,2,1234.5,25,77.13,"Elektro, Werkzeuge",no purchase for more than 16 months',
    );
  });
});

const summary = (over: Partial<ActionListSummary>): ActionListSummary => ({
  list: 'reactivation',
  total: 2,
  valueTotal: 0,
  unavailable: null,
  valueBasis: 'margin',
  withPAlive: true,
  withoutPAlive: 0,
  contactCriterion: true,
  withSpend: false,
  model: 'bgnbd',
  unit: 'week',
  asOf: '2024-06-30',
  hasAmount: true,
  ...over,
});

describe('the reasons and the value header say what they are', () => {
  it('reasons from the customer’s own dates; the last contact as a column; the value header names its basis', () => {
    i18n.locale = 'de';
    // 500 days = 16 months of 30.4375 days (487 days) + 13 days: "more than 16 months"; 31 days: more than one month;
    // 30 days: less than a month, in days. Last contact 2023-10-30 → D = 2024-06-30: 244 days = 8 months (243.5)
    // + ½ day. 487 days are exactly 16 months: "seit 16 Monaten".
    const rs = [
      row({ reasons: ['noPurchase', 'noContact'], lastContact: '2023-10-30' }),
      row({ code: 1, id: 'K-2', daysSinceLast: 31, reasons: ['noPurchase', 'noContact'] }),
      row({ code: 2, id: 'K-3', daysSinceLast: 30, reasons: ['noPurchase'] }),
      row({ code: 3, id: 'K-4', daysSinceLast: 487, reasons: ['noPurchase'] }),
    ];
    const cols = listColumns({
      list: 'reactivation',
      names: false,
      forecast: true,
      months: 12,
      contactMonths: 6,
      summary: summary({}),
    });
    const out = lines(tableCsv(listTable(cols, rs)));
    expect(out[0]).toBe(
      'Kundennummer;Segment;Letzter Kauf;Tage seit Kauf;Bestellungen;Umsatz;P(alive) (%);Wert im Spiel (Deckungsbeitrag);Übliche Produkte;Letzter Kontakt;Grund',
    );
    expect(
      out[1].endsWith(';30.10.2023;kein Kauf seit mehr als 16 Monaten, kein Kontakt seit mehr als 8 Monaten'),
    ).toBe(true);
    expect(out[2].endsWith(';;kein Kauf seit mehr als 1 Monat, nie kontaktiert')).toBe(true);
    expect(out[3].endsWith(';;kein Kauf seit 30 Tagen')).toBe(true);
    expect(out[4].endsWith(';;kein Kauf seit 16 Monaten')).toBe(true);
    // Revenue basis; the due list with and without the spend model; English.
    const header = (s: Partial<ActionListSummary>, list: ActionListSummary['list'] = 'reactivation') =>
      lines(
        tableCsv(
          listTable(
            listColumns({
              list,
              names: false,
              forecast: true,
              months: 12,
              contactMonths: 6,
              summary: summary({ list, ...s }),
            }),
            [],
          ),
        ),
      )[0];
    expect(header({ valueBasis: 'revenue', contactCriterion: false })).toContain(';Wert im Spiel (Umsatz);');
    expect(header({ withSpend: true }, 'due')).toContain(';Erwarteter Wert (P(alive) × erwarteter Bonwert);');
    i18n.locale = 'en';
    expect(header({ withSpend: false }, 'due')).toContain(',Expected value (P(alive) alone),');
    // Without amounts: no revenue column, and no value column on the reactivation list; whitespace shows the chance of B in percent.
    expect(header({ valueBasis: null, hasAmount: false, contactCriterion: false })).toBe(
      'Customer id,Segment,Last order,Days since purchase,Orders,P(alive) (%),Usual products,Reason',
    );
    expect(header({ hasAmount: false }, 'whitespace')).toContain(',Chance of B (confidence) (%),');
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
