import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../scripts/generate-demo.mjs';
import { createDecoder } from '../../src/ingest/decode';
import {
  bytesSource,
  LineCounter,
  streamRows,
  type RowSink,
  type StreamOptions,
} from '../../src/ingest/parse';
import { normalizeId } from '../../src/ingest/columnize';
import { Columnizer } from '../../src/ingest/sources/orders-columnize';
import { runImport } from '../../src/ingest/import';
import { MemorySink } from '../../src/ingest/memory-sink';
import { sniff } from '../../src/ingest/sniff';
import { defaultOptions } from '../../src/ingest/mapping';
import { AppFailure } from '../../src/shared/errors';
import type { ImportOptions } from '../../src/shared/types';
import { OPTIONS } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const utf16le = (s: string) => {
  const bytes = new Uint8Array(2 + s.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    bytes[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return bytes;
};

interface Row {
  fields: string[];
  raw: string;
  line: number;
  error: 'unclosedQuote' | 'swallowedLines' | null;
}

/** A RowSink that keeps every row with its original text and physical line number. */
class Collect implements RowSink {
  rows: Row[] = [];
  row(...[fields, text, start, end, lines, error]: Parameters<RowSink['row']>): void {
    this.rows.push({ fields, raw: text.slice(start, end), line: lines.lineAt(start), error });
  }
}

const STREAM: StreamOptions = {
  encoding: 'utf-8',
  delimiter: ',',
  skipRows: 0,
  hasHeader: true,
  lineEnding: 'LF',
};

async function collect(bytes: Uint8Array, opts: Partial<StreamOptions> = {}, chunkBytes?: number) {
  const sink = new Collect();
  const { header } = await streamRows(bytesSource(bytes), { ...STREAM, ...opts }, sink, { chunkBytes });
  return { header, rows: sink.rows };
}

/** The import pipeline of runImport, but with a chosen read size (runImport always reads 4 MB). */
async function importChunked(
  bytes: Uint8Array,
  options: ImportOptions,
  headers: string[],
  chunkBytes: number,
) {
  const sink = new MemorySink();
  const col = new Columnizer(options, headers, sink);
  await streamRows(bytesSource(bytes), options, col, { chunkBytes });
  const dictionaries = await col.finish();
  return { summary: col.summary(0), dictionaries, rejects: sink.rejects, sink };
}

/** A summary without its timings (`durationMs` and the like), which differ from run to run. */
function withoutTimings(summary: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary).filter(([k]) => !k.endsWith('Ms')));
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

/** UTF-8 with a BOM, CRLF, quoted delimiters, doubled quotes and line breaks inside quotes. */
const QUOTED =
  'customer_id,date,amount,note\r\n' + //                 line 1
  'A1,2024-01-01,10.00,"plain"\r\n' + //                  line 2
  'A2,2024-01-02,20.50,"has, comma"\r\n' + //             line 3
  'A3,2024-01-03,30.25,"say ""hi"""\r\n' + //             line 4
  'A4,2024-01-04,40.00,"line one\r\nline two"\r\n' + //   lines 5–6
  ',2024-01-05,50.00,"after the multi-line row"\r\n' + // line 7: missingCustomer
  'A5,2024-13-01,60.00,x\r\n' + //                        line 8: badDate
  ',2024-01-06,1.00,"bad\r\nrow"\r\n' + //                lines 9–10: missingCustomer
  'A6,2024-01-07,7.00,"ä € 😀"\r\n' + //                  line 11
  'A7,2024-01-08,abc,z\r\n' + //                          line 12: badAmount
  'A1,2024-01-01,10.00,"plain"\r\n'; //                   line 13: duplicate of line 2

const QUOTED_OPTIONS: ImportOptions = {
  ...OPTIONS,
  lineEnding: 'CRLF',
  attributes: [{ index: 3, name: 'note' }],
};
const QUOTED_HEADERS = ['customer_id', 'date', 'amount', 'note'];
const QUOTED_REJECTS = [
  { line: 7, reason: 'missingCustomer', raw: ',2024-01-05,50.00,"after the multi-line row"' },
  { line: 8, reason: 'badDate', raw: 'A5,2024-13-01,60.00,x' },
  { line: 9, reason: 'missingCustomer', raw: ',2024-01-06,1.00,"bad\r\nrow"' },
  { line: 12, reason: 'badAmount', raw: 'A7,2024-01-08,abc,z' },
];

describe('createDecoder (Windows-1252)', () => {
  it('maps 0x80–0x9F to the Windows-1252 characters and every other byte to itself', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = createDecoder('windows-1252').decode(all);
    expect(text).toHaveLength(256);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    for (let i = 0; i < 256; i++) if (i < 0x80 || i >= 0xa0) expect(text.charCodeAt(i)).toBe(i);
  });

  it('decodes a German line the same in stream mode, byte by byte', () => {
    const bytes = encodeWindows1252('Bäckerei Weiß;„Crema“ – € 5\r\n');
    const d = createDecoder('windows-1252');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += d.decode(bytes.subarray(i, i + 1), { stream: true });
    expect(out).toBe('Bäckerei Weiß;„Crema“ – € 5\r\n');
  });
});

