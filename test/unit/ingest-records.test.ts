/**
 * The two record sources, customer master data and marketing spend, through the real pipeline: sniff → proposal →
 * import → stored columns, in German (Windows-1252, `;`, decimal comma) and English, with bad rows rejected with
 * their reasons and line numbers.
 */
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/ingest/sniff';
import { defaultOptions, proposeMapping } from '../../src/ingest/mapping';
import { runImport } from '../../src/ingest/import';
import { previewRows } from '../../src/ingest/preview';
import { MemorySink } from '../../src/ingest/memory-sink';
import { bytesSource } from '../../src/ingest/parse';
import { NO_DAY } from '../../src/ingest/columnize';
import { describeSource, sourceById } from '../../src/ingest/sources/registry';
import type { ImportSource } from '../../src/ingest/sources/types';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** Windows-1252 bytes of a Latin-1 text (every character used here is below U+0100). */
const cp1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function importWith(bytes: Uint8Array, name: string, source: ImportSource) {
  const s = sniff(bytes, name, bytes.length);
  const options = defaultOptions(s, proposeMapping(s, source), source);
  const sink = new MemorySink();
  const result = await runImport(bytesSource(bytes), options, s.headers, sink, {}, source);
  return { s, options, sink, result };
}

const customers = sourceById('customers');
const spend = sourceById('spend');

const MASTER_DE = [
  'Kundennummer;Firma;Branche;Region;Unternehmensgröße;Akquisekanal;Erstkontakt;Support-Tickets;Servicekosten;NPS;Kundengruppe', // 1
  'K-001;Müller GmbH;Großhandel;Bayern;10-49;Messe;15.03.2022;3;1.234,50 EUR;9;A', // 2 ok
  ';Ohne Nummer AG;Handel;NRW;1-9;Messe;01.01.2023;1;10,00;7;B', // 3 missingCustomer
  'K-003;Schmidt KG;Industrie;NRW;50-249;Google Ads;01.02.2023;0;0,00;11;B', // 4 badScore
  'K-004;Weber & Söhne;Handel;Bayern;1-9;Empfehlung;;;;;A', // 5 ok, blanks
  'K-005;Fischer OHG;Industrie;Hessen;250+;Google Ads;30.02.2023;2;5,00;8;A', // 6 badDate
  'K-006;Koch GmbH;Handel;Hessen;10-49;Messe;01.06.2023;viele;5,00;8;A', // 7 badNumber
  'K-007;Wagner AG;Industrie;Bayern;50-249;Empfehlung;01.07.2023;4;12,50 $;6;B', // 8 otherCurrency
  'K-008;Becker;Handel;NRW;1-9;Messe;01.08.2023;0;0;10;A', // 9 ok (10 is on the scale)
  'Summe;;;;;;;10;1.252,00;;', // 10 totalRow
  'K-009;Schulz;Handel;NRW;1-9;Messe;02.08.2023;1;1,00;5;A', // 11 ok
  'K-010;Hoffmann;Handel;NRW;1-9;Messe;03.08.2023;1;1,00;5;A', // 12 ok
  'K-011;Schäfer;Handel;NRW;1-9;Messe;04.08.2023;1;1,00;5;A', // 13 ok
].join('\r\n');

