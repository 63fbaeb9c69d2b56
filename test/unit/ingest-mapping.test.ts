import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../scripts/generate-demo.mjs';
import { sniff } from '../../src/ingest/sniff';
import { defaultOptions, missingRoles, normalizeHeader, proposeMapping } from '../../src/ingest/mapping';
import { runImport } from '../../src/ingest/import';
import { bytesSource } from '../../src/ingest/parse';
import { MemorySink } from '../../src/ingest/memory-sink';
import { api } from '../../src/worker/api';
import { AppFailure } from '../../src/shared/errors';
import type { ImportOptions, ImportProgress } from '../../src/shared/types';
import { GERMAN, GERMAN_ITEMS, US, CDNOW } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);
const sniffBytes = (bytes: Uint8Array, name = 'test.csv') => sniff(bytes, name, bytes.length);
const propose = (text: string) => proposeMapping(sniffBytes(utf8(text)));

/** Runs the whole pipeline as the app does: sniff, default mapping (optionally edited), import into memory. */
async function importBytes(bytes: Uint8Array, name: string, edit?: (o: ImportOptions) => ImportOptions) {
  const s = sniffBytes(bytes, name);
  const options = edit ? edit(defaultOptions(s)) : defaultOptions(s);
  const sink = new MemorySink();
  const result = await runImport(bytesSource(bytes), options, s.headers, sink);
  const col = <T extends Float64Array | Int32Array | Uint8Array>(
    key: string,
    ctor: { new (values: ArrayLike<number>): T },
  ) => sink.column(key, ctor).flatMap((a) => [...a]);
  return { s, options, sink, result, summary: result.summary, col };
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    return e as AppFailure;
  }
  throw new Error('expected a failure');
}