describe('the ASCII byte view handed to the row sink', () => {
  /** Checks that every row's bytes, when given, are its characters, and counts the rows that got them. */
  class CheckAscii implements RowSink {
    withBytes = 0;
    rows = 0;
    row(...[, text, start, end, , , ascii]: Parameters<RowSink['row']>): void {
      this.rows++;
      if (!ascii || start < ascii.from) return;
      this.withBytes++;
      for (let i = start; i < end; i++) expect(ascii.bytes.getUint8(i - ascii.from)).toBe(text.charCodeAt(i));
    }
  }

  it('is given exactly for ASCII slices: not after a BOM, a multi-byte character or a character cut by a read', async () => {
    const lines = ['id,date,amount'];
    for (let i = 0; i < 60; i++)
      lines.push(`K${i},2024-01-0${1 + (i % 9)},${i}.5${i === 30 ? ',Müller' : ''}`);
    const text = lines.join('\n') + '\n';
    const utf8 = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf8, withBom])
      for (const chunk of [7, 16, 64, 1 << 20]) {
        const sink = new CheckAscii();
        await streamRows(bytesSource(bytes), STREAM, sink, { chunkBytes: chunk });
        expect(sink.rows).toBe(60);
        // One slice of 1 MB holds the ü (or the BOM), so no row gets bytes; small slices give most rows bytes.
        if (chunk === 1 << 20) expect(sink.withBytes).toBe(0);
        if (chunk === 64) expect(sink.withBytes).toBeGreaterThan(30);
      }
    // Windows-1252 never takes the byte path (its bytes above 0x7F are not their characters).
    const sink = new CheckAscii();
    await streamRows(bytesSource(utf8), { ...STREAM, encoding: 'windows-1252' }, sink, { chunkBytes: 64 });
    expect(sink.withBytes).toBe(0);
  });

  it('is not given after a slice that ends inside a character, even when the counts happen to match', async () => {
    // A read that cuts 😀 (4 bytes) after its third byte: the next slice starts with the last byte, which completes
    // two UTF-16 units, and a later ü (2 bytes, 1 unit) evens the count. Only the cut before tells them apart.
    const head = 'customer_id,order_date,amount_total,comment\nK0,2024-01-01,1,x\uD83D\uDE00';
    const rest = '\nK1,2024-01-01,2,a\nK\u00fc,2024-01-02,3,b\nK2,2024-01-03,4,c\n';
    const tail = Array.from({ length: 20 }, (_, i) => `K${i + 3},2024-01-04,${i},d\n`).join('');
    const bytes = new TextEncoder().encode(head + rest + tail);
    const cut = new TextEncoder().encode(head).length - 1;
    const sink = new CheckAscii();
    await streamRows(bytesSource(bytes), STREAM, sink, { chunkBytes: cut });
    expect(sink.rows).toBe(24);
  });

  it('finds the same duplicates whether rows come as bytes or as text', async () => {
    // Row i repeats row i - 50 for every third i >= 50 (33 duplicates); an umlaut every 40 rows makes some slices
    // non-ASCII, so copies of a row are hashed on different paths.
    const rows: string[] = [];
    for (let i = 0; i < 150; i++)
      rows.push(
        i >= 50 && i % 3 === 0
          ? rows[i - 50]
          : `K${i % 17},2024-02-${10 + (i % 9)},${i}${i % 40 === 5 ? 'ä' : ''}`,
      );
    const bytes = new TextEncoder().encode('customer,date,amount\n' + rows.join('\n') + '\n');
    const options = { ...OPTIONS, roles: { customer: 0, date: 1 } };
    const expected = rows.filter((r, i) => rows.indexOf(r) < i).length;
    expect(expected).toBe(33);
    for (const chunk of [5, 33, 100, 1 << 20]) {
      const { summary } = await importChunked(bytes, options, ['customer', 'date', 'amount'], chunk);
      expect(summary.duplicateLines, `chunk ${chunk}`).toBe(expected);
    }
  });
});

