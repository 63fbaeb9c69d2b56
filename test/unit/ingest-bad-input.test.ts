/**
 * Bad and hostile input (issue #12): each class of file that lost rows, crashed, froze or gave a wrong result
 * without a word, built here as a small file of its own.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/ingest/parse';
import { runImport } from '../../src/ingest/import';
import { MemorySink } from '../../src/ingest/memory-sink';
import type { ImportOptions } from '../../src/shared/types';
import { OPTIONS } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function importText(text: string, options: Partial<ImportOptions> = {}, headers?: string[]) {
  const sink = new MemorySink();
  const o = { ...OPTIONS, ...options };
  const h = headers ?? text.split('\n')[0].split(o.delimiter === 'whitespace' ? ' ' : o.delimiter);
  const res = await runImport(bytesSource(utf8(text)), o, h, sink);
  return { ...res, rejects: sink.rejects, sink };
}

describe('two stray quotes some lines apart', () => {
  // An opening quote in one product name (line 3) and a closing one in a later one (line 6): read as one quoted
  // cell, lines 3–6 were one row and lines 4 and 5 vanished.
  const FILE =
    'customer,date,amount,product\n' + //              line 1
    'K1,2024-01-01,10.00,Schraube\n' + //               line 2
    'K2,2024-01-02,20.00,"Deluxe Mutter\n' + //         line 3: the opening quote
    'K3,2024-01-03,30.00,Bolzen\n' + //                 line 4
    '\n' + //                                           line 5: blank
    'K4,2024-01-04,40.00,Monitor 24"\n' + //            line 6: the closing quote (literal, not at a cell start)
    'K5,2024-01-05,50.00,"Kabel, lang"\n' + //          line 7: a real quoted cell with a comma
    'K6,2024-01-06,60.00,"Adresse\nzweite Zeile"\n'; // lines 8–9: a real multi-line cell, no delimiters in it
  const physicalLines = FILE.split('\n').length - 1;

  it('rejects the line with the opening quote with its own reason and reads every other line', async () => {
    const { summary, rejects, dictionaries } = await importText(FILE, {
      attributes: [{ index: 3, name: 'product' }],
    });
    expect(physicalLines).toBe(9);
    expect(rejects).toEqual([
      { line: 3, reason: 'swallowedLines', raw: 'K2,2024-01-02,20.00,"Deluxe Mutter' },
    ]);
    expect(summary.imported).toBe(5);
    expect(summary.rejected).toBe(1);
    expect(summary.blankLines).toBe(1);
    // Every physical line is accounted for: header + rows read (imported and rejected) + blank lines, with the
    // two lines of the real multi-line cell counted as one row.
    expect(1 + summary.rowsRead + summary.blankLines + 1).toBe(physicalLines);
    expect(summary.netRevenue).toBe(10 + 30 + 40 + 50 + 60);
    expect(dictionaries['attr:product']).toContain('Monitor 24"');
    expect(dictionaries['attr:product']).toContain('Adresse\nzweite Zeile');
  });

  it('does the same when the closing quote ends a cell (the quoted cell closes properly lines later)', async () => {
    const text =
      'customer,date,amount,product\n' +
      'K1,2024-01-01,10.00,"Deluxe Mutter\n' +
      'K2,2024-01-02,20.00,Bolzen\n' +
      'K3,2024-01-03,30.00,Kabel\n' +
      'K4,2024-01-04,40.00,Monitor 24",x\n';
    const { summary, rejects, sink } = await importText(text);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[2, 'swallowedLines']]);
    expect(summary.imported).toBe(3);
    expect(summary.netRevenue).toBe(90);
    // The revenue lands on the customers of its own lines.
    expect(sink.chunks[0].rows).toBe(3);
  });

  it('costs one line per opening quote when there are hundreds of them', async () => {
    const rows: string[] = ['customer,date,amount,product'];
    for (let i = 0; i < 3000; i++) {
      const p = i % 10 === 3 ? '"Deluxe ' + i : i % 10 === 7 ? 'Monitor 24"' : 'Teil ' + i;
      rows.push(`K${i % 50},2024-01-${String((i % 28) + 1).padStart(2, '0')},1.00,${p}`);
    }
    const { summary, rejects } = await importText(rows.join('\n') + '\n');
    expect(summary.rejected).toBe(300);
    expect(new Set(rejects.map((r) => r.reason))).toEqual(new Set(['swallowedLines']));
    expect(summary.imported).toBe(2700);
    expect(summary.rowsRead + 1).toBe(rows.length);
  });
});

describe('dates far outside the rest of the data', () => {
  it('rejects 9999-12-31 and 1899-12-31 with their own reason and keeps the range of the real orders', async () => {
    const { summary, rejects } = await importText(
      'customer,date,amount\n' +
        'K1,2024-01-01,10.00\n' +
        'K2,9999-12-31,20.00\n' +
        'K3,2024-03-01,30.00\n' +
        'K4,1899-12-31,40.00\n' +
        'K5,1900-01-01,50.00\n',
    );
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'outlierDate'],
      [5, 'outlierDate'],
    ]);
    expect(summary.rejectedRevenue.outlierDate).toBe(60);
    expect(summary.firstDate).toBe('1900-01-01');
    expect(summary.lastDate).toBe('2024-03-01');
  });
});

describe('customer ids', () => {
  it('reads 17850.00, 1.785E4, 1,785E+04 and 17850,0 as the customer 17850', async () => {
    const { summary, dictionaries } = await importText(
      'customer;date;amount\n' +
        '17850;2024-01-01;1\n' +
        '17850.00;2024-01-02;1\n' +
        '1.785E4;2024-01-03;1\n' +
        '1,785E+04;2024-01-04;1\n' +
        '17850,0;2024-01-05;1\n' +
        '\u200b17850\u3000;2024-01-06;1\n' +
        '17851;2024-01-07;1\n',
      { delimiter: ';' },
    );
    expect(summary.imported).toBe(7);
    expect(dictionaries.customer).toEqual(['17850', '17851']);
  });

  it('rejects ids made only of invisible characters as missing', async () => {
    const { summary, rejects } = await importText(
      'customer,date,amount\n' +
        'K1,2024-01-01,1\n' +
        '\u200b\u200b,2024-01-02,2\n' +
        '\u3000,2024-01-03,3\n' +
        '\ufeff,2024-01-04,4\n' +
        ' \u200d ,2024-01-05,5\n',
    );
    expect(summary.imported).toBe(1);
    expect(summary.customers).toBe(1);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'missingCustomer'],
      [4, 'missingCustomer'],
      [5, 'missingCustomer'],
      [6, 'missingCustomer'],
    ]);
  });
});

describe('time suffixes', () => {
  it('accepts an offset, a zone name and 24:00 (the start of the next day)', async () => {
    const { parseDate } = await import('../../src/ingest/normalize');
    const jan1 = Date.UTC(2024, 0, 1) / 86_400_000;
    expect(parseDate('2024-01-01T08:26:00+0100', 'iso')).toBe(jan1);
    expect(parseDate('2024-01-01 08:26:00 +01:00', 'iso')).toBe(jan1);
    expect(parseDate('2024-01-01 08:26 CET', 'iso')).toBe(jan1);
    expect(parseDate('01.01.2024 08:26 MESZ', 'dmy-dot')).toBe(jan1);
    expect(parseDate('2024-01-01T24:00:00Z', 'iso')).toBe(jan1 + 1);
    expect(parseDate('2024-01-01T24:30:00Z', 'iso')).toBeNaN();
    expect(parseDate('2024-01-01 08:26 XYZ', 'iso')).toBeNaN();
  });
});

describe('amounts in different currencies', () => {
  it('rejects amounts that name a currency other than the dataset’s instead of adding them up', async () => {
    const { summary, rejects } = await importText(
      'customer;date;amount\n' +
        'K1;2024-01-01;10,00 €\n' +
        'K2;2024-01-02;$20,00\n' +
        'K3;2024-01-03;£30,00\n' +
        'K4;2024-01-04;CHF 40,00\n' +
        'K5;2024-01-05;EUR 50,00\n' +
        'K6;2024-01-06;60,00\n',
      { delimiter: ';', decimal: ',', currency: 'EUR' },
    );
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'otherCurrency'],
      [4, 'otherCurrency'],
      [5, 'otherCurrency'],
    ]);
    expect(summary.netRevenue).toBe(10 + 50 + 60);
  });
});

describe('the sniff', () => {
  it('reads on when the first data row is longer than the sample, instead of "only a header row"', async () => {
    const { readSample, sniff, SNIFF_BYTES } = await import('../../src/ingest/sniff');
    const long = 'x'.repeat(SNIFF_BYTES + 1000);
    const file = utf8(
      'customer,date,amount,note\n' +
        `K1,2024-01-01,10.00,${long}\n` +
        'K2,2024-01-02,20.00,kurz\n' +
        'K3,2024-01-03,30.00,kurz\n',
    );
    const head = await readSample(file.length, async (n) => file.subarray(0, n));
    expect(head.length).toBeGreaterThan(SNIFF_BYTES);
    const s = sniff(head, 'long.csv', file.length);
    expect(s.hasHeader).toBe(true);
    expect(s.sampleRows.map((r) => r[0])).toEqual(['K1', 'K2', 'K3']);
  });

  it('refuses a file of one very long line with thousands of columns, with the count', async () => {
    const { readSample, sniff } = await import('../../src/ingest/sniff');
    const file = utf8(Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(','));
    const head = await readSample(file.length, async (n) => file.subarray(0, n));
    expect(() => sniff(head, 'one-line.csv', file.length)).toThrow(
      expect.objectContaining({ code: 'tooManyColumns', params: { columns: 50_000, max: 1000 } }),
    );
  });

  it('reads UTF-16 without a byte-order mark as text, and a NUL byte in a text file is no binary', async () => {
    const { binaryKind, detectEncoding, sniff } = await import('../../src/ingest/sniff');
    const text = 'Kunde;Datum;Betrag\nK1;01.01.2024;10,00\nK2;02.01.2024;20,00\n';
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i);
      be[2 * i + 1] = text.charCodeAt(i);
    }
    expect(binaryKind(le)).toBeNull();
    expect(binaryKind(be)).toBeNull();
    expect(detectEncoding(le, false).encoding).toBe('utf-16le');
    expect(detectEncoding(be, false).encoding).toBe('utf-16be');
    expect(sniff(le, 'a.csv', le.length).sampleRows).toEqual([
      ['K1', '01.01.2024', '10,00'],
      ['K2', '02.01.2024', '20,00'],
    ]);
    const nul = utf8('Kunde;Datum;Betrag\nK1;01.01.2024;10,00\u0000\nK2;02.01.2024;20,00\n');
    expect(binaryKind(nul)).toBeNull();
  });

  it('refuses a small file that mixes Windows-1252 and UTF-8, with the line of the first foreign byte', async () => {
    const { sniff } = await import('../../src/ingest/sniff');
    // Line 2 has a UTF-8 ü (C3 BC), line 3 a Windows-1252 ü (FC).
    const file = new Uint8Array([
      ...utf8('Kunde;Datum\nM'),
      0xc3,
      0xbc,
      ...utf8('ller;01.01.2024\nM'),
      0xfc,
      ...utf8('ller;02.01.2024\n'),
    ]);
    expect(() => sniff(file, 'mixed.csv', file.length)).toThrow(
      expect.objectContaining({ code: 'encoding', params: { line: 3, mixed: 1 } }),
    );
    // Windows-1252 throughout is read as such.
    const cp1252 = new Uint8Array([...utf8('Kunde;Datum\nM'), 0xfc, ...utf8('ller;01.01.2024\n')]);
    expect(sniff(cp1252, 'a.csv', cp1252.length).encoding).toBe('windows-1252');
  });
});

describe('no view spreads an unbounded array into Math.max or Math.min', () => {
  it('finds no `Math.max(...` or `Math.min(...` spread in src/ outside the optimizer’s fixed-size simplex', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, relative, resolve } = await import('node:path');
    const root = resolve(__dirname, '../../src');
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|svelte)$/.test(name)) {
          const lines = readFileSync(p, 'utf8').split('\n');
          lines.forEach((l, i) => {
            if (/Math\.(max|min)\([^)]*\.\.\./.test(l)) hits.push(`${relative(root, p)}:${i + 1}`);
          });
        }
      }
    };
    walk(root);
    // The Nelder–Mead simplex has one point more than the model has parameters (at most 5).
    expect(hits.filter((h) => !h.startsWith('analytics/btyd/optimize.ts'))).toEqual([]);
  });
});
