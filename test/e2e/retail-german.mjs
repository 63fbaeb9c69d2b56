// Online Retail (../shared/data/online_retail.csv) written as a German ERP would export it: Windows-1252, `;`,
// German headers, dd.mm.yyyy dates, decimal commas, German country names. Used by the test "A German export of the first
// 50,000 lines gives the same totals as the original" (import-robustness.test.mjs) and the guards tests; the data
// stay in ../shared/data and are converted in memory.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { SHARED_DATA } from './harness.mjs';
import { encodeWindows1252 } from '../../scripts/generate-demo.mjs';

export const RETAIL = resolve(SHARED_DATA, 'online_retail.csv');

const COUNTRY = {
  'United Kingdom': 'Vereinigtes Königreich',
  France: 'Frankreich',
  Germany: 'Deutschland',
  Austria: 'Österreich',
  Denmark: 'Dänemark',
  Australia: 'Australien',
  Netherlands: 'Niederlande',
  Norway: 'Norwegen',
  EIRE: 'Irland',
  Switzerland: 'Schweiz',
  Spain: 'Spanien',
  Belgium: 'Belgien',
  Sweden: 'Schweden',
  Italy: 'Italien',
};

/** The first `n` data lines (all by default) of Online Retail, as the original bytes and as the German export. */
export function retailGerman(n = Infinity) {
  const textIn = readFileSync(RETAIL, 'utf8');
  let end = textIn.length;
  if (Number.isFinite(n)) {
    end = 0;
    for (let i = 0; i <= n; i++) end = textIn.indexOf('\n', end) + 1;
  }
  const original = textIn.slice(0, end);
  const rows = Papa.parse(original, { skipEmptyLines: true }).data.slice(1);
  const de = (x) => {
    const [int, frac] = Math.abs(x).toFixed(2).split('.');
    return `${x < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
  };
  const cell = (s) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = [
    'Rechnungsnummer;Artikelnummer;Bezeichnung;Menge;Rechnungsdatum;Einzelpreis;Kundennummer;Land',
  ];
  for (const [inv, code, desc, qty, date, price, cust, country] of rows) {
    const [y, m, d] = date.slice(0, 10).split('-');
    const dateDe = `${d}.${m}.${y} ${date.slice(11, 16)}`;
    out.push(
      [inv, code, desc, qty, dateDe, de(Number(price)), cust.replace(/\.0$/, ''), COUNTRY[country] ?? country]
        .map(cell)
        .join(';'),
    );
  }
  const countries = [...new Set(rows.filter((r) => r[6] !== '').map((r) => COUNTRY[r[7]] ?? r[7]))].sort();
  return {
    countries,
    original: Buffer.from(original, 'utf8'),
    german: Buffer.from(encodeWindows1252(out.join('\r\n') + '\r\n')),
  };
}
