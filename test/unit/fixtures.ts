// Export fixtures shared by the sniffing, mapping and import tests.
import type { ImportOptions } from '../../src/shared/types';

/** A German Excel export: Windows-1252, `;`, decimal comma, dd.mm.yyyy, CRLF. */
export const GERMAN = [
  'Belegnummer;Rechnungsdatum;Kundennummer;Kunde;Betrag;Branche',
  '10001;02.01.2024;K-001;Müller GmbH;1.234,56;Großhandel',
  '10002;15.01.2024;K-002;Bäckerei Weiß;89,90;Bäckerhandwerk',
  '10003;29.02.2024;K-001;Müller GmbH;-12,50;Großhandel',
  'C10004;01.03.2024;K-003;Öko-Laden Süd;250,00;Einzelhandel',
  '10005;31.02.2024;K-002;Bäckerei Weiß;10,00;Bäckerhandwerk',
  '10006;05.03.2024;;Unbekannt;5,00;Einzelhandel',
  '10007;06.03.2024;K-003;Öko-Laden Süd;n/a;Einzelhandel',
  '10008;31.12.2024;K-004;Straßenbau Kühn;€ 2.000,00;Großhandel',
  '10002;15.01.2024;K-002;Bäckerei Weiß;89,90;Bäckerhandwerk',
  '10009;10.04.2024;K-002;Bäckerei Weiß;(45,10);Bäckerhandwerk',
  '10010;11.04.2024;K-001;Müller GmbH;12,50-;Großhandel',
].join('\r\n');

/** German line items with a time in the date and typographic quotes and dashes (bytes 0x84, 0x93, 0x96). */
export const GERMAN_ITEMS = [
  'Rechnungsnr;Datum;Kunde;Artikel;Menge;Einzelpreis;Region',
  'R-1;02.01.2024 08:15;Müller GmbH;Kaffee „Crema“ – 1 kg;2;12,49;Süd',
  'R-1;02.01.2024 08:15;Müller GmbH;Filter;10;0,99;Süd',
  'R-2;03.01.2024 14:30;Bäckerei Weiß;Mehl Type 550;25;1,15;Nord',
  'R-3;04.01.2024 09:00;Bäckerei Weiß;Mehl Type 550;-5;1,15;Nord',
  'R-4;05.01.2024 17:45;Straßenbau Kühn;Kaffee „Crema“ – 1 kg;1;12,49;Ost',
  '',
].join('\n');

/** A US export: `,`, grouping comma, month first. */
export const US = [
  'Order ID,Order Date,Customer ID,Customer Name,Amount,Country',
  '1001,12/1/2010 8:26,17850.0,"Smith, John","1,234.56",United States',
  '1002,12/13/2010 9:01,17850,"Smith, John",99.99,United States',
  '1003,1/5/2011 14:05,13047.0,"O""Brien & Co",-20.00,United Kingdom',
  '1004,2/28/2011 10:00,12583,Jones Ltd,"2,000.00",France',
  '',
].join('\n');

/** The head of CDNOW_master.txt: whitespace-aligned, no header, CRLF. */
export const CDNOW = [
  ' 00001 19970101  1   11.77',
  ' 00002 19970112  1   12.00',
  ' 00002 19970112  5   77.00',
  ' 00003 19970102  2   20.76',
  ' 00003 19970330  2   20.76',
  ' 00003 19970402  2   19.54',
  ' 00003 19971115  5   57.45',
  ' 00003 19971125  4   20.96',
  ' 00003 19980528  1   16.99',
  ' 00004 19970101  2   29.33',
  '',
].join('\r\n');

/** A seeded linear congruential generator: `rnd(k)` gives the next integer in [0, k). Deterministic per seed. */
export function seededInts(seed: number): (k: number) => number {
  let s = seed >>> 0;
  return (k) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % k;
  };
}

/** Import options for a plain `customer,date,amount` CSV with ISO dates and decimal points. */
export const OPTIONS: ImportOptions = {
  name: 'test',
  encoding: 'utf-8',
  delimiter: ',',
  lineEnding: 'LF',
  skipRows: 0,
  hasHeader: true,
  decimal: '.',
  dateFormat: 'iso',
  roles: { customer: 0, date: 1, amount: 2 },
  attributes: [],
  cancelPrefix: '',
  dropDuplicates: false,
  currency: 'EUR',
};