describe('normalizeHeader', () => {
  it.each([
    ['Kundennummer', 'kundennummer'],
    ['Kunden-Nr.', 'kundennr'],
    ['KD_NR', 'kdnr'],
    ['Stückpreis', 'stueckpreis'],
    ['STÜCKPREIS', 'stueckpreis'],
    ['Einzelpreis (€)', 'einzelpreis'],
    ['Größe', 'groesse'],
    ['Straße', 'strasse'],
    ['Customer ID', 'customerid'],
    ['Order Date', 'orderdate'],
    ['Invoice_No', 'invoiceno'],
    ['  Amount  ', 'amount'],
    ['\ufeffKundennummer', 'kundennummer'],
    ['#3', '3'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('proposeMapping', () => {
  it('a German export with Kundennummer, Rechnungsdatum, Betrag, a cancellation marker and an attribute', () => {
    const p = proposeMapping(sniffBytes(encodeWindows1252(GERMAN)));
    expect(p).toEqual({
      roles: { date: 1, customer: 2, amount: 4, orderId: 0 },
      attributes: [{ index: 5, name: 'Branche' }],
      dateFormat: 'dmy-dot',
      cancelPrefix: 'C',
    });
  });

  it('German line items: Kunde, Datum, Menge × Einzelpreis, Artikel, Region', () => {
    const p = proposeMapping(sniffBytes(encodeWindows1252(GERMAN_ITEMS)));
    expect(p).toEqual({
      roles: { date: 1, customer: 2, quantity: 4, unitPrice: 5, orderId: 0, product: 3, region: 6 },
      attributes: [],
      dateFormat: 'dmy-dot',
      cancelPrefix: '',
    });
  });

  it('a US export: Customer ID, Order Date, Amount, Order ID, Country', () => {
    expect(proposeMapping(sniffBytes(utf8(US)))).toEqual({
      roles: { date: 1, customer: 2, amount: 4, orderId: 0, region: 5 },
      attributes: [],
      dateFormat: 'mdy-slash',
      cancelPrefix: '',
    });
  });

  it('the Online Retail header with a C cancellation among numeric invoice numbers', () => {
    const p = propose(
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
        '536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850.0,United Kingdom\n' +
        '536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,17850.0,United Kingdom\n' +
        'C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom\n' +
        '536380,22961,JAM MAKING SET,24,12/13/2010 9:41,1.45,17809.0,United Kingdom\n',
    );
    expect(p).toEqual({
      roles: { date: 4, customer: 6, quantity: 3, unitPrice: 5, orderId: 0, product: 1, region: 7 },
      attributes: [],
      dateFormat: 'mdy-slash',
      cancelPrefix: 'C',
    });
  });

  it('every optional role and the attribute columns', () => {
    const p = propose(
      'Customer ID,Order Date,Amount,Order No,SKU,Category,Channel,Region,Cost,Segment,Industry,Notes\n' +
        'C1,2024-01-01,10.00,O1,P1,Books,Web,North,4.00,B2B,Retail,hello\n' +
        'C2,2024-01-02,20.00,O2,P2,Music,Shop,South,8.00,B2C,Media,world\n',
    );
    expect(p.roles).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
      orderId: 3,
      product: 4,
      category: 5,
      channel: 6,
      region: 7,
      cost: 8,
    });
    expect(p.attributes).toEqual([
      { index: 9, name: 'Segment' },
      { index: 10, name: 'Industry' },
    ]);
    expect(p.dateFormat).toBe('iso');
  });

  it('German synonyms: Kunden-Nr., Belegdatum, Stückpreis, Anzahl, Warengruppe, Kanal, Deckungsbeitrag', () => {
    const p = propose(
      'Kunden-Nr.;Belegdatum;Anzahl;Stückpreis;Warengruppe;Kanal;Deckungsbeitrag;Kundengruppe\n' +
        'K1;01.01.2024;2;3,50;Brot;Laden;1,20;Gastro\n' +
        'K2;02.01.2024;1;9,99;Torte;Online;4,00;Privat\n',
    );
    expect(p.roles).toEqual({
      customer: 0,
      date: 1,
      quantity: 2,
      unitPrice: 3,
      category: 4,
      channel: 5,
      margin: 6,
    });
    expect(p.attributes).toEqual([{ index: 7, name: 'Kundengruppe' }]);
    expect(p.dateFormat).toBe('dmy-dot');
  });

  it('earlier synonyms win: Kundennummer over Kunde, Customer ID over Customer, Betrag over Nettobetrag', () => {
    expect(propose('Kunde;Kundennummer;Datum\nA;1;01.01.2024\n').roles).toEqual({ customer: 1, date: 2 });
    expect(propose('Customer,Customer ID,Date\nA,1,2024-01-01\n').roles).toEqual({ customer: 1, date: 2 });
    expect(propose('Nettobetrag;Betrag;Datum;Kunde\n1,00;2,00;01.01.2024;A\n').roles).toEqual({
      amount: 1,
      date: 2,
      customer: 3,
    });
  });

  it('checks the content: a "Datum" column without dates is skipped for one that has dates', () => {
    const p = propose('Kunde;Datum;Betrag;Buchung\nA;gestern;1,00;01.01.2024\nB;heute;2,00;02.01.2024\n');
    expect(p.roles).toEqual({ date: 3, customer: 0, amount: 2 });
    expect(p.dateFormat).toBe('dmy-dot');
  });

  it('checks the content: a "Betrag" column without numbers is not the amount', () => {
    expect(propose('Kunde;Datum;Betrag\nA;01.01.2024;viel\nB;02.01.2024;wenig\n').roles).toEqual({
      customer: 0,
      date: 1,
    });
  });

  it('without a header: the date by content, the customer as the first column with repeated values', () => {
    const p = proposeMapping(sniffBytes(utf8(CDNOW)));
    expect(p).toEqual({
      roles: { date: 1, customer: 0 },
      attributes: [],
      dateFormat: 'ymd-compact',
      cancelPrefix: '',
    });
  });

  it('prefers a date column that is not a plain number', () => {
    // Column a holds YYYYMMDD numbers, column b dd.mm.yyyy: both are dates, b wins because a is all integers.
    const p = propose('a;b;c\n20240101;02.01.2024;x\n20240102;03.01.2024;y\n');
    expect(p.roles.date).toBe(1);
    expect(p.dateFormat).toBe('dmy-dot');
  });

  it('proposes no date for a file without dates', () => {
    const p = propose('Kunde;Betrag;Notiz\nA;1,00;x\nB;2,00;y\nA;3,00;z\n');
    expect(p.roles).toEqual({ customer: 0, amount: 1 });
    expect(p.dateFormat).toBe('iso');
  });
});

describe('defaultOptions and missingRoles', () => {
  it('carries the sniffed settings and the proposal', () => {
    const s = sniffBytes(encodeWindows1252(GERMAN), 'Umsätze 2024.csv');
    expect(defaultOptions(s)).toEqual({
      name: 'Umsätze 2024',
      encoding: 'windows-1252',
      delimiter: ';',
      lineEnding: 'CRLF',
      skipRows: 0,
      hasHeader: true,
      decimal: ',',
      dateFormat: 'dmy-dot',
      roles: { date: 1, customer: 2, amount: 4, orderId: 0 },
      attributes: [{ index: 5, name: 'Branche' }],
      cancelPrefix: 'C',
      dropDuplicates: false,
      currency: 'EUR',
    });
  });

  it('names the missing required roles', () => {
    expect(missingRoles({})).toEqual(['customer', 'date']);
    expect(missingRoles({ customer: 0 })).toEqual(['date']);
    expect(missingRoles({ date: 0, amount: 1 })).toEqual(['customer']);
    expect(missingRoles({ customer: 0, date: 0 })).toEqual([]);
  });
});

describe('full import after the proposed mapping', () => {
  it('a German export in Windows-1252: exact totals, rejects and umlauts', async () => {
    const { summary, result, sink, col } = await importBytes(encodeWindows1252(GERMAN), 'Umsätze 2024.csv');
    // toMatchObject: the summary may gain fields (timings) that do not matter here.
    expect(summary).toMatchObject({
      rowsRead: 11,
      imported: 8,
      rejected: 3,
      blankLines: 0,
      netRevenue: expect.closeTo(3594.26, 9),
      revenueWithRejected: expect.closeTo(3609.26, 9),
      returnLines: 4,
      returnsValue: expect.closeTo(320.1, 9),
      duplicateLines: 1,
      duplicateRevenue: expect.closeTo(89.9, 9),
      customers: 4,
      orders: 7,
      firstDate: '2024-01-02',
      lastDate: '2024-12-31',
      hasAmount: true,
      encoding: 'windows-1252',
    });
    expect(summary.rejectReasons).toEqual({ badDate: 1, missingCustomer: 1, badAmount: 1 });
    expect(summary.rejectedRevenue).toEqual({ badDate: 10, missingCustomer: 5 });
    expect(result.columns).toEqual([
      { key: 'customer', kind: 'code', label: 'Kundennummer' },
      { key: 'date', kind: 'day', label: 'Rechnungsdatum' },
      { key: 'amount', kind: 'number', label: 'Betrag' },
      { key: 'order', kind: 'code', label: 'Belegnummer' },
      { key: 'attr:Branche', kind: 'code', label: 'Branche' },
      { key: 'flags', kind: 'flags', label: 'flags' },
    ]);
    expect(result.dictionaries).toEqual({
      customer: ['K-001', 'K-002', 'K-003', 'K-004'],
      order: ['10001', '10002', '10003', 'C10004', '10008', '10009', '10010'],
      'attr:Branche': ['Großhandel', 'Bäckerhandwerk', 'Einzelhandel'],
    });
    expect(result.chunkCount).toBe(1);
    expect(col('customer', Int32Array)).toEqual([0, 1, 0, 2, 3, 1, 1, 0]);
    expect(col('date', Int32Array)).toEqual([19724, 19737, 19782, 19783, 20088, 19737, 19823, 19824]);
    expect(col('amount', Float64Array)).toEqual([1234.56, 89.9, -12.5, 250, 2000, 89.9, -45.1, -12.5]);
    expect(col('order', Int32Array)).toEqual([0, 1, 2, 3, 4, 1, 5, 6]);
    expect(col('attr:Branche', Int32Array)).toEqual([0, 1, 0, 2, 0, 1, 1, 0]);
    // 1 = return (negative amount, or the C marker on 10004), 2 = exact duplicate of an earlier line.
    expect(col('flags', Uint8Array)).toEqual([0, 0, 1, 1, 0, 2, 1, 1]);
    // Physical line numbers (the header is line 1) and the original text, decoded.
    expect(sink.rejects).toEqual([
      { line: 6, reason: 'badDate', raw: '10005;31.02.2024;K-002;Bäckerei Weiß;10,00;Bäckerhandwerk' },
      { line: 7, reason: 'missingCustomer', raw: '10006;05.03.2024;;Unbekannt;5,00;Einzelhandel' },
      { line: 8, reason: 'badAmount', raw: '10007;06.03.2024;K-003;Öko-Laden Süd;n/a;Einzelhandel' },
    ]);
  });

  it('without the cancellation marker, C10004 with a positive amount is no return', async () => {
    const { summary, col } = await importBytes(encodeWindows1252(GERMAN), 'x.csv', (o) => ({
      ...o,
      cancelPrefix: '',
    }));
    expect(summary.returnLines).toBe(3);
    expect(summary.returnsValue).toBeCloseTo(70.1, 9);
    expect(col('flags', Uint8Array)).toEqual([0, 0, 1, 0, 0, 2, 1, 1]);
  });

  it('German line items: Menge × Einzelpreis, customer names with umlauts in the dictionary', async () => {
    const { summary, result, sink, col } = await importBytes(
      encodeWindows1252(GERMAN_ITEMS),
      'Positionen.csv',
    );
    expect(summary).toMatchObject({
      rowsRead: 5,
      imported: 5,
      rejected: 0,
      blankLines: 0,
      returnLines: 1,
      duplicateLines: 0,
      customers: 3,
      orders: 4,
      firstDate: '2024-01-02',
      lastDate: '2024-01-05',
      encoding: 'windows-1252',
    });
    expect(summary.netRevenue).toBeCloseTo(70.37, 9);
    expect(summary.returnsValue).toBeCloseTo(5.75, 9);
    expect(result.dictionaries).toEqual({
      customer: ['Müller GmbH', 'Bäckerei Weiß', 'Straßenbau Kühn'],
      order: ['R-1', 'R-2', 'R-3', 'R-4'],
      product: ['Kaffee „Crema“ – 1 kg', 'Filter', 'Mehl Type 550'],
      region: ['Süd', 'Nord', 'Ost'],
    });
    expect(result.columns.map((c) => `${c.key}:${c.label}`)).toEqual([
      'customer:Kunde',
      'date:Datum',
      'amount:amount',
      'quantity:Menge',
      'order:Rechnungsnr',
      'product:Artikel',
      'region:Region',
      'flags:flags',
    ]);
    expect(col('quantity', Float64Array)).toEqual([2, 10, 25, -5, 1]);
    const amounts = col('amount', Float64Array);
    [24.98, 9.9, 28.75, -5.75, 12.49].forEach((a, i) => expect(amounts[i]).toBeCloseTo(a, 9));
    expect(col('date', Int32Array)).toEqual([19724, 19724, 19725, 19726, 19727]);
    expect(col('flags', Uint8Array)).toEqual([0, 0, 0, 1, 0]);
    expect(sink.rejects).toEqual([]);
  });

  it('a US export: grouping commas, month-first dates, 17850.0 is customer 17850', async () => {
    const { summary, result, col } = await importBytes(utf8(US), 'orders.csv');
    expect(summary).toMatchObject({
      rowsRead: 4,
      imported: 4,
      rejected: 0,
      returnLines: 1,
      returnsValue: 20,
      customers: 3,
      orders: 4,
      firstDate: '2010-12-01',
      lastDate: '2011-02-28',
      encoding: 'utf-8',
    });
    expect(summary.netRevenue).toBeCloseTo(3314.55, 9);
    expect(result.dictionaries.customer).toEqual(['17850', '13047', '12583']);
    expect(result.dictionaries.region).toEqual(['United States', 'United Kingdom', 'France']);
    expect(col('amount', Float64Array)).toEqual([1234.56, 99.99, -20, 2000]);
    expect(col('customer', Int32Array)).toEqual([0, 0, 1, 2]);
    expect(col('date', Int32Array)).toEqual([14944, 14956, 14979, 15033]);
  });

  it('CDNOW: whitespace-aligned, zero-padded ids kept, amount and quantity chosen by the user', async () => {
    const plain = await importBytes(utf8(CDNOW), 'CDNOW_master.txt');
    expect(plain.options).toMatchObject({
      delimiter: 'whitespace',
      hasHeader: false,
      lineEnding: 'CRLF',
      dateFormat: 'ymd-compact',
      roles: { date: 1, customer: 0 },
    });
    expect(plain.summary).toMatchObject({ imported: 10, hasAmount: false, netRevenue: null, orders: 9 });

    const { summary, result, col } = await importBytes(utf8(CDNOW), 'CDNOW_master.txt', (o) => ({
      ...o,
      roles: { ...o.roles, quantity: 2, amount: 3 },
    }));
    expect(summary).toMatchObject({
      rowsRead: 10,
      imported: 10,
      rejected: 0,
      blankLines: 0,
      returnLines: 0,
      duplicateLines: 0,
      customers: 4,
      // No order id: one order per customer and day (00002 bought twice on 1997-01-12).
      orders: 9,
      firstDate: '1997-01-01',
      lastDate: '1998-05-28',
    });
    expect(summary.netRevenue).toBeCloseTo(286.56, 9);
    expect(result.dictionaries.customer).toEqual(['00001', '00002', '00003', '00004']);
    expect(col('quantity', Float64Array)).toEqual([1, 1, 5, 2, 2, 2, 5, 4, 1, 2]);
    expect(col('amount', Float64Array)).toEqual([
      11.77, 12, 77, 20.76, 20.76, 19.54, 57.45, 20.96, 16.99, 29.33,
    ]);
    expect(col('date', Int32Array).slice(0, 3)).toEqual([9862, 9873, 9873]);
  });

  it('data rows that end in a delimiter under a header that does not', async () => {
    const text = 'Kunde;Datum;Betrag\r\nA;01.01.2024;1,00;\r\nB;02.01.2024;2,00;\r\nA;03.01.2024;2,00;\r\n';
    const { options, summary } = await importBytes(utf8(text), 'x.csv');
    expect(options).toMatchObject({
      skipRows: 0,
      hasHeader: true,
      roles: { customer: 0, date: 1, amount: 2 },
    });
    expect(summary).toMatchObject({ rowsRead: 3, imported: 3, netRevenue: 5, customers: 2 });
  });

  it('progress: the last report has every row and says the file is read; none before it does', async () => {
    // 200,000 rows (about 4.6 MB) take more than one read, so there are reports before the final one.
    const lines = ['Kunde;Datum;Betrag'];
    for (let i = 0; i < 200_000; i++) lines.push(`K${i % 977};${1 + (i % 28)}.03.2024;${i % 100},50`);
    const bytes = utf8(lines.join('\n') + '\n');
    const s = sniffBytes(bytes, 'p.csv');
    const reports: ImportProgress[] = [];
    const result = await runImport(bytesSource(bytes), defaultOptions(s), s.headers, new MemorySink(), {
      onProgress: (p) => reports.push(p),
    });
    expect(result.summary.rowsRead).toBe(200_000);
    expect(reports.length).toBeGreaterThan(1);
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ bytesRead: bytes.length, bytesTotal: bytes.length, rows: 200_000 });
    expect(last.finishing).toBe(true);
    expect(last.remainingMs).toBeNull();
    expect(reports.slice(0, -1).every((p) => !p.finishing && p.rows < 200_000)).toBe(true);
  });
});

describe('what the app reports for files it cannot use (worker api.sniffFile)', () => {
  const file = (content: string | Uint8Array, name = 'x.csv') =>
    new File([typeof content === 'string' ? utf8(content) : new Uint8Array(content)], name);

  it('an empty file → emptyFile', async () => {
    const r = await api.sniffFile(file(''));
    expect(r.ok ? null : r.error.code).toBe('emptyFile');
  });

  it('a file with blank lines only → emptyFile', async () => {
    const r = await api.sniffFile(file('\r\n\r\n  \r\n'));
    expect(r.ok ? null : r.error.code).toBe('emptyFile');
  });

  it('the sniff answers for the import source asked for; an unknown source is refused by name', async () => {
    const csv = 'Kundennummer;Datum;Betrag\r\nK1;01.02.2024;1,50\r\n';
    const r = await api.sniffFile(file(csv), undefined, 'orders');
    expect(r.ok ? r.value.source.id : r.error.code).toBe('orders');
    if (r.ok) expect(r.value.options.roles).toMatchObject({ customer: 0, date: 1, amount: 2 });
    const unknown = await api.sniffFile(file(csv), undefined, 'newsletter');
    expect(unknown.ok ? null : unknown.error).toMatchObject({
      code: 'notFound',
      message: 'There is no import source "newsletter".',
    });
  });

  it('a header-only file → headerOnly', async () => {
    const r = await api.sniffFile(file('Kundennummer;Datum;Betrag\r\n'));
    expect(r.ok ? null : r.error.code).toBe('headerOnly');
  });

  it('a file without a date column → a proposal without a date role (the mapping step says why)', async () => {
    const r = await api.sniffFile(file('Kunde;Betrag;Notiz\nA;1,00;x\nB;2,00;y\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.options.roles).toEqual({ customer: 0, amount: 1 });
    expect(missingRoles(r.value.options.roles)).toEqual(['date']);
  });

  it('sniffs again under the layout the user chose', async () => {
    const f = file('Kunde;Datum;Betrag\nA;01.02.2024;1,50\nB;03.02.2024;2,00\n');
    const wrong = await api.sniffFile(f, { delimiter: ',' });
    expect(wrong.ok && wrong.value.options.roles.date).toBe(undefined);
    const right = await api.sniffFile(f, { delimiter: ';' });
    expect(right.ok && right.value.options).toMatchObject({
      delimiter: ';',
      decimal: ',',
      dateFormat: 'dmy-dot',
      roles: { customer: 0, date: 1, amount: 2 },
    });
  });

  it('a usable file → the sniff and the default options', async () => {
    const bytes = encodeWindows1252(GERMAN);
    const r = await api.sniffFile(file(bytes, 'Umsätze.csv'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.sniff.encoding).toBe('windows-1252');
      expect(r.value.options).toEqual(defaultOptions(sniffBytes(bytes, 'Umsätze.csv')));
    }
  });

  it('runImport refuses options without a date column → missingRequired', async () => {
    const bytes = utf8('Kunde;Betrag;Notiz\nA;1,00;x\nB;2,00;y\n');
    const s = sniffBytes(bytes);
    const options = defaultOptions(s);
    expect(options.roles.date).toBeUndefined();
    expect(missingRoles(options.roles)).toEqual(['date']);
    const e = await failureOf(runImport(bytesSource(bytes), options, s.headers, new MemorySink()));
    expect(e.code).toBe('missingRequired');
    expect(e.params).toEqual({ roles: 'date' });
  });
});

describe('the proposed currency follows the file', () => {
  const optionsOf = (text: string) => defaultOptions(sniffBytes(utf8(text)));
  it('a British export (Online Retail layout: plain amounts, "United Kingdom" in Country) gets pounds', () => {
    const csv = [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom',
      '536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom',
      '536367,84879,ASSORTED COLOUR BIRD,32,12/1/2010 8:34,1.69,13047,France',
    ].join('\n');
    expect(optionsOf(csv).currency).toBe('GBP');
  });
  it('a header naming the currency decides when the cells do not', () => {
    expect(optionsOf('Kunde;Datum;Betrag (CHF)\nK1;01.02.2024;12,50\nK2;02.02.2024;7,00').currency).toBe(
      'CHF',
    );
    expect(optionsOf('Customer,Date,Amount GBP\nA,2024-02-01,12.50\nB,2024-02-02,7.00').currency).toBe('GBP');
  });
  it('a sign in the cells wins; a German file without any sign stays in euros', () => {
    expect(
      optionsOf('Customer,Date,Amount,Country\nA,2024-02-01,£12.50,Germany\nB,2024-02-02,£7.00,Germany')
        .currency,
    ).toBe('GBP');
    expect(optionsOf('Kunde;Datum;Betrag\nK1;01.02.2024;12,50\nK2;02.02.2024;7,00').currency).toBe('EUR');
  });
  it('mixed countries without a majority, or two currencies in the headers, give the fallback', () => {
    const mixed =
      'Customer,Date,Amount,Country\nA,2024-02-01,1,United Kingdom\nB,2024-02-02,2,USA\nC,2024-02-03,3,Japan';
    expect(optionsOf(mixed).currency).toBe('EUR');
    expect(
      optionsOf('Customer,Date,Amount EUR,Amount USD\nA,2024-02-01,1,1.1\nB,2024-02-02,2,2.2').currency,
    ).toBe('EUR');
    expect(defaultOptions(sniffBytes(utf8(mixed)), undefined, undefined, 'USD').currency).toBe('USD');
  });
});
