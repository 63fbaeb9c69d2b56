import { describe, expect, it } from 'vitest';
import { previewRows } from '../../src/ingest/preview';
import { runImport } from '../../src/ingest/import';
import { MemorySink } from '../../src/ingest/memory-sink';
import { bytesSource } from '../../src/ingest/parse';
import type { ImportOptions } from '../../src/shared/types';

const base: ImportOptions = {
  name: 't',
  encoding: 'utf-8',
  delimiter: ';',
  lineEnding: 'LF',
  skipRows: 0,
  hasHeader: true,
  decimal: ',',
  dateFormat: 'dmy-dot',
  roles: { customer: 0, date: 1, amount: 2 },
  attributes: [],
  cancelPrefix: '',
  dropDuplicates: false,
  currency: 'EUR',
};
const enc = (s: string) => new TextEncoder().encode(s);

describe('preview', () => {
  it('numbers lines like the import, across blank lines and multi-line cells', async () => {
    const csv =
      'Kunde;Datum;Betrag;Notiz\nA;01.01.2024;1,00;x\n\nB;02.01.2024;x;y\nC;03.01.2024;1,00;"multi\nline"\nD;kaputt;1,00;z\n';
    const rows = await previewRows(enc(csv), csv.length, base);
    expect(rows.map((r) => [r.line, r.raw[0], r.problem])).toEqual([
      [2, 'A', null],
      [4, 'B', 'badAmount'],
      [5, 'C', null],
      [7, 'D', 'badDate'],
    ]);
    expect(rows[1].problemColumn).toBe(2);
    expect(rows[0]).toMatchObject({ customer: 'A', date: '2024-01-01', amount: 1, isReturn: false });
    const sink = new MemorySink();
    await runImport(bytesSource(enc(csv)), base, ['Kunde', 'Datum', 'Betrag', 'Notiz'], sink);
    expect(sink.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'badAmount'],
      [7, 'badDate'],
    ]);
  });

  it('ignores the partial last row of a prefix of a longer file', async () => {
    const csv = 'Kunde;Datum;Betrag\nA;01.01.2024;1,00\nB;02.01.2024;2,0';
    const rows = await previewRows(enc(csv), csv.length + 100, base);
    expect(rows.map((r) => r.raw[0])).toEqual(['A']);
  });
});

describe('optional columns and blank rows', () => {
  it('a blank cost cell keeps the row with an unknown margin; an unreadable one rejects it', async () => {
    const csv =
      'Kunde;Datum;Betrag;Kosten\nA;01.01.2024;10,00;4,00\nB;02.01.2024;20,00;\nC;03.01.2024;5,00;abc\n';
    const sink = new MemorySink();
    const opts = { ...base, roles: { customer: 0, date: 1, amount: 2, cost: 3 } };
    const res = await runImport(bytesSource(enc(csv)), opts, [], sink);
    expect(res.summary.imported).toBe(2);
    expect(res.summary.rejectReasons).toEqual({ badCost: 1 });
    const margin = new Float64Array(sink.chunks[0].columns.margin);
    expect(margin[0]).toBe(6);
    expect(Number.isNaN(margin[1])).toBe(true);
  });

  it('rows of delimiters only are blank lines, not rejects', async () => {
    const csv = 'Kunde;Datum;Betrag\nA;01.01.2024;10,00\n;;\n;;\n';
    const res = await runImport(bytesSource(enc(csv)), base, [], new MemorySink());
    expect(res.summary).toMatchObject({ rowsRead: 1, imported: 1, rejected: 0, blankLines: 2 });
  });
});

describe('currency detection', () => {
  it('names the one currency written in the cells, and none when mixed or absent', async () => {
    const { detectCurrency } = await import('../../src/ingest/sniff');
    expect(
      detectCurrency([
        ['A', '1.234,56 €'],
        ['B', '12,00'],
      ]),
    ).toBe('EUR');
    expect(detectCurrency([['A', '£12.50']])).toBe('GBP');
    expect(detectCurrency([['A', 'CHF 12.50']])).toBe('CHF');
    expect(
      detectCurrency([
        ['A', '$ 1,234.56'],
        ['B', 'USD 3'],
      ]),
    ).toBe('USD');
    expect(
      detectCurrency([
        ['A', '12 €'],
        ['B', '$3'],
      ]),
    ).toBeNull();
    expect(detectCurrency([['Euro-Palette', '12,00']])).toBeNull();
  });
});

describe('mapping of headers with extra words', () => {
  it('finds "Betrag netto", "Einzelpreis netto" and "Umsatz EUR" by their distinctive part', async () => {
    const { sniff } = await import('../../src/ingest/sniff');
    const { proposeMapping } = await import('../../src/ingest/mapping');
    const csv =
      'Kundennr. (Debitor);Rechnungsdatum;Menge;Einzelpreis netto;Betrag netto;Kundenname\nK1;01.02.2024;2;5,00;10,00;Müller\nK2;02.02.2024;1;7,50;7,50;Weiß\n';
    const bytes = new TextEncoder().encode(csv);
    const p = proposeMapping(sniff(bytes, 'x.csv', bytes.length));
    expect(p.roles).toEqual({ customer: 0, date: 1, quantity: 2, unitPrice: 3, amount: 4 });
    const csv2 = 'Kunde;Datum;Umsatz EUR\nA;01.02.2024;10,00\n';
    const b2 = new TextEncoder().encode(csv2);
    expect(proposeMapping(sniff(b2, 'y.csv', b2.length)).roles).toEqual({ customer: 0, date: 1, amount: 2 });
  });
});