describe('customer master data', () => {
  it('proposes every field from German headers, keeps the customer group as an attribute', () => {
    const bytes = cp1252(MASTER_DE);
    const s = sniff(bytes, 'Kunden.csv', bytes.length);
    expect(s.encoding).toBe('windows-1252');
    expect(proposeMapping(s, customers)).toEqual({
      roles: {
        firstContact: 6,
        customer: 0,
        name: 1,
        industry: 2,
        region: 3,
        companySize: 4,
        acquisitionChannel: 5,
        tickets: 7,
        serviceCost: 8,
        nps: 9,
      },
      attributes: [{ index: 10, name: 'Kundengruppe' }],
      dateFormat: 'dmy-dot',
      cancelPrefix: '',
    });
  });

  it('imports German master data, rejecting with reasons and line numbers', async () => {
    const { options, sink, result } = await importWith(cp1252(MASTER_DE), 'Kunden.csv', customers);
    expect(options.source).toBe('customers');
    expect(options.currency).toBe('EUR');
    expect(result.summary).toMatchObject({
      rowsRead: 12,
      imported: 6,
      rejected: 6,
      rejectReasons: {
        missingCustomer: 1,
        badScore: 1,
        badDate: 1,
        badNumber: 1,
        otherCurrency: 1,
        totalRow: 1,
      },
      customers: 6,
      firstDate: '2022-03-15',
      lastDate: '2023-08-04',
    });
    expect(sink.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'missingCustomer'],
      [4, 'badScore'],
      [6, 'badDate'],
      [7, 'badNumber'],
      [8, 'otherCurrency'],
      [10, 'totalRow'],
    ]);
    expect(sink.rejects[0].raw).toBe(';Ohne Nummer AG;Handel;NRW;1-9;Messe;01.01.2023;1;10,00;7;B');
    expect(result.dictionaries.customer).toEqual(['K-001', 'K-004', 'K-008', 'K-009', 'K-010', 'K-011']);
    expect(result.dictionaries.name.slice(0, 3)).toEqual(['Müller GmbH', 'Weber & Söhne', 'Becker']);
    expect(result.dictionaries.name[5]).toBe('Schäfer');
    expect(result.dictionaries.companySize).toEqual(['10-49', '1-9']);
    expect(result.dictionaries['attr:Kundengruppe']).toEqual(['A']);
    const c = sink.chunks[0];
    const first3 = (key: string) => [...new Float64Array(c.columns[key])].slice(0, 3);
    expect([...new Int32Array(c.columns.firstContact)].slice(0, 3)).toEqual([
      day('2022-03-15'),
      NO_DAY,
      day('2023-08-01'),
    ]);
    expect(first3('serviceCost')).toEqual([1234.5, NaN, 0]);
    expect(first3('tickets')).toEqual([3, NaN, 0]);
    expect(first3('nps')).toEqual([9, NaN, 10]);
    expect(result.columns.map((x) => [x.key, x.kind, x.label])).toEqual([
      ['customer', 'code', 'Kundennummer'],
      ['name', 'code', 'Firma'],
      ['industry', 'code', 'Branche'],
      ['region', 'code', 'Region'],
      ['companySize', 'code', 'Unternehmensgröße'],
      ['acquisitionChannel', 'code', 'Akquisekanal'],
      ['firstContact', 'day', 'Erstkontakt'],
      ['tickets', 'number', 'Support-Tickets'],
      ['serviceCost', 'number', 'Servicekosten'],
      ['nps', 'number', 'NPS'],
      ['attr:Kundengruppe', 'code', 'Kundengruppe'],
    ]);
  });

  it('imports English master data with other header words', async () => {
    const text = [
      'Customer ID,Company,Sector,Country,Company size,Acquisition channel,First contact,Last contact,Tickets,Service cost,Recommendation score',
      'C1,Acme,Retail,US,10-49,Google Ads,2023-03-15,2024-01-10,2,"1,200.50",8',
      'C2,Globex,Manufacturing,UK,250+,Referral,2022-12-31,,0,0,-1',
      'C3,Initech,Retail,US,1-9,Referral,,,1,15,',
    ].join('\n');
    const { options, sink, result } = await importWith(utf8(text), 'customers.csv', customers);
    expect(options.roles).toEqual({
      firstContact: 6,
      lastContact: 7,
      customer: 0,
      name: 1,
      industry: 2,
      region: 3,
      companySize: 4,
      acquisitionChannel: 5,
      tickets: 8,
      serviceCost: 9,
      nps: 10,
    });
    expect(result.summary).toMatchObject({
      rowsRead: 3,
      imported: 2,
      rejected: 1,
      rejectReasons: { badScore: 1 },
    });
    expect(sink.rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'badScore']]);
    const c = sink.chunks[0];
    expect([...new Float64Array(c.columns.serviceCost)]).toEqual([1200.5, 15]);
    expect([...new Int32Array(c.columns.lastContact)]).toEqual([day('2024-01-10'), NO_DAY]);
  });

  it('describes its fields to the mapping step', () => {
    const spec = describeSource(customers);
    expect(spec.fields.filter((f) => f.required).map((f) => f.role)).toEqual(['customer']);
    expect(spec).toMatchObject({ attributes: true, duplicates: false, currency: true, cancelMarker: null });
  });
});

const SPEND_DE = [
  'Monat;Kanal;Kosten;Impressionen;Klicks;Leads;Neukunden;Zweck', // 1
  '01.2023;Google Ads;1.500,00;120.000;2.400;60;12;Neukunden', // 2 ok
  '02.2023;Messe;5.000,00;;;40;8;Akquise', // 3 ok
  'Feb 2023;Newsletter;250,50;10.000;500;;;Bestandskunden', // 4 ok
  '13.2023;Google Ads;1.000,00;1;1;1;1;Neukunden', // 5 badPeriod
  '03.2023;Google Ads;teuer;1;1;1;1;Neukunden', // 6 badAmount
  '03.2023;;100,00;1;1;1;1;Neukunden', // 7 ok: no channel, counts in the blended figures
  '03.2023;Messe;;1;1;1;1;Neukunden', // 8 missingAmount
  ';Messe;100,00;1;1;1;1;Neukunden', // 9 missingPeriod
  '15.03.2023;Messe;100,00;1;1;zwei;1;Neukunden', // 10 badNumber
  'Summe;;6.750,50;;;;;', // 11 totalRow
  '04.2023;Google Ads;1.000,00;1.000;100;10;2;Neukunden', // 12 ok
  '04.2023;Messe;1.000,00;1.000;100;10;2;Neukunden', // 13 ok
  '05.2023;Google Ads;1.000,00;1.000;100;10;2;Neukunden', // 14 ok
  '05.2023;Messe;1.000,00;1.000;100;10;2;Neukunden', // 15 ok
  '06.2023;Google Ads;1.000,00;1.000;100;10;2;Neukunden', // 16 ok
].join('\r\n');