describe('LineCounter', () => {
  it('counts physical lines forward across chunks', () => {
    const lc = new LineCounter('LF');
    lc.reset('a\nb\nc');
    expect(lc.lineAt(0)).toBe(1);
    expect(lc.lineAt(2)).toBe(2);
    expect(lc.lineAt(4)).toBe(3);
    lc.finish(4); // `c` is carried over to the next chunk
    lc.reset('c\nd\n');
    expect(lc.lineAt(0)).toBe(3);
    expect(lc.lineAt(2)).toBe(4);
  });

  it('counts CRLF by its LF and old Mac files by CR', () => {
    const crlf = new LineCounter('CRLF');
    crlf.reset('a\r\nb\r\nc');
    expect(crlf.lineAt(6)).toBe(3);
    const cr = new LineCounter('CR');
    cr.reset('a\rb\rc');
    expect(cr.lineAt(4)).toBe(3);
  });
});

describe('streamRows', () => {
  it('parses a BOM, CRLF, quoted delimiters, doubled quotes and line breaks; keeps text and line numbers', async () => {
    const { header, rows } = await collect(withBom(QUOTED), { lineEnding: 'CRLF' });
    expect(header).toEqual(['customer_id', 'date', 'amount', 'note']);
    expect(rows.map((r) => r.fields)).toEqual([
      ['A1', '2024-01-01', '10.00', 'plain'],
      ['A2', '2024-01-02', '20.50', 'has, comma'],
      ['A3', '2024-01-03', '30.25', 'say "hi"'],
      ['A4', '2024-01-04', '40.00', 'line one\r\nline two'],
      ['', '2024-01-05', '50.00', 'after the multi-line row'],
      ['A5', '2024-13-01', '60.00', 'x'],
      ['', '2024-01-06', '1.00', 'bad\r\nrow'],
      ['A6', '2024-01-07', '7.00', 'ä € 😀'],
      ['A7', '2024-01-08', 'abc', 'z'],
      ['A1', '2024-01-01', '10.00', 'plain'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 7, 8, 9, 11, 12, 13]);
    expect(rows[3].raw).toBe('A4,2024-01-04,40.00,"line one\r\nline two"');
    expect(rows[2].raw).toBe('A3,2024-01-03,30.25,"say ""hi"""');
    expect(rows.every((r) => r.error === null)).toBe(true);
  });

  it('gives the same rows, texts and line numbers for every read size from 1 byte up', async () => {
    const bytes = withBom(QUOTED);
    const whole = await collect(bytes, { lineEnding: 'CRLF' });
    for (let chunk = 1; chunk <= bytes.length; chunk++) {
      const got = await collect(bytes, { lineEnding: 'CRLF' }, chunk);
      expect(got.header, `chunkBytes ${chunk}`).toEqual(whole.header);
      expect(got.rows, `chunkBytes ${chunk}`).toEqual(whole.rows);
    }
  });

  it('keeps multi-byte characters intact when a read ends inside them (ä, €, emoji)', async () => {
    const text = 'name;n\nä;1\n€;2\n😀;3\nMüller „Ä“ 👩‍👧;4\n';
    const bytes = utf8(text);
    // Bytes beyond one per UTF-16 unit: ä ü Ä +1, € „ “ ZWJ +2, each emoji (4 bytes, 2 units) +2.
    expect(bytes.length).toBe(text.length + 3 * 1 + 4 * 2 + 3 * 2);
    const expected = [
      ['ä', '1'],
      ['€', '2'],
      ['😀', '3'],
      ['Müller „Ä“ 👩‍👧', '4'],
    ];
    for (let chunk = 1; chunk <= 12; chunk++) {
      const { header, rows } = await collect(bytes, { delimiter: ';' }, chunk);
      expect(header, `chunkBytes ${chunk}`).toEqual(['name', 'n']);
      expect(
        rows.map((r) => r.fields),
        `chunkBytes ${chunk}`,
      ).toEqual(expected);
      expect(
        rows.map((r) => r.line),
        `chunkBytes ${chunk}`,
      ).toEqual([2, 3, 4, 5]);
    }
  });

  it('splits UTF-16LE code units across reads', async () => {
    const text = 'Kunde\tUmsatz\r\nMüller\t1,00\r\nWeiß 😀\t2,00\r\n';
    for (const chunk of [1, 2, 3, 5, 7, 1000]) {
      const { header, rows } = await collect(
        utf16le(text),
        { encoding: 'utf-16le', delimiter: '\t', lineEnding: 'CRLF' },
        chunk,
      );
      expect(header, `chunkBytes ${chunk}`).toEqual(['Kunde', 'Umsatz']);
      expect(
        rows.map((r) => r.fields),
        `chunkBytes ${chunk}`,
      ).toEqual([
        ['Müller', '1,00'],
        ['Weiß 😀', '2,00'],
      ]);
    }
  });

  it('Windows-1252 in small reads', async () => {
    const bytes = encodeWindows1252(
      'Kunde;Artikel\r\nBäckerei Weiß;„Crema“ – 1 kg\r\nMüller GmbH;€-Gutschein\r\n',
    );
    for (const chunk of [1, 2, 3, 4, 1000]) {
      const { rows } = await collect(
        bytes,
        { encoding: 'windows-1252', delimiter: ';', lineEnding: 'CRLF' },
        chunk,
      );
      expect(rows.map((r) => r.fields)).toEqual([
        ['Bäckerei Weiß', '„Crema“ – 1 kg'],
        ['Müller GmbH', '€-Gutschein'],
      ]);
    }
  });

  it('a whitespace-aligned file (CDNOW) in small reads', async () => {
    const text = ' 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n\r\n 00002 19970112  5   77.00';
    for (const chunk of [1, 2, 3, 7, 1000]) {
      const { header, rows } = await collect(
        utf8(text),
        { delimiter: 'whitespace', hasHeader: false, lineEnding: 'CRLF' },
        chunk,
      );
      expect(header).toBeNull();
      expect(rows).toEqual([
        {
          fields: ['00001', '19970101', '1', '11.77'],
          raw: ' 00001 19970101  1   11.77',
          line: 1,
          error: null,
        },
        {
          fields: ['00002', '19970112', '1', '12.00'],
          raw: ' 00002 19970112  1   12.00',
          line: 2,
          error: null,
        },
        { fields: [''], raw: '', line: 3, error: null },
        {
          fields: ['00002', '19970112', '5', '77.00'],
          raw: ' 00002 19970112  5   77.00',
          line: 4,
          error: null,
        },
      ]);
    }
  });

  it('old Mac line endings (CR only)', async () => {
    const text = 'id,date,amount\rA,2024-01-01,1.00\r,2024-01-02,2.00\rB,2024-01-03,3.00';
    for (const chunk of [1, 4, 1000]) {
      const { rows } = await collect(utf8(text), { lineEnding: 'CR' }, chunk);
      expect(rows.map((r) => [r.line, r.raw])).toEqual([
        [2, 'A,2024-01-01,1.00'],
        [3, ',2024-01-02,2.00'],
        [4, 'B,2024-01-03,3.00'],
      ]);
    }
  });

  it('a line feed inside a quoted cell of a CRLF file (Excel Alt+Enter) counts as a physical line', async () => {
    const text = 'id,date,amount,note\r\nA,2024-01-01,1.00,"x\ny"\r\n,2024-01-02,2.00,z\r\n';
    const { rows } = await collect(utf8(text), { lineEnding: 'CRLF' });
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [2, ['A', '2024-01-01', '1.00', 'x\ny']],
      [4, ['', '2024-01-02', '2.00', 'z']],
    ]);
  });

  it('skips metadata rows before the header', async () => {
    const text = 'Export vom 01.03.2024\nKundennr;Datum;Umsatz\nK1;01.01.2024;12,50\n';
    const { header, rows } = await collect(utf8(text), { delimiter: ';', skipRows: 1 });
    expect(header).toEqual(['Kundennr', 'Datum', 'Umsatz']);
    expect(rows).toEqual([
      { fields: ['K1', '01.01.2024', '12,50'], raw: 'K1;01.01.2024;12,50', line: 3, error: null },
    ]);
  });

  it('rejects only the line where a never-closed quote opens and reads on from the next line', async () => {
    const text =
      'id,date,amount,note\nA,2024-01-01,1.00,ok\nB,2024-01-02,2.00,"oops\nC,2024-01-03,3.00,fine\nD,2024-01-04,4.00,x\n';
    for (const chunk of [3, 7, 1000]) {
      const { rows } = await collect(utf8(text), {}, chunk);
      expect(rows.map((r) => [r.line, r.error, r.raw])).toEqual([
        [2, null, 'A,2024-01-01,1.00,ok'],
        [3, 'unclosedQuote', 'B,2024-01-02,2.00,"oops'],
        [4, null, 'C,2024-01-03,3.00,fine'],
        [5, null, 'D,2024-01-04,4.00,x'],
      ]);
    }
  });

  it('a stray inch mark that swallows lines up to a later quote loses only its own line', async () => {
    const text = 'id,note\nA,"Schraube 3/8" Zoll\nB,ok\nC,"fine, quoted"\nD,end\n';
    const { rows } = await collect(utf8(text), {}, 1000);
    expect(rows.map((r) => [r.line, r.error, r.fields[0]])).toEqual([
      [2, 'unclosedQuote', 'A,"Schraube 3/8" Zoll'],
      [3, null, 'B'],
      [4, null, 'C'],
      [5, null, 'D'],
    ]);
  });

  it('does not count blank lines before the header as rows to skip', async () => {
    const text = 'Umsatzliste 2024\n\n;;\nKunde;Datum;Betrag\nK1;01.01.2024;5,00\n';
    const { header, rows } = await collect(utf8(text), { delimiter: ';', skipRows: 1 });
    expect(header).toEqual(['Kunde', 'Datum', 'Betrag']);
    expect(rows.map((r) => [r.line, r.fields])).toEqual([[5, ['K1', '01.01.2024', '5,00']]]);
  });

  it('reports the bytes read', async () => {
    const bytes = utf8('a,b\n1,2\n3,4\n5,6\n7,8\n9,0\n12\n'); // 27 bytes
    const seen: number[] = [];
    await streamRows(bytesSource(bytes), STREAM, new Collect(), {
      chunkBytes: 10,
      onBytes: (n) => seen.push(n),
    });
    expect(seen).toEqual([10, 20, 27]);
  });

  it('fails with `encoding` when UTF-8 was chosen for Windows-1252 bytes', async () => {
    const bytes = encodeWindows1252('Kunde;Datum;Betrag\nMüller;01.01.2024;1,00\n');
    const e = await failureOf(streamRows(bytesSource(bytes), { ...STREAM, delimiter: ';' }, new Collect()));
    expect(e.code).toBe('encoding');
  });

  it('fails with `cancelled` when cancelled', async () => {
    const e = await failureOf(
      streamRows(bytesSource(utf8('a,b\n1,2\n')), STREAM, new Collect(), { isCancelled: () => true }),
    );
    expect(e.code).toBe('cancelled');
  });
});