describe('reasons and orders on odd rows', () => {
  const run = async (csv: string, roles: ImportOptions['roles']) =>
    runImport(bytesSource(enc(csv)), { ...base, roles }, [], new MemorySink());

  it('a row split by an unquoted line break is "too few fields", not a bad amount or date', async () => {
    const res = await run(
      'Kunde;Datum;Text;Betrag\nK1;01.01.2024;Kaffee\nKanne;12,50\nK2;02.01.2024;Tee;3,00\n',
      {
        customer: 0,
        date: 1,
        amount: 3,
      },
    );
    expect(res.summary.rejectReasons).toEqual({ tooFewFields: 2 });
  });

  it('a blank quantity is fine when only the quantity is mapped', async () => {
    const res = await run('Kunde;Datum;Menge\nK1;01.01.2024;\nK2;02.01.2024;3\n', {
      customer: 0,
      date: 1,
      quantity: 2,
    });
    expect(res.summary).toMatchObject({ imported: 2, rejected: 0 });
  });

  it('blank order ids count as customer-days, not as one order', async () => {
    const res = await run(
      'Kunde;Datum;Beleg;Betrag\nK1;01.01.2024;;1\nK2;01.01.2024;;2\nK3;02.01.2024;R1;3\nK3;02.01.2024;R1;4\n',
      {
        customer: 0,
        date: 1,
        orderId: 2,
        amount: 3,
      },
    );
    expect(res.summary.orders).toBe(3);
  });

  it('order dates far outside any real export (2149, 1790) are rejected with their own reason', async () => {
    // Two days 2^17 apart used to test the customer-day key here; PairSet's own test keeps that case.
    const res = await run('Kunde;Datum\nK1;07.06.2149\nK2;27.07.1790\nK3;01.01.2024\n', {
      customer: 0,
      date: 1,
    });
    expect(res.summary.rejectReasons).toEqual({ outlierDate: 2 });
    expect(res.summary.orders).toBe(1);
  });
});

describe('sum rows', () => {
  it('a "Summe" row at the end is its own reason and carries no revenue', async () => {
    const csv = 'Kunde;Datum;Betrag\nK1;01.01.2024;10,00\nK2;02.01.2024;5,00\nSumme;;15,00\n;Gesamt;15,00\n';
    const res = await runImport(bytesSource(enc(csv)), base, [], new MemorySink());
    expect(res.summary.rejectReasons).toEqual({ totalRow: 2 });
    expect(res.summary.rejectedRevenue).toEqual({});
    expect(res.summary.revenueWithRejected).toBe(15);
  });
});

describe('files that are not CSV', () => {
  it('recognizes Excel workbooks, PDFs and binaries by their first bytes', async () => {
    const { binaryKind } = await import('../../src/ingest/sniff');
    expect(binaryKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('excel');
    expect(binaryKind(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('excel');
    expect(binaryKind(enc('%PDF-1.7\n'))).toBe('pdf');
    // Many control bytes: binary. One NUL in text is not (test/unit/ingest-bad-input.test.ts).
    expect(binaryKind(Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256))).toBe('binary');
    expect(binaryKind(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBeNull();
    expect(binaryKind(enc('Kunde;Datum\n'))).toBeNull();
  });
});

describe('a stray quote in the sniffed sample', () => {
  it('does not mislead the delimiter guess or hide the date column', async () => {
    const { sniff } = await import('../../src/ingest/sniff');
    const rows = [
      'Kunde;Datum;Artikel;Betrag',
      'K1;01.02.2024;Rohr;10,00',
      'K2;02.02.2024;"Schraube 3/8" Zoll;2,50',
    ];
    for (let i = 0; i < 20; i++) rows.push(`K${i};0${(i % 9) + 1}.03.2024;Mutter;1,00`);
    const bytes = enc(rows.join('\n') + '\n');
    const s = sniff(bytes, 'zoll.csv', bytes.length);
    expect(s.delimiter).toBe(';');
    expect(s.headers).toEqual(['Kunde', 'Datum', 'Artikel', 'Betrag']);
    expect(s.profiles[1].dateFormats).toEqual(['dmy-dot']);
  });
});

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would read as a formula, but not numbers', async () => {
    const { csvCell, toCsv } = await import('../../src/ingest/export');
    expect(['=1+2', '+49 30 123', '-K9', '@SUM(A1)', '\tx', '\rx', 'ok', ''].map((c) => csvCell(c))).toEqual([
      "'=1+2",
      "'+49 30 123",
      "'-K9",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      'ok',
      '',
    ]);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(toCsv(['a', 'b'], [['x;y', 'z']], ';')).toBe('a;b\r\n"x;y";z\r\n');
  });
});

describe('storage-full errors', () => {
  it('recognizes every shape in which a full disk arrives', async () => {
    const { isQuotaError, toAppError } = await import('../../src/shared/errors');
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(isQuotaError(quota)).toBe(true);
    expect(
      isQuotaError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota })),
    ).toBe(true);
    expect(
      isQuotaError(Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'DataError' })),
    ).toBe(true);
    // Chromium closing the connection when its log file cannot grow (seen in the small-disk e2e test).
    const closing = new Error(
      'UnknownError Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
    );
    expect(isQuotaError(Object.assign(closing, { name: 'AbortError' }))).toBe(true);
    expect(isQuotaError(new Error('Key already exists'))).toBe(false);
    expect(
      toAppError(Object.assign(new Error('DataError Failed to write blobs (IOError)'), { name: 'DataError' }))
        .code,
    ).toBe('quota');
  });
});
