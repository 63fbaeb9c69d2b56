// Generates Online-Retail-like CSV files for the benchmarks (deterministic; about 65 bytes a row).
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { mulberry32 } from '../scripts/generate-demo.mjs';

const WORDS = [
  'HEART',
  'LANTERN',
  'BAG',
  'RETROSPOT',
  'VINTAGE',
  'CANDLE',
  'HOLDER',
  'MUG',
  'BOX',
  'CARD',
  'SET',
  'PINK',
];
const COUNTRIES = [
  'United Kingdom',
  'Germany',
  'France',
  'EIRE',
  'Spain',
  'Netherlands',
  'Belgium',
  'Switzerland',
];

/**
 * Writes `rows` data rows to `path` unless a file of that row count exists. Returns the path.
 * `customers` sets the range of customer ids (`skew` 1 draws them evenly); `missingShare` of the orders have no
 * customer id; 2 % are cancellations.
 */
export async function generateRetailCsv(
  path,
  rows,
  { customers = 4000, seed = 42, missingShare = 0.25, maxLines = 30, skew = 2 } = {},
) {
  if (existsSync(path) && statSync(path).size > rows * 40) return path;
  mkdirSync(dirname(path), { recursive: true });
  const rnd = mulberry32(seed);
  const out = createWriteStream(path);
  const products = Array.from({ length: 3000 }, (_, i) => {
    const desc = `${WORDS[i % 12]} ${WORDS[(i * 7) % 12]}${i % 3 === 0 ? ` ${WORDS[(i * 5) % 12]}` : ''}`;
    return {
      code: String(20000 + i),
      desc: i % 25 === 0 ? `"${desc}, ASSORTED"` : desc,
      price: (rnd() * 12 + 0.3).toFixed(2),
    };
  });
  let buf = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
  let invoice = 536365;
  // About 1,000 days of data whatever the size: the chance that an order starts a new day.
  const newDay = Math.min(1, 1000 / (rows / ((maxLines + 1) / 2)));
  let day = Date.UTC(2010, 11, 1);
  let left = 0;
  let cust = '';
  let country = '';
  let cancel = false;
  let time = '';
  for (let i = 0; i < rows; i++) {
    if (left === 0) {
      invoice++;
      left = 1 + Math.floor(rnd() * maxLines);
      cancel = rnd() < 0.02;
      cust = rnd() < missingShare ? '' : `${12346 + Math.floor(rnd() ** skew * customers)}.0`;
      country = COUNTRIES[Math.floor(rnd() ** 3 * COUNTRIES.length)];
      if (rnd() < newDay) day += 86_400_000;
      const d = new Date(day);
      time = `${d.toISOString().slice(0, 10)} ${String(8 + Math.floor(rnd() * 10)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00`;
    }
    left--;
    const p = products[Math.floor(rnd() * products.length)];
    const qty = (1 + Math.floor(rnd() * 24)) * (cancel ? -1 : 1);
    buf += `${cancel ? 'C' : ''}${invoice},${p.code},${p.desc},${qty},${time},${p.price},${cust},${country}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return path;
}

const CHANNELS = ['Webshop', 'Messe', 'Telefon', 'Außendienst', 'Empfehlung'];
/** Share of the customers acquired through each channel (in the order of CHANNELS). */
const CHANNEL_SHARES = [0.4, 0.15, 0.2, 0.1, 0.15];
/** Monthly spend per paid channel (EUR, ± 30 %), and a newsletter for existing customers. */
const MONTHLY_SPEND = { Webshop: 40_000, Messe: 25_000, Telefon: 18_000, Außendienst: 30_000 };
const NEWSLETTER = 6_000;

/**
 * Writes a customer master file and a marketing spend file for the customers of `generateRetailCsv` (ids 12346 …
 * 12346 + customers − 1, written without the order file's `.0`, which the import reads as the same id): per
 * customer an acquisition channel, a first contact, support tickets and an NPS score for 60 %; per month from
 * 12.2010 to 12.2013 and paid channel a spend row, and a newsletter row for existing customers. Returns both paths
 * (files of the right size are kept).
 */
export async function generateRecordCsvs(dir, { customers = 110_000, seed = 11 } = {}) {
  mkdirSync(dir, { recursive: true });
  const master = `${dir}/master-${customers}.csv`;
  const spend = `${dir}/spend-${customers}.csv`;
  const rnd = mulberry32(seed);
  if (!(existsSync(master) && statSync(master).size > customers * 30)) {
    const out = createWriteStream(master);
    let buf = 'Kundennummer;Akquisekanal;Erstkontakt;Support-Tickets;NPS\n';
    const start = Date.UTC(2010, 8, 1);
    for (let i = 0; i < customers; i++) {
      let u = rnd();
      let ch = 0;
      while (ch < CHANNELS.length - 1 && u >= CHANNEL_SHARES[ch]) u -= CHANNEL_SHARES[ch++];
      const contact = new Date(start + Math.floor(rnd() * 1000) * 86_400_000);
      const dd = String(contact.getUTCDate()).padStart(2, '0');
      const mm = String(contact.getUTCMonth() + 1).padStart(2, '0');
      const tickets = Math.floor(-Math.log(1 - rnd()) * 1.5);
      const nps = rnd() < 0.6 ? String(Math.min(10, Math.floor(rnd() * 11))) : '';
      buf += `${12346 + i};${CHANNELS[ch]};${dd}.${mm}.${contact.getUTCFullYear()};${tickets};${nps}\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
        buf = '';
      }
    }
    out.write(buf);
    await new Promise((r) => out.end(r));
  }
  if (!existsSync(spend)) {
    let text = 'Monat;Kanal;Kosten;Zweck\n';
    for (let y = 2010; y <= 2013; y++) {
      for (let m = y === 2010 ? 12 : 1; m <= 12; m++) {
        const month = `${String(m).padStart(2, '0')}.${y}`;
        for (const [channel, base] of Object.entries(MONTHLY_SPEND))
          text += `${month};${channel};${(base * (0.7 + 0.6 * rnd())).toFixed(2).replace('.', ',')};Akquise\n`;
        text += `${month};Newsletter;${(NEWSLETTER * (0.7 + 0.6 * rnd())).toFixed(2).replace('.', ',')};Bestandskunden\n`;
      }
    }
    const out = createWriteStream(spend);
    out.write(text);
    await new Promise((r) => out.end(r));
  }
  return { master, spend };
}
