/**
 * The seam for import sources: a small source defined here, not in the app (a customer id, a region, a yearly
 * revenue, a first-contact date, other columns as attributes), runs through the real pipeline: sniffing, the mapping
 * proposal from German and English headers, parsing, validation, rejects with their reasons, the preview and the
 * columns stored in the memory sink.
 */
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/ingest/sniff';
import { defaultOptions, missingRoles, proposeImport, proposeMapping } from '../../src/ingest/mapping';
import { runImport } from '../../src/ingest/import';
import { previewRows } from '../../src/ingest/preview';
import { MemorySink } from '../../src/ingest/memory-sink';
import { bytesSource } from '../../src/ingest/parse';
import { NO_DAY } from '../../src/ingest/columnize';
import { defineSource, type DeclaredField } from '../../src/ingest/sources/define';
import { describeSource, sourceOf } from '../../src/ingest/sources/registry';
import { orders } from '../../src/ingest/sources/orders';

const accounts = defineSource({
  id: 'test-accounts',
  fields: [
    {
      role: 'customer',
      kind: 'id',
      required: true,
      synonyms: ['kundennummer', 'kundennr', 'customerid', 'customer', 'kunde'],
      missing: 'missingCustomer',
      preview: 'customer',
    },
    { role: 'region', kind: 'code', synonyms: ['region', 'land', 'country'] },
    {
      role: 'amount',
      kind: 'number',
      synonyms: ['umsatz', 'revenue'],
      partial: ['umsatz', 'revenue'],
      invalid: 'badAmount',
      preview: 'amount',
    },
    {
      role: 'date',
      kind: 'day',
      synonyms: ['erstkontakt', 'firstcontact'],
      invalid: 'badDate',
      preview: 'date',
    },
  ],
  attributes: true,
  attributeNames: ['branche', 'industry'],
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

// Line numbers on the right: what the rejects must report.
const GERMAN = [
  'Land;Kundennr.;Jahresumsatz EUR;Erstkontakt;Branche;Notiz', // 1
  'DE;K-001;1.234,50;15.03.2023;Handel;a', // 2 ok
  'AT;K-002;;01.02.2024;Industrie;b', // 3 ok, no revenue
  'DE;;99,00;01.01.2024;Handel;c', // 4 missingCustomer
  'CH;K-004;viel;02.01.2024;Handel;d', // 5 badAmount
  ';K-005;10,00;;Handel;e', // 6 ok, no region, no date
  'DE;K-001;5,00;31.02.2024;Handel;f', // 7 badDate (no 31 February)
  'DE;K-006;20,00;03.01.2024;Handel;g', // 8 ok
  'AT;K-007;30,00;04.01.2024;Industrie;h', // 9 ok
  'AT;K-008;40,00;05.01.2024;Industrie;i', // 10 ok
  'CH;K-009;50,00;06.01.2024;Handel;j', // 11 ok
  'CH;K-010;60,00;07.01.2024;Handel;k', // 12 ok
  'Hinweis: Export unvollständig', // 13 tooFewFields
  'Summe;;1.568,50;;;', // 14 totalRow
].join('\n');

const ENGLISH = [
  'Customer ID,Country,Annual revenue,First contact,Industry',
  'C1,US,"1,200.50",2023-03-15,Retail',
  'C2,UK,300,2024-02-01,Manufacturing',
  'C3,US,75.25,2022-12-31,Retail',
].join('\n');

async function importWith(text: string, name: string) {
  const bytes = utf8(text);
  const s = sniff(bytes, name, bytes.length);
  const options = defaultOptions(s, proposeMapping(s, accounts), accounts);
  const sink = new MemorySink();
  const result = await runImport(bytesSource(bytes), options, s.headers, sink, {}, accounts);
  return { bytes, s, options, sink, result };
}

describe('a source defined outside the app runs through the import pipeline', () => {
  it('proposes the mapping from German headers, with a header that has extra words', () => {
    const bytes = utf8(GERMAN);
    const s = sniff(bytes, 'Kunden.csv', bytes.length);
    expect(proposeMapping(s, accounts)).toEqual({
      roles: { region: 0, customer: 1, amount: 2, date: 3 },
      attributes: [{ index: 4, name: 'Branche' }],
      dateFormat: 'dmy-dot',
      cancelPrefix: '',
    });
  });

  it('proposes the mapping from English headers', () => {
    const bytes = utf8(ENGLISH);
    const s = sniff(bytes, 'accounts.csv', bytes.length);
    expect(proposeMapping(s, accounts)).toEqual({
      roles: { customer: 0, region: 1, amount: 2, date: 3 },
      attributes: [{ index: 4, name: 'Industry' }],
      dateFormat: 'iso',
      cancelPrefix: '',
    });
  });

  it('imports, rejects with reasons and line numbers, and stores one column per mapped field', async () => {
    const { options, sink, result } = await importWith(GERMAN, 'Kunden.csv');
    expect(options.source).toBe('test-accounts');
    expect(result.summary).toMatchObject({
      rowsRead: 13,
      imported: 8,
      rejected: 5,
      blankLines: 0,
      rejectReasons: { missingCustomer: 1, badAmount: 1, badDate: 1, tooFewFields: 1, totalRow: 1 },
      customers: 8,
      firstDate: '2023-03-15',
      lastDate: '2024-02-01',
      hasAmount: false,
    });
    expect(sink.rejects.map((r) => [r.line, r.reason, r.raw])).toEqual([
      [4, 'missingCustomer', 'DE;;99,00;01.01.2024;Handel;c'],
      [5, 'badAmount', 'CH;K-004;viel;02.01.2024;Handel;d'],
      [7, 'badDate', 'DE;K-001;5,00;31.02.2024;Handel;f'],
      [13, 'tooFewFields', 'Hinweis: Export unvollständig'],
      [14, 'totalRow', 'Summe;;1.568,50;;;'],
    ]);
    expect(result.columns).toEqual([
      { key: 'customer', kind: 'code', label: 'Kundennr.' },
      { key: 'region', kind: 'code', label: 'Land' },
      { key: 'amount', kind: 'number', label: 'Jahresumsatz EUR' },
      { key: 'date', kind: 'day', label: 'Erstkontakt' },
      { key: 'attr:Branche', kind: 'code', label: 'Branche' },
    ]);
    expect(result.dictionaries).toEqual({
      customer: ['K-001', 'K-002', 'K-005', 'K-006', 'K-007', 'K-008', 'K-009', 'K-010'],
      region: ['DE', 'AT', '', 'CH'],
      'attr:Branche': ['Handel', 'Industrie'],
    });
    expect(sink.chunks).toHaveLength(1);
    const c = sink.chunks[0];
    expect(c.rows).toBe(8);
    expect(Object.keys(c.columns).sort()).toEqual(['amount', 'attr:Branche', 'customer', 'date', 'region']);
    expect([...new Int32Array(c.columns.customer)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...new Int32Array(c.columns.region)]).toEqual([0, 1, 2, 0, 1, 1, 3, 3]);
    expect([...new Float64Array(c.columns.amount)]).toEqual([1234.5, NaN, 10, 20, 30, 40, 50, 60]);
    expect([...new Int32Array(c.columns.date)]).toEqual([
      day('2023-03-15'),
      day('2024-02-01'),
      NO_DAY,
      day('2024-01-03'),
      day('2024-01-04'),
      day('2024-01-05'),
      day('2024-01-06'),
      day('2024-01-07'),
    ]);
    expect([...new Int32Array(c.columns['attr:Branche'])]).toEqual([0, 1, 0, 0, 1, 1, 0, 0]);
  });

  it('reads English numbers and ISO dates the same way', async () => {
    const { sink, result } = await importWith(ENGLISH, 'accounts.csv');
    expect(result.summary).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0, customers: 3 });
    const c = sink.chunks[0];
    expect([...new Float64Array(c.columns.amount)]).toEqual([1200.5, 300, 75.25]);
    expect([...new Int32Array(c.columns.date)]).toEqual([
      day('2023-03-15'),
      day('2024-02-01'),
      day('2022-12-31'),
    ]);
    expect(result.dictionaries.region).toEqual(['US', 'UK']);
    expect(result.dictionaries['attr:Industry']).toEqual(['Retail', 'Manufacturing']);
  });

  it('judges the preview rows like the import, with the normalized values of its preview slots', async () => {
    const bytes = utf8(GERMAN);
    const s = sniff(bytes, 'Kunden.csv', bytes.length);
    const options = defaultOptions(s, proposeMapping(s, accounts), accounts);
    const rows = await previewRows(bytes, bytes.length, options, 40, accounts);
    expect(rows.map((r) => [r.line, r.problem, r.problemColumn])).toEqual([
      [2, null, null],
      [3, null, null],
      [4, 'missingCustomer', 1],
      [5, 'badAmount', 2],
      [6, null, null],
      [7, 'badDate', 3],
      [8, null, null],
      [9, null, null],
      [10, null, null],
      [11, null, null],
      [12, null, null],
      [13, 'tooFewFields', null],
      [14, 'totalRow', 1],
    ]);
    expect(rows[0]).toMatchObject({ customer: 'K-001', date: '2023-03-15', amount: 1234.5, isReturn: false });
    expect(rows[1]).toMatchObject({ customer: 'K-002', date: '2024-02-01', amount: null });
    expect(rows[4]).toMatchObject({ customer: 'K-005', date: null, amount: 10 });
  });

  it('names the missing required roles and refuses to import without them', async () => {
    expect(missingRoles({}, accounts)).toEqual(['customer']);
    expect(missingRoles({ region: 0 }, accounts)).toEqual(['customer']);
    expect(missingRoles({ customer: 1 }, accounts)).toEqual([]);
    const bytes = utf8(GERMAN);
    const s = sniff(bytes, 'Kunden.csv', bytes.length);
    const options = { ...defaultOptions(s, proposeMapping(s, accounts), accounts), roles: { region: 0 } };
    await expect(
      runImport(bytesSource(bytes), options, s.headers, new MemorySink(), {}, accounts),
    ).rejects.toMatchObject({ code: 'missingRequired' });
  });

  it('describes itself to the mapping step as plain data', () => {
    const spec = describeSource(accounts);
    expect(structuredClone(spec)).toEqual(spec);
    expect(spec).toEqual({
      id: 'test-accounts',
      fields: [
        { role: 'customer', kind: 'id', required: true, labelKey: 'role.customer' },
        { role: 'region', kind: 'code', required: false, labelKey: 'role.region' },
        { role: 'amount', kind: 'number', required: false, labelKey: 'role.amount' },
        { role: 'date', kind: 'day', required: false, labelKey: 'role.date' },
      ],
      recommended: null,
      cancelMarker: null,
      attributes: true,
      duplicates: false,
      currency: false,
      preview: ['customer', 'amount', 'date'],
    });
  });

  it('refuses an incomplete declaration', () => {
    const field = (f: Partial<DeclaredField>): DeclaredField => ({
      role: 'customer',
      kind: 'id',
      synonyms: [],
      ...f,
    });
    expect(() => defineSource({ id: 'x', attributes: false, fields: [field({ required: true })] })).toThrow(
      /reason when missing/,
    );
    expect(() => defineSource({ id: 'x', attributes: false, fields: [field({ kind: 'number' })] })).toThrow(
      /reason when unreadable/,
    );
    expect(() => defineSource({ id: 'x', attributes: false, fields: [field({}), field({})] })).toThrow(
      /declared twice/,
    );
  });
});

