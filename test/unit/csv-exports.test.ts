// Every analysis CSV export follows the UI language (src/shared/csv.ts): German `;`, decimal comma, percentages as
// numbers of percent under a "(%)" header and German file names; English `,` and decimal points; text cells that a
// spreadsheet would run as a formula start with `'`. Expected lines are written out by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { csvNumber, fileSlug, localeCsv } from '../../src/shared/csv';
import { i18n } from '../../src/i18n/i18n.svelte';
import { heatmapCsv } from '../../src/views/cohorts/cohort-csv';
import { rfmMapCsv, rfmSegmentsCsv } from '../../src/views/customers/customer-csv';
import { segmentKpiCsv } from '../../src/views/segments/segment-csv';
import { valueStreamCsv } from '../../src/views/valuestream/steps';
import { attributeValueText } from '../../src/app/app-state.svelte';
import { NOT_IN_MASTER } from '../../src/shared/attributes';
import type { Segment } from '../../src/analytics/rfm';
import type { KpiResult } from '../../src/analytics/kpis';
import type { VsmStep } from '../../src/shared/valuestream';

const lines = (text: string) => text.split('\r\n').slice(0, -1);
afterAll(() => (i18n.locale = 'en'));

describe('localeCsv, the one writer (also behind every chart CSV in ChartCard)', () => {
  const columns = [
    { header: 'Name' },
    { header: 'Umsatz', kind: 'number' as const, digits: 2 },
    { header: 'Anteil', kind: 'percent' as const },
  ];
  const rows = [
    ['=SUMME(A1:A9)', 1234.567, 0.352],
    ['+49 30 1234', -12.5, 1],
    ['-Nord', 0, 0.0004],
    ['@Kunde; "A"', null, null],
  ];
  it('German: `;`, decimal comma, percent numbers under "(%)", formulas neutralised', () => {
    expect(lines(localeCsv('de', columns, rows))).toEqual([
      'Name;Umsatz;Anteil (%)',
      "'=SUMME(A1:A9);1234,57;35,2",
      "'+49 30 1234;-12,5;100",
      "'-Nord;0;0",
      `"'@Kunde; ""A""";;`,
    ]);
  });
  it('English: `,` and decimal points', () => {
    expect(lines(localeCsv('en', columns, rows))).toEqual([
      'Name,Umsatz,Anteil (%)',
      "'=SUMME(A1:A9),1234.57,35.2",
      "'+49 30 1234,-12.5,100",
      "'-Nord,0,0",
      `"'@Kunde; ""A""",,`,
    ]);
  });
  it('numbers without grouping or exponent; file-name slugs', () => {
    expect(csvNumber(1234567.891, 'de')).toBe('1234567,89');
    expect(csvNumber(-0.001, 'en')).toBe('0');
    expect(csvNumber(0.5, 'de', 0)).toBe('1');
    expect(csvNumber(10, 'de', 0)).toBe('10');
    expect(csvNumber(100, 'en', 2)).toBe('100');
    expect(csvNumber(2.5, 'en', 3)).toBe('2.5');
    expect(fileSlug('Anteil aktiver Kunden')).toBe('anteil-aktiver-kunden');
    expect(fileSlug('Umsatz / Kunde (€)')).toBe('umsatz-kunde');
  });
});

describe('cohort heatmap', () => {
  const result = {
    cohorts: [
      { key: '2024-01', size: 10 },
      { key: '=HYPERLINK("x")', size: 4 },
    ],
    periods: 2,
    incomplete: [
      [false, true],
      [true, true],
    ],
  } as unknown as Parameters<typeof heatmapCsv>[0];
  it('German: shares in percent, German headers and file name', () => {
    i18n.locale = 'de';
    const f = heatmapCsv(
      result,
      [
        [1, 0.352],
        [1, null],
      ],
      'Anteil aktiver Kunden',
      true,
    );
    expect(f.fileName).toBe('kohorten-anteil-aktiver-kunden.csv');
    expect(lines(f.text)).toEqual([
      'Kohorte;Kunden;0 (%);1 (%);Erste unvollständige Periode',
      '2024-01;10;100;35,2;1',
      `"'=HYPERLINK(""x"")";4;100;;0`,
    ]);
  });
  it('grouped by a master attribute: customers without a master row in words', () => {
    i18n.locale = 'de';
    const grouped = { ...result, cohorts: [{ key: NOT_IN_MASTER, size: 3 }], incomplete: [[false, false]] };
    const f = heatmapCsv(
      grouped,
      [[1, 0.5]],
      'Anteil aktiver Kunden',
      true,
      attributeValueText,
      'Branche (Stammdaten)',
    );
    expect(lines(f.text)[0]).toBe('Branche (Stammdaten);Kunden;0 (%);1 (%);Erste unvollständige Periode');
    expect(lines(f.text)[1]).toBe('(nicht in den Stammdaten);3;100;50;');
  });
  it('English: amounts with decimal points', () => {
    i18n.locale = 'en';
    const f = heatmapCsv(
      result,
      [
        [120.5, 80.255],
        [99, null],
      ],
      'Revenue per customer',
      false,
    );
    expect(f.fileName).toBe('cohorts-revenue-per-customer.csv');
    expect(lines(f.text)).toEqual([
      'Cohort,Customers,0,1,First incomplete period',
      '2024-01,10,120.5,80.26,1',
      `"'=HYPERLINK(""x"")",4,99,,0`,
    ]);
  });
});

