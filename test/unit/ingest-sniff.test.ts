import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../../scripts/generate-demo.mjs';
import {
  decodeSample,
  detectCancelPrefix,
  detectDecimal,
  detectDelimiter,
  detectEncoding,
  profileColumns,
  sniff,
} from '../../src/ingest/sniff';
import { GERMAN, GERMAN_ITEMS, US, CDNOW } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const sniffText = (bytes: Uint8Array, name = 'test.csv') => sniff(bytes, name, bytes.length);

describe('detectEncoding', () => {
  it('reads a UTF-8 BOM', () => {
    expect(detectEncoding(withBom('a;b\n'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('reads UTF-16 BOMs', () => {
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x61]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
    });
  });

  it('takes valid UTF-8 without a BOM as UTF-8, and plain ASCII too', () => {
    expect(detectEncoding(utf8('Kunde;Ort\nMüller;Köln\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(utf8('a,b\n1,2\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(new Uint8Array(0))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (German Excel export)', () => {
    expect(detectEncoding(encodeWindows1252(GERMAN))).toEqual({ encoding: 'windows-1252', bomLength: 0 });
    expect(detectEncoding(encodeWindows1252('Betrag\n€ 5\n'))).toEqual({
      encoding: 'windows-1252',
      bomLength: 0,
    });
  });

  it('tolerates a UTF-8 character cut off at the end of a truncated sample', () => {
    const bytes = utf8('Kunde\nMüller\n');
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of ü
    expect(detectEncoding(bytes.subarray(0, cut))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(bytes.subarray(0, cut), true)).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('does not take a complete file that ends in a lone UTF-8 lead byte for UTF-8', () => {
    // Windows-1252 `ß` is 0xDF, a UTF-8 lead byte: only at the very end of the file is it not followed by a
    // continuation byte that would give the encoding away.
    const bytes = encodeWindows1252('Kunde;Datum;Betrag\r\nK1;01.01.2024;5,00;Weiß');
    expect(bytes[bytes.length - 1]).toBe(0xdf);
    expect(detectEncoding(bytes, false)).toEqual({ encoding: 'windows-1252', bomLength: 0 });
    expect(sniffText(bytes).encoding).toBe('windows-1252');
    // As the head of a longer file the sample may have cut a character in two.
    expect(sniff(bytes, 'x.csv', bytes.length + 100).encoding).toBe('utf-8');
  });
});

describe('decodeSample', () => {
  it('drops the BOM', () => {
    expect(decodeSample(withBom('Kunde;Betrag\n'), 'utf-8', false)).toBe('Kunde;Betrag\n');
  });

  it('decodes Windows-1252 including the bytes 0x80–0x9F', () => {
    const bytes = encodeWindows1252('Müller „Spezial“ – € 5\n');
    expect([...bytes.subarray(0, 2)]).toEqual([0x4d, 0xfc]);
    expect(decodeSample(bytes, 'windows-1252', false)).toBe('Müller „Spezial“ – € 5\n');
  });

  it('drops the partial last line of a truncated sample', () => {
    const bytes = utf8('a;b\r\n1;2\r\n3;4\r\n5;6');
    expect(decodeSample(bytes, 'utf-8', true)).toBe('a;b\r\n1;2\r\n3;4\r');
    expect(decodeSample(bytes, 'utf-8', false)).toBe('a;b\r\n1;2\r\n3;4\r\n5;6');
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string, string]>([
    ['semicolon with decimal commas', 'Kunde;Datum;Betrag\nA;01.01.2024;12,50\nB;02.01.2024;1.234,56\n', ';'],
    ['comma with quoted commas', 'a,b,c\n1,"x, y",3\n4,"z",6\n', ','],
    ['comma with quoted semicolons', 'a,b,c\n1,"x; y; z",3\n4,"p;q",6\n', ','],
    ['tab', 'Kundennr\tDatum\tUmsatz\nK1\t01.01.2024\t12,50\nK2\t02.01.2024\t7,00\n', '\t'],
    ['pipe', 'id|date|amount\n1|2024-01-01|1.00\n2|2024-01-02|2.00\n', '|'],
    ['whitespace-aligned', CDNOW, 'whitespace'],
    ['a single column', 'Kunde\nA\nB\n', ','],
  ])('%s → %j', (_name, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('detectDecimal', () => {
  it.each<[string[][], ',' | ';', string]>([
    [[['1.234,56']], ',', ','],
    [[['12,50']], ',', ','],
    [[['-12,50'], ['(45,10)'], ['12,50-']], ',', ','],
    [[['1,234.56']], ';', '.'],
    [[['2.55'], ['-3.10']], ';', '.'],
    [[['0.1234']], ';', '.'],
    // Undecidable (`1,234` could be either): the delimiter decides.
    [[['1,234'], ['7']], ';', ','],
    [[['1,234'], ['7']], ',', '.'],
    // Majority wins; dates and ids do not count.
    [
      [
        ['01.12.2010', '3,5'],
        ['02.12.2010', '4,5'],
        ['17850', '2.5'],
      ],
      ',',
      ',',
    ],
    // Months `MM.YYYY` (a spend file's period) are no decimal numbers: the amounts decide.
    [
      [
        ['01.2024', 'Messe', '100,00'],
        ['02.2024', 'Messe', '250,00'],
        ['03.2024', 'Web', '7'],
        ['12.2024', 'Web', '8'],
      ],
      ';',
      ',',
    ],
    [[['01.2024'], ['02.2024']], ',', '.'],
  ])('%j with delimiter %j → %j', (rows, delimiter, expected) => {
    expect(detectDecimal(rows, delimiter)).toBe(expected);
  });
});

describe('detectCancelPrefix', () => {
  it.each<[string[], string]>([
    [['536365', '536366', 'C536379', '536367'], 'C'],
    [['536365', '536366', 'c536379'], 'c'],
    [['536365', '536366'], ''],
    [['C536379'], ''],
    [['C1', 'C2', '3'], ''],
    [['536365', 'A536379'], ''],
    [['R-1', 'R-2', 'C-3'], ''],
    [[], ''],
  ])('%j → %j', (values, expected) => {
    expect(detectCancelPrefix(values)).toBe(expected);
  });
});

describe('profileColumns: date formats', () => {
  const profile = (cells: string[]) =>
    profileColumns(
      ['d'],
      cells.map((c) => [c]),
      '.',
    )[0];

  it('flags slash dates whose parts are all ≤ 12 as ambiguous', () => {
    const p = profile(['03/04/2024', '05/06/2024', '11/12/2024', '1/2/2024 8:26']);
    expect(p.dateFormats).toEqual(['mdy-slash', 'dmy-slash']);
    expect(p.dateAmbiguous).toBe(true);
  });

  it('resolves slash dates with a day > 12 in the second place to month first', () => {
    const p = profile(['12/1/2010 8:26', '12/2/2010 9:00', '12/13/2010 10:00']);
    expect(p.dateFormats).toEqual(['mdy-slash']);
    expect(p.dateAmbiguous).toBe(false);
  });

  it('resolves slash dates with a day > 12 in the first place to day first', () => {
    const p = profile(['03/04/2024', '13/04/2024', '05/06/2024']);
    expect(p.dateFormats).toEqual(['dmy-slash']);
    expect(p.dateAmbiguous).toBe(false);
  });

  it('resolves by majority when a format fits ≥ 90 % but the other one fits more', () => {
    const cells = Array.from({ length: 19 }, (_, i) => `${(i % 12) + 1}/${(i % 12) + 1}/2024`);
    cells.push('25/12/2024');
    const p = profile(cells);
    expect(p.dateFormats).toEqual(['dmy-slash']);
    expect(p.dateAmbiguous).toBe(false);
  });

  it('recognizes every other format, and nothing in amounts or ids', () => {
    expect(profile(['2024-01-31', '2024-02-29T08:00:00Z']).dateFormats).toEqual(['iso']);
    expect(profile(['31.01.2024', '29.02.2024 14:30']).dateFormats).toEqual(['dmy-dot']);
    expect(profile(['31.01.24', '29.02.24']).dateFormats).toEqual(['dmy-dot-short']);
    expect(profile(['19970101', '19971231']).dateFormats).toEqual(['ymd-compact']);
    expect(profile(['12.50', '3.99']).dateFormats).toEqual([]);
    expect(profile(['00001', '17850']).dateFormats).toEqual([]);
    expect(profile(['31.02.2024', '30.02.2024']).dateFormats).toEqual([]);
  });

  it('needs 60 % of the non-empty cells to parse', () => {
    const nine = ['01.01.2024', '02.01.2024', '03.01.2024', '04.01.2024', '05.01.2024'];
    expect(profile([...nine, '06.01.2024', 'x', 'y', 'z', 'w']).dateFormats).toEqual(['dmy-dot']);
    expect(profile([...nine, 'v', 'x', 'y', 'z', 'w']).dateFormats).toEqual([]);
    // A small export with 2 broken dates out of 11 (82 %) still has its date column.
    expect(
      profile([...nine, '06.01.2024', '07.01.2024', '08.01.2024', '09.01.2024', '31.02.2024', '2024-01-10'])
        .dateFormats,
    ).toEqual(['dmy-dot']);
    // Blank cells do not count.
    expect(profile([...nine, '', ' ', '']).dateFormats).toEqual(['dmy-dot']);
  });

  it('counts numbers, integers, distinct values and samples', () => {
    const p = profileColumns(
      ['Betrag'],
      [['1.234,56'], ['12'], ['12'], [''], ['n/a'], ['(3,00)'], ['7'], ['8'], ['9']],
      ',',
    )[0];
    expect(p).toEqual({
      index: 0,
      name: 'Betrag',
      samples: ['1.234,56', '12', 'n/a', '(3,00)', '7'],
      nonEmpty: 8,
      distinct: 7,
      numericShare: 7 / 8,
      integerShare: 6 / 8,
      dateFormats: [],
      dateAmbiguous: false,
      letterPrefix: '',
    });
  });
});

describe('sniff', () => {
  it('a German export: Windows-1252, `;`, decimal comma, dd.mm.yyyy, CRLF', () => {
    const bytes = encodeWindows1252(GERMAN);
    const s = sniff(bytes, 'Umsätze 2024.csv', bytes.length);
    expect(s).toMatchObject({
      fileName: 'Umsätze 2024.csv',
      fileSize: bytes.length,
      encoding: 'windows-1252',
      hasBom: false,
      delimiter: ';',
      skipRows: 0,
      hasHeader: true,
      decimal: ',',
      lineEnding: 'CRLF',
      headers: ['Belegnummer', 'Rechnungsdatum', 'Kundennummer', 'Kunde', 'Betrag', 'Branche'],
    });
    expect(s.sampleRows).toHaveLength(11);
    expect(s.sampleRows[7]).toEqual([
      '10008',
      '31.12.2024',
      'K-004',
      'Straßenbau Kühn',
      '€ 2.000,00',
      'Großhandel',
    ]);
    const [order, date, customer, name, amount, branche] = s.profiles;
    expect(order.letterPrefix).toBe('C');
    expect(order.integerShare).toBe(10 / 11);
    // One of 11 dates is 31.02.: 10/11 ≥ 90 %.
    expect(date.dateFormats).toEqual(['dmy-dot']);
    expect(date.dateAmbiguous).toBe(false);
    expect(customer).toMatchObject({ nonEmpty: 10, distinct: 4, numericShare: 0, dateFormats: [] });
    expect(name.samples).toEqual([
      'Müller GmbH',
      'Bäckerei Weiß',
      'Öko-Laden Süd',
      'Unbekannt',
      'Straßenbau Kühn',
    ]);
    // 250,00 10,00 5,00 and € 2.000,00 are whole numbers; n/a is no number.
    expect(amount).toMatchObject({ nonEmpty: 11, distinct: 10, numericShare: 10 / 11, integerShare: 4 / 11 });
    expect(branche.samples).toEqual(['Großhandel', 'Bäckerhandwerk', 'Einzelhandel']);
  });

  it('German line items with a time in the date and typographic characters from 0x80–0x9F', () => {
    const s = sniffText(encodeWindows1252(GERMAN_ITEMS));
    expect(s).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      hasHeader: true,
      decimal: ',',
      lineEnding: 'LF',
      headers: ['Rechnungsnr', 'Datum', 'Kunde', 'Artikel', 'Menge', 'Einzelpreis', 'Region'],
    });
    expect(s.profiles[1].dateFormats).toEqual(['dmy-dot']);
    expect(s.profiles[3].samples).toEqual(['Kaffee „Crema“ – 1 kg', 'Filter', 'Mehl Type 550']);
    expect(s.profiles[4]).toMatchObject({ numericShare: 1, integerShare: 1 });
    expect(s.profiles[5]).toMatchObject({ numericShare: 1, integerShare: 0 });
    expect(s.profiles[0].letterPrefix).toBe('');
  });

  it('the same German file saved as UTF-8 with a BOM', () => {
    const s = sniffText(withBom(GERMAN));
    expect(s).toMatchObject({ encoding: 'utf-8', hasBom: true, delimiter: ';', decimal: ',' });
    expect(s.headers[0]).toBe('Belegnummer');
    expect(s.sampleRows[0][3]).toBe('Müller GmbH');
  });

  it('a US export: `,`, grouping comma, mm/dd/yyyy with a time', () => {
    const s = sniffText(utf8(US));
    expect(s).toMatchObject({
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ',',
      hasHeader: true,
      decimal: '.',
      lineEnding: 'LF',
      headers: ['Order ID', 'Order Date', 'Customer ID', 'Customer Name', 'Amount', 'Country'],
    });
    expect(s.sampleRows[2]).toEqual([
      '1003',
      '1/5/2011 14:05',
      '13047.0',
      'O"Brien & Co',
      '-20.00',
      'United Kingdom',
    ]);
    expect(s.profiles[1]).toMatchObject({ dateFormats: ['mdy-slash'], dateAmbiguous: false });
    expect(s.profiles[4]).toMatchObject({
      numericShare: 1,
      samples: ['1,234.56', '99.99', '-20.00', '2,000.00'],
    });
    expect(s.profiles[2]).toMatchObject({ numericShare: 1, integerShare: 1, distinct: 4 });
  });

  it('a UTF-8 BOM, CRLF and quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text =
      'customer_id,date,amount,note\r\n' +
      'A1,2024-01-01,10.00,"plain"\r\n' +
      'A2,2024-01-02,20.50,"has, comma"\r\n' +
      'A3,2024-01-03,30.25,"say ""hi"""\r\n' +
      'A4,2024-01-04,40.00,"line one\r\nline two"\r\n';
    const s = sniffText(withBom(text));
    expect(s).toMatchObject({
      encoding: 'utf-8',
      hasBom: true,
      delimiter: ',',
      lineEnding: 'CRLF',
      hasHeader: true,
      headers: ['customer_id', 'date', 'amount', 'note'],
    });
    expect(s.sampleRows).toEqual([
      ['A1', '2024-01-01', '10.00', 'plain'],
      ['A2', '2024-01-02', '20.50', 'has, comma'],
      ['A3', '2024-01-03', '30.25', 'say "hi"'],
      ['A4', '2024-01-04', '40.00', 'line one\r\nline two'],
    ]);
    expect(s.profiles[1].dateFormats).toEqual(['iso']);
  });

  it('a whitespace-aligned file (CDNOW): no header, ymd-compact dates, ids kept as text', () => {
    const s = sniffText(utf8(CDNOW), 'CDNOW_master.txt');
    expect(s).toMatchObject({
      encoding: 'utf-8',
      delimiter: 'whitespace',
      skipRows: 0,
      hasHeader: false,
      decimal: '.',
      lineEnding: 'CRLF',
      headers: ['#1', '#2', '#3', '#4'],
    });
    expect(s.sampleRows).toHaveLength(10);
    expect(s.sampleRows[0]).toEqual(['00001', '19970101', '1', '11.77']);
    expect(s.profiles[0]).toMatchObject({
      samples: ['00001', '00002', '00003', '00004'],
      distinct: 4,
      nonEmpty: 10,
      dateFormats: [],
    });
    expect(s.profiles[1]).toMatchObject({ dateFormats: ['ymd-compact'], integerShare: 1 });
    expect(s.profiles[3]).toMatchObject({ numericShare: 1, integerShare: 2 / 10 }); // 12.00 and 77.00
  });

  it('Excel "Unicode text": UTF-16LE with a BOM, tab-separated', () => {
    const text = 'Kundennummer\tDatum\tUmsatz\r\nK-1\t01.02.2024\t1.234,56\r\nK-2\t02.02.2024\t7,00\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const s = sniffText(bytes);
    expect(s).toMatchObject({
      encoding: 'utf-16le',
      hasBom: true,
      delimiter: '\t',
      decimal: ',',
      headers: ['Kundennummer', 'Datum', 'Umsatz'],
      sampleRows: [
        ['K-1', '01.02.2024', '1.234,56'],
        ['K-2', '02.02.2024', '7,00'],
      ],
    });
  });

  it('skips a metadata line before the header (DATEV style)', () => {
    const text =
      'Export vom 01.03.2024\nKundennr;Datum;Umsatz\nK1;01.01.2024;12,50\nK2;02.01.2024;7,00\nK1;03.01.2024;1,00\n';
    const s = sniffText(utf8(text));
    expect(s).toMatchObject({ skipRows: 1, hasHeader: true, headers: ['Kundennr', 'Datum', 'Umsatz'] });
    expect(s.sampleRows).toHaveLength(3);
  });

  it('a metadata line one cell narrower than the data is still skipped', () => {
    const text = 'Export;März 2024\nKundennr;Datum;Umsatz\nK1;01.01.2024;12,50\nK2;02.01.2024;7,00\n';
    expect(sniffText(utf8(text))).toMatchObject({
      skipRows: 1,
      hasHeader: true,
      headers: ['Kundennr', 'Datum', 'Umsatz'],
    });
  });

  it('data rows that end in a delimiter under a header that does not: the header is kept', () => {
    const s = sniffText(
      utf8('Kunde;Datum;Betrag\nA;01.01.2024;1,00;\nB;02.01.2024;2,00;\nA;03.01.2024;2,00;\n'),
    );
    expect(s).toMatchObject({
      skipRows: 0,
      hasHeader: true,
      headers: ['Kunde', 'Datum', 'Betrag', '#4'],
    });
    expect(s.sampleRows[0]).toEqual(['A', '01.01.2024', '1,00', '']);
    expect(s.profiles[3].nonEmpty).toBe(0);
  });

  it('a file without a header row', () => {
    const s = sniffText(utf8('K1;01.01.2024;12,50\nK2;02.01.2024;7,00\n'));
    expect(s).toMatchObject({ hasHeader: false, headers: ['#1', '#2', '#3'], delimiter: ';', decimal: ',' });
    expect(s.sampleRows).toEqual([
      ['K1', '01.01.2024', '12,50'],
      ['K2', '02.01.2024', '7,00'],
    ]);
  });

  it('drops the partial last row of a sample that is shorter than the file', () => {
    const bytes = utf8('Kunde;Datum;Betrag\nMüller;01.01.2024;1,00\nMüller;02.01.2024;2,00\n');
    const cut = bytes.lastIndexOf(0xc3) + 1; // inside the ü of the last row
    const s = sniff(bytes.subarray(0, cut), 'big.csv', 10_000_000);
    expect(s.encoding).toBe('utf-8');
    expect(s.fileSize).toBe(10_000_000);
    expect(s.sampleRows).toEqual([['Müller', '01.01.2024', '1,00']]);
  });

  it('an empty file', () => {
    const s = sniffText(new Uint8Array(0), 'leer.csv');
    expect(s).toMatchObject({ hasHeader: false, headers: [], profiles: [], sampleRows: [], skipRows: 0 });
  });

  it('a header-only file', () => {
    const s = sniffText(utf8('Kundennummer;Datum;Betrag\r\n'));
    expect(s).toMatchObject({
      hasHeader: true,
      delimiter: ';',
      headers: ['Kundennummer', 'Datum', 'Betrag'],
      sampleRows: [],
    });
    expect(s.profiles.map((p) => p.nonEmpty)).toEqual([0, 0, 0]);
  });

  it('a file without any date column', () => {
    const s = sniffText(utf8('Kunde;Betrag;Notiz\nA;1,00;x\nB;2,00;y\nA;3,00;z\n'));
    expect(s.profiles.map((p) => p.dateFormats)).toEqual([[], [], []]);
  });
});

describe('sniff under a layout the user chose', () => {
  const bytes = encodeWindows1252(GERMAN);

  it('a wrong delimiter: the German export cut at commas has no date column', () => {
    const s = sniff(bytes, 'de.csv', bytes.length, { delimiter: ',' });
    expect(s.delimiter).toBe(',');
    // Rows split at their decimal comma ("1.234,56" → two cells); the header, one cell wide, is taken for a
    // metadata line and skipped.
    expect(s.skipRows).toBe(1);
    expect(s.headers).toEqual(['10001;02.01.2024;K-001;Müller GmbH;1.234', '56;Großhandel']);
    expect(s.profiles.every((p) => p.dateFormats.length === 0)).toBe(true);
  });

  it('back to `;`: the same profiles as the automatic sniff', () => {
    const auto = sniffText(bytes, 'de.csv');
    // The app always passes all four layout fields.
    const s = sniff(bytes, 'de.csv', bytes.length, {
      delimiter: ';',
      encoding: 'windows-1252',
      skipRows: 0,
      hasHeader: true,
    });
    expect(s).toEqual(auto);
    expect(s.profiles[1].dateFormats).toEqual(['dmy-dot']);
  });

  it('a forced encoding, rows to skip and no header are taken as given', () => {
    const s = sniff(bytes, 'de.csv', bytes.length, { encoding: 'utf-8', skipRows: 1, hasHeader: false });
    expect(s).toMatchObject({ encoding: 'utf-8', skipRows: 1, hasHeader: false });
    expect(s.headers).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    // Windows-1252 bytes read as UTF-8: "Müller" loses its ü to the replacement character.
    expect(s.sampleRows[0]).toEqual([
      '10001',
      '02.01.2024',
      'K-001',
      'M\uFFFDller GmbH',
      '1.234,56',
      'Gro\uFFFDhandel',
    ]);
    expect(s.profiles[1].dateFormats).toEqual(['dmy-dot']);
  });
});