describe('order lines through the same seam', () => {
  it('are the default source and offer the mapping step the roles it always had', () => {
    expect(sourceOf({})).toBe(orders);
    expect(sourceOf({ source: 'orders' })).toBe(orders);
    expect(() => sourceOf({ source: 'nope' })).toThrow(/Unknown import source/);
    const spec = describeSource(orders);
    expect(spec.fields.map((f) => f.role)).toEqual([
      'customer',
      'date',
      'amount',
      'quantity',
      'unitPrice',
      'orderId',
      'product',
      'category',
      'channel',
      'region',
      'cost',
      'margin',
    ]);
    expect(spec.fields.filter((f) => f.required).map((f) => f.role)).toEqual(['customer', 'date']);
    expect(spec.recommended?.anyOf).toEqual([['amount'], ['quantity', 'unitPrice']]);
    expect(spec).toMatchObject({
      cancelMarker: 'orderId',
      attributes: true,
      duplicates: true,
      currency: true,
    });
    expect(spec.preview).toEqual(['customer', 'date', 'amount', 'isReturn']);
  });

  it('the sniff answer carries the options and the plain description of their source', () => {
    const bytes = utf8('Kunde;Datum;Betrag\nA;01.02.2024;1,50\n');
    const s = sniff(bytes, 'x.csv', bytes.length);
    const answer = proposeImport(s);
    expect(answer.options).toEqual(defaultOptions(s));
    expect(answer.options.source).toBeUndefined();
    expect(answer.source).toEqual(describeSource(orders));
    expect(structuredClone(answer)).toEqual(answer);
  });
});