describe('normalizeId', () => {
  it.each([
    ['17850.0', '17850'],
    ['17850', '17850'],
    [' 17850.0 ', '17850'],
    ['00001', '00001'],
    ['17850.00', '17850'],
    ['17850.5', '17850.5'],
    ['A1.0', 'A1.0'],
    ['.0', '.0'],
    ['Müller GmbH', 'Müller GmbH'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeId(input)).toBe(expected);
  });
});

describe('runImport', () => {
  it('BOM, CRLF, quoted fields: values, physical line numbers and the original text of rejected rows', async () => {
    const sink = new MemorySink();
    const res = await runImport(bytesSource(withBom(QUOTED)), QUOTED_OPTIONS, QUOTED_HEADERS, sink);
    expect(res.summary).toMatchObject({
      rowsRead: 10,
      imported: 6,
      rejected: 4,
      blankLines: 0,
      rejectReasons: { missingCustomer: 2, badDate: 1, badAmount: 1 },
      rejectedRevenue: { missingCustomer: 51, badDate: 60 },
      netRevenue: 117.75,
      revenueWithRejected: 228.75,
      duplicateLines: 1,
      duplicateRevenue: 10,
      customers: 5,
      // No order id: orders are customer-days.
      orders: 5,
      firstDate: '2024-01-01',
      lastDate: '2024-01-07',
    });
    expect(res.dictionaries).toEqual({
      customer: ['A1', 'A2', 'A3', 'A4', 'A6'],
      'attr:note': ['plain', 'has, comma', 'say "hi"', 'line one\r\nline two', 'ä € 😀'],
    });
    expect(sink.rejects).toEqual(QUOTED_REJECTS);
    expect([...new Float64Array(sink.chunks[0].columns.amount)]).toEqual([10, 20.5, 30.25, 40, 7, 10]);
    expect([...new Uint8Array(sink.chunks[0].columns.flags)]).toEqual([0, 0, 0, 0, 0, 2]);
  });

  it('gives the same summary, dictionaries and rejects for every read size from 1 byte up', async () => {
    const bytes = withBom(QUOTED);
    const ref = await runImport(bytesSource(bytes), QUOTED_OPTIONS, QUOTED_HEADERS, new MemorySink());
    for (let chunk = 1; chunk <= bytes.length; chunk += chunk < 40 ? 1 : 7) {
      const got = await importChunked(bytes, QUOTED_OPTIONS, QUOTED_HEADERS, chunk);
      expect(got.rejects, `chunkBytes ${chunk}`).toEqual(QUOTED_REJECTS);
      expect(got.dictionaries, `chunkBytes ${chunk}`).toEqual(ref.dictionaries);
      expect(withoutTimings(got.summary), `chunkBytes ${chunk}`).toEqual(withoutTimings(ref.summary));
    }
  });

  it('cancellations, returns, duplicates and float customer ids (Online Retail style)', async () => {
    const text = [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '536365,85123A,"WHITE HANGING HEART T-LIGHT HOLDER",6,12/1/2010 8:26,2.55,17850.0,United Kingdom',
      '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom',
      '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom',
      'C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom',
      'C536383,35004C,"SET OF 3 COLOURED FLYING DUCKS",1,12/1/2010 9:49,4.65,15311.0,United Kingdom',
      '536384,22139,"RETROSPOT TEA SET, CERAMIC",-2,12/1/2010 9:53,4.95,18074.0,United Kingdom',
      '536385,22961,JAM MAKING SET,12,12/13/2010 10:00,1.45,17850,France',
      '536386,22961,JAM MAKING SET,12,12/13/2010 10:00,1.45,,France',
      '',
    ].join('\n');
    const bytes = utf8(text);
    const s = sniff(bytes, 'retail.csv', bytes.length);
    const options = defaultOptions(s);
    expect(options).toMatchObject({
      cancelPrefix: 'C',
      dateFormat: 'mdy-slash',
      decimal: '.',
      roles: { orderId: 0, product: 1, quantity: 3, date: 4, unitPrice: 5, customer: 6, region: 7 },
    });
    const sink = new MemorySink();
    const res = await runImport(bytesSource(bytes), options, s.headers, sink);
    expect(res.summary).toMatchObject({
      rowsRead: 8,
      imported: 7,
      rejected: 1,
      rejectReasons: { missingCustomer: 1 },
      // C536379 (marker and negative quantity), C536383 (marker only), 536384 (negative quantity only).
      returnLines: 3,
      duplicateLines: 1,
      customers: 4,
      orders: 5,
      firstDate: '2010-12-01',
      lastDate: '2010-12-13',
    });
    expect(res.summary.netRevenue).toBeCloseTo(40.63, 9);
    expect(res.summary.returnsValue).toBeCloseTo(42.05, 9);
    expect(res.summary.duplicateRevenue).toBeCloseTo(20.34, 9);
    expect(res.summary.rejectedRevenue.missingCustomer).toBeCloseTo(17.4, 9);
    expect(res.dictionaries.customer).toEqual(['17850', '14527', '15311', '18074']);
    expect(res.dictionaries.order).toEqual(['536365', 'C536379', 'C536383', '536384', '536385']);
    const chunk = sink.chunks[0].columns;
    expect([...new Int32Array(chunk.customer)]).toEqual([0, 0, 0, 1, 2, 3, 0]);
    expect([...new Float64Array(chunk.quantity)]).toEqual([6, 6, 6, -1, 1, -2, 12]);
    expect([...new Uint8Array(chunk.flags)]).toEqual([0, 0, 2, 1, 1, 1, 0]);
    expect(sink.rejects).toEqual([
      {
        line: 9,
        reason: 'missingCustomer',
        raw: '536386,22961,JAM MAKING SET,12,12/13/2010 10:00,1.45,,France',
      },
    ]);
  });

  it('a file larger than one column chunk and one reject batch, in one read and in 64 KB reads', async () => {
    // 120 000 rows; every 20th has no customer: 6 000 rejects (batches of 5 000), 114 000 rows (chunks of 65 536).
    const lines = ['c,d,a,o'];
    for (let i = 0; i < 120_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`${i % 20 === 19 ? '' : `K${i % 1000}`},2024-01-${day},1.5,O${i}`);
    }
    const bytes = utf8(lines.join('\n') + '\n');
    const options: ImportOptions = { ...OPTIONS, roles: { customer: 0, date: 1, amount: 2, orderId: 3 } };
    const sink = new MemorySink();
    const res = await runImport(bytesSource(bytes), options, ['c', 'd', 'a', 'o'], sink);
    expect(res.summary).toMatchObject({
      rowsRead: 120_000,
      imported: 114_000,
      rejected: 6000,
      rejectReasons: { missingCustomer: 6000 },
      rejectedRevenue: { missingCustomer: 9000 },
      netRevenue: 171_000,
      duplicateLines: 0,
      // Customers K19, K39, … K999 only occur on rejected rows.
      customers: 950,
      orders: 114_000,
      firstDate: '2024-01-01',
      lastDate: '2024-01-28',
    });
    expect(res.chunkCount).toBe(2);
    expect(sink.chunks.map((c) => c.rows)).toEqual([65536, 48464]);
    expect(sink.column('amount', Float64Array).map((a) => a.length)).toEqual([65536, 48464]);
    expect(sink.rejects).toHaveLength(6000);
    expect(sink.rejects[0]).toEqual({ line: 21, reason: 'missingCustomer', raw: ',2024-01-20,1.5,O19' });
    expect(sink.rejects[5000].line).toBe(100_021);
    expect(sink.rejects[5999]).toEqual({
      line: 120_001,
      reason: 'missingCustomer',
      raw: ',2024-01-20,1.5,O119999',
    });

    const chunked = await importChunked(bytes, options, ['c', 'd', 'a', 'o'], 64 * 1024);
    expect(chunked.rejects).toEqual(sink.rejects);
    expect(chunked.summary.netRevenue).toBe(171_000);
    expect(chunked.dictionaries.customer).toEqual(res.dictionaries.customer);
  });

  it('counts blank lines apart and rejects rows with too few fields', async () => {
    const text = 'c,d,a\nA,2024-01-01,1\n\n  \nB\nC,2024-01-02,2\n';
    const sink = new MemorySink();
    const res = await runImport(bytesSource(utf8(text)), OPTIONS, ['c', 'd', 'a'], sink);
    expect(res.summary).toMatchObject({
      rowsRead: 3,
      imported: 2,
      rejected: 1,
      blankLines: 2,
      netRevenue: 3,
    });
    expect(sink.rejects).toEqual([{ line: 5, reason: 'tooFewFields', raw: 'B' }]);
  });

  it('imports without an amount column: no revenue, but customers, orders and dates', async () => {
    const text = 'c,d\nA,2024-01-01\nA,2024-01-01\nB,2024-01-03\n';
    const res = await runImport(
      bytesSource(utf8(text)),
      { ...OPTIONS, roles: { customer: 0, date: 1 } },
      ['c', 'd'],
      new MemorySink(),
    );
    expect(res.summary).toMatchObject({
      imported: 3,
      hasAmount: false,
      netRevenue: null,
      revenueWithRejected: null,
      returnsValue: null,
      duplicateLines: 1,
      duplicateRevenue: null,
      customers: 2,
      orders: 2,
    });
    expect(res.columns.map((c) => c.key)).toEqual(['customer', 'date', 'flags']);
  });

  describe('files that cannot be imported', () => {
    const run = (text: string | Uint8Array, options: Partial<ImportOptions> = {}) =>
      failureOf(
        runImport(
          bytesSource(typeof text === 'string' ? utf8(text) : text),
          { ...OPTIONS, ...options },
          ['Kunde', 'Datum', 'Betrag'],
          new MemorySink(),
        ),
      );

    it('an empty file → emptyFile', async () => {
      expect((await run(new Uint8Array(0))).code).toBe('emptyFile');
    });

    it('a file of blank lines without a header → emptyFile', async () => {
      expect((await run('\n\n  \n', { hasHeader: false })).code).toBe('emptyFile');
    });

    it('a header-only file → headerOnly (with or without trailing blank lines)', async () => {
      expect((await run('Kunde;Datum;Betrag', { delimiter: ';' })).code).toBe('headerOnly');
      expect((await run('Kunde;Datum;Betrag\r\n', { delimiter: ';', lineEnding: 'CRLF' })).code).toBe(
        'headerOnly',
      );
      expect((await run('Kunde;Datum;Betrag\r\n\r\n\r\n', { delimiter: ';', lineEnding: 'CRLF' })).code).toBe(
        'headerOnly',
      );
      // A BOM alone is no data either.
      expect((await run(withBom('Kunde;Datum;Betrag\n'), { delimiter: ';' })).code).toBe('headerOnly');
    });

    it('no usable amount → nothingImported with the most frequent reason', async () => {
      const e = await run('Kunde;Datum;Betrag\nA;01.01.2024;viel\nB;02.01.2024;x\nC;kaputt;1,00\n', {
        delimiter: ';',
        decimal: ',',
        dateFormat: 'dmy-dot',
      });
      expect(e.code).toBe('nothingImported');
      expect(e.params).toEqual({ rows: 3, reason: 'badAmount' });
    });

    it('no usable date (wrong format chosen) → nothingImported, badDate', async () => {
      const e = await run('Kunde;Datum;Betrag\nA;01.01.2024;1,00\nB;02.01.2024;2,00\n', {
        delimiter: ';',
        decimal: ',',
        dateFormat: 'iso',
      });
      expect(e.code).toBe('nothingImported');
      expect(e.params).toEqual({ rows: 2, reason: 'badDate' });
    });

    it('no customer ids → nothingImported, missingCustomer', async () => {
      const e = await run('Kunde,Datum,Betrag\n,2024-01-01,1\n ,2024-01-02,2\n');
      expect(e.code).toBe('nothingImported');
      expect(e.params).toEqual({ rows: 2, reason: 'missingCustomer' });
    });

    it('no customer or date column mapped → missingRequired', async () => {
      const e = await run('Kunde,Datum,Betrag\nA,2024-01-01,1\n', { roles: { amount: 2 } });
      expect(e.code).toBe('missingRequired');
      expect(e.params).toEqual({ roles: 'customer,date' });
    });
  });
});