describe('marketing spend', () => {
  it('proposes every field from German headers, the months included', () => {
    const bytes = cp1252(SPEND_DE);
    const s = sniff(bytes, 'Marketing.csv', bytes.length);
    expect(proposeMapping(s, spend).roles).toEqual({
      period: 0,
      channel: 1,
      amount: 2,
      impressions: 3,
      clicks: 4,
      leads: 5,
      newCustomers: 6,
      purpose: 7,
    });
  });

  it('imports German spend: months as their first day, bad rows with their reasons and lines', async () => {
    const { sink, result } = await importWith(cp1252(SPEND_DE), 'Marketing.csv', spend);
    expect(result.summary).toMatchObject({
      rowsRead: 15,
      imported: 9,
      rejected: 6,
      rejectReasons: {
        badPeriod: 1,
        badAmount: 1,
        missingAmount: 1,
        missingPeriod: 1,
        badNumber: 1,
        totalRow: 1,
      },
      firstDate: '2023-01-01',
      lastDate: '2023-06-01',
    });
    expect(sink.rejects.map((r) => [r.line, r.reason])).toEqual([
      [5, 'badPeriod'],
      [6, 'badAmount'],
      [8, 'missingAmount'],
      [9, 'missingPeriod'],
      [10, 'badNumber'],
      [11, 'totalRow'],
    ]);
    const c = sink.chunks[0];
    const first3 = (key: string) => [...new Float64Array(c.columns[key])].slice(0, 3);
    expect([...new Int32Array(c.columns.period)].slice(0, 4)).toEqual([
      day('2023-01-01'),
      day('2023-02-01'),
      day('2023-02-01'),
      day('2023-03-01'),
    ]);
    expect(first3('amount')).toEqual([1500, 5000, 250.5]);
    expect(first3('impressions')).toEqual([120000, NaN, 10000]);
    expect(first3('newCustomers')).toEqual([12, 8, NaN]);
    expect(result.dictionaries.channel).toEqual(['Google Ads', 'Messe', 'Newsletter', '']);
    expect(result.dictionaries.purpose).toEqual(['Neukunden', 'Akquise', 'Bestandskunden']);
  });

  it('imports a file of months and amounts alone (no channel column)', async () => {
    const text = ['Monat;Werbekosten', '01.2024;1.000,00', '02.2024;1.250,50'].join('\r\n');
    const { options, result, sink } = await importWith(cp1252(text), 'Werbung.csv', spend);
    expect(options.roles).toEqual({ period: 0, amount: 1 });
    expect(result.summary).toMatchObject({ imported: 2, rejected: 0 });
    expect([...new Float64Array(sink.chunks[0].columns.amount)]).toEqual([1000, 1250.5]);
  });

  it('imports English spend with ISO months and dates', async () => {
    const text = [
      'Month,Channel,Spend,Impressions,Clicks,Leads,New customers,Purpose',
      '2024-03,Google Ads,"1,250.00",50000,900,30,6,acquisition',
      'March 2024,Newsletter,99.90,,,,,existing',
      '2024-04-15,Google Ads,800,,,,,acquisition',
      'Mar 2O24,Google Ads,10,,,,,acquisition',
    ].join('\n');
    const { options, sink, result } = await importWith(utf8(text), 'spend.csv', spend);
    expect(options.roles.period).toBe(0);
    expect(result.summary).toMatchObject({ imported: 3, rejected: 1, rejectReasons: { badPeriod: 1 } });
    expect(sink.rejects.map((r) => [r.line, r.reason])).toEqual([[5, 'badPeriod']]);
    const c = sink.chunks[0];
    expect([...new Int32Array(c.columns.period)]).toEqual([
      day('2024-03-01'),
      day('2024-03-01'),
      day('2024-04-15'),
    ]);
    expect([...new Float64Array(c.columns.amount)]).toEqual([1250, 99.9, 800]);
  });

  it('judges the preview like the import', async () => {
    const bytes = cp1252(SPEND_DE);
    const s = sniff(bytes, 'Marketing.csv', bytes.length);
    const options = defaultOptions(s, proposeMapping(s, spend), spend);
    const rows = await previewRows(bytes, bytes.length, options, 40, spend);
    expect(rows.map((r) => r.problem)).toEqual([
      null,
      null,
      null,
      'badPeriod',
      'badAmount',
      null,
      'missingAmount',
      'missingPeriod',
      'badNumber',
      'totalRow',
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(rows[0]).toMatchObject({ date: '2023-01-01', amount: 1500, customer: null });
  });
});