describe('RFM map and segment table', () => {
  const grid = Array.from({ length: 5 }, (_, r) =>
    Array.from({ length: 5 }, (_, f) => ({ customers: r * 5 + f, revenue: (r * 5 + f) * 100.25 })),
  );
  const gridSegments = Array.from({ length: 5 }, () => Array<Segment>(5).fill('champions'));
  const segments = [
    {
      segment: 'champions' as Segment,
      customers: 3,
      customerShare: 0.352,
      revenue: 1234.567,
      revenueShare: 0.5,
      margin: 0,
      meanRecencyDays: 12.25,
      meanOrders: 4.5,
      meanRevenue: 411.52,
    },
  ];
  it('German map: R, FM, segment, customers, revenue with a decimal comma', () => {
    i18n.locale = 'de';
    const f = rfmMapCsv({ grid, gridSegments });
    expect(f.fileName).toBe('rfm-karte.csv');
    const l = lines(f.text);
    expect(l[0]).toBe('R;FM;Segment;Kunden;Umsatz');
    // R = 5, FM = 2: grid[4][1] = 21 customers, 2105.25.
    expect(l[2]).toBe('5;2;Champions;21;2105,25');
    expect(l).toHaveLength(26);
  });
  it('German segment table: shares in percent, the user action formula-safe; English the same with `,`', () => {
    i18n.locale = 'de';
    const de = rfmSegmentsCsv({ segments }, () => '=cmd|"/c calc"!A1');
    expect(de.fileName).toBe('rfm-segmente.csv');
    expect(lines(de.text)).toEqual([
      'Segment;Kunden;Kundenanteil (%);Umsatz;Umsatzanteil (%);Ø Tage seit Kauf;Ø Bestellungen;Ø Umsatz;Empfohlene Maßnahme',
      `Champions;3;35,2;1234,57;50;12,3;4,5;411,52;"'=cmd|""/c calc""!A1"`,
    ]);
    i18n.locale = 'en';
    const en = rfmSegmentsCsv({ segments }, () => '@SUM(1)');
    expect(en.fileName).toBe('rfm-segments.csv');
    expect(lines(en.text)[1]).toBe("Champions,3,35.2,1234.57,50,12.3,4.5,411.52,'@SUM(1)");
  });
});

describe('segment KPI table', () => {
  const kpi = (v: number | null) => ({ value: v }) as KpiResult['kpis']['aov'];
  const result = {
    attribute: 'channel',
    rows: [
      {
        value: '-Nord',
        lines: 9,
        customers: 7,
        kpis: { clvHistoric: kpi(1234.5), churnRate: kpi(0.25) } as unknown as KpiResult['kpis'],
      },
    ],
  };
  const cols = [
    { id: 'clvHistoric' as const, format: 'money' as const },
    { id: 'churnRate' as const, format: 'pct' as const },
  ];
  it('German: `;`, percent, decimal comma, the value formula-safe, a German file name', () => {
    i18n.locale = 'de';
    const f = segmentKpiCsv(result, 'Kanal', cols);
    expect(f.fileName).toBe('segmente-kanal.csv');
    expect(lines(f.text)).toEqual([
      'Kanal;Kunden;Historischer Kundenwert;Abwanderung (Jahr) (%)',
      "'-Nord;7;1234,5;25",
    ]);
  });
  it('customers without a master row: the value in words of the UI language, not the stored marker', () => {
    const master = { ...result, rows: [{ ...result.rows[0], value: NOT_IN_MASTER }] };
    i18n.locale = 'de';
    expect(lines(segmentKpiCsv(master, 'Branche (Stammdaten)', cols, attributeValueText).text)[1]).toBe(
      '(nicht in den Stammdaten);7;1234,5;25',
    );
    i18n.locale = 'en';
    expect(lines(segmentKpiCsv(master, 'Industry (master data)', cols, attributeValueText).text)[1]).toBe(
      '(not in master data),7,1234.5,25',
    );
  });
  it('English', () => {
    i18n.locale = 'en';
    const f = segmentKpiCsv(result, 'Channel', cols);
    expect(f.fileName).toBe('segments-channel.csv');
    expect(lines(f.text)[1]).toBe("'-Nord,7,1234.5,25");
  });
});

describe('value stream map', () => {
  const steps: VsmStep[] = [
    {
      id: 'a',
      name: '=1+2',
      phase: 'delivery',
      owner: 'Lager; Versand',
      processHours: 1.5,
      waitDays: 2,
      costPerCustomer: 12.75,
      rating: 'valueAdding',
      handoff: true,
    },
  ];
  const labels = {
    columns: {
      name: 'Schritt',
      phase: 'Phase',
      owner: 'Team',
      processHours: 'Std.',
      waitDays: 'Tage',
      costPerCustomer: 'Kosten',
      rating: 'Wert',
      handoff: 'Übergabe',
      start: 'Beginn',
      end: 'Ende',
    },
    phaseLabel: () => 'Lieferung',
    ratingLabel: () => 'wertschöpfend',
    yes: 'ja',
    no: 'nein',
  };
  const figures = { stepStartDays: [0], stepEndDays: [2.0625] };
  it('German: `;` and decimal comma, the step name formula-safe', () => {
    expect(lines(valueStreamCsv('de', steps, figures, labels))).toEqual([
      'Schritt;Phase;Team;Std.;Tage;Kosten;Wert;Übergabe;Beginn;Ende',
      '\'=1+2;Lieferung;"Lager; Versand";1,5;2;12,75;wertschöpfend;ja;0;2,063',
    ]);
  });
  it('English: `,` and decimal points', () => {
    expect(lines(valueStreamCsv('en', steps, figures, labels))[1]).toBe(
      "'=1+2,Lieferung,Lager; Versand,1.5,2,12.75,wertschöpfend,ja,0,2.063",
    );
  });
});
