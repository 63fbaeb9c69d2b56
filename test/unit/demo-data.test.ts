import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import {
  KNOWN_CAC,
  encodeWindows1252,
  generateDemoFiles,
  generateDemoRows,
  toCsv,
} from '../../scripts/generate-demo.mjs';

const HEADER =
  'Rechnungsnummer;Rechnungsdatum;Kundennummer;Kunde;Artikelnummer;Artikel;Warengruppe;Menge;Einzelpreis;Kanal;Region;Branche';
const COL = {
  number: 0,
  date: 1,
  customer: 2,
  name: 3,
  article: 4,
  group: 6,
  qty: 7,
  price: 8,
} as const;

// The default data set is generated once and shared by the tests below.
const demo = generateDemoRows();
const { rows, stats } = demo;

/** Strict `dd.mm.yyyy` with a real calendar date; returns ISO `yyyy-mm-dd` or null. */
function parseDate(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (
    date.getUTCFullYear() !== Number(yyyy) ||
    date.getUTCMonth() !== Number(mm) - 1 ||
    date.getUTCDate() !== Number(dd)
  ) {
    return null;
  }
  return `${yyyy}-${mm}-${dd}`;
}

/** German amount with exactly two decimals and `.` grouping from 1.000 on; returns cents or null. */
function parseAmount(text: string): number | null {
  if (!/^-?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}),\d{2}$/.test(text)) return null;
  return Math.round(Number(text.replace(/\./g, '').replace(',', '.')) * 100);
}

const isGood = (row: string[]) =>
  row[COL.customer] !== '' && parseDate(row[COL.date]) !== null && parseAmount(row[COL.price]) !== null;

/** Independent Windows-1252 decoder: Latin-1 plus the 0x80–0x9F table (Node's TextDecoder gets these wrong). */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) {
      const ch = CP1252_HIGH[b];
      if (ch === undefined) throw new Error(`undefined byte 0x${b.toString(16)}`);
      out += ch;
    } else {
      out += String.fromCharCode(b);
    }
  }
  return out;
}

describe('demo data: determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    const a = generateDemoRows({ seed: 42, customers: 300 });
    const b = generateDemoRows({ seed: 42, customers: 300 });
    const bytesA = encodeWindows1252(toCsv(a.header, a.rows));
    const bytesB = encodeWindows1252(toCsv(b.header, b.rows));
    expect(bytesA.length).toBeGreaterThan(10_000);
    expect(Buffer.from(bytesA).equals(Buffer.from(bytesB))).toBe(true);
    expect(a.stats).toEqual(b.stats);
  });

  it('gives different output for a different seed', () => {
    const a = generateDemoRows({ seed: 42, customers: 300 });
    const b = generateDemoRows({ seed: 43, customers: 300 });
    expect(toCsv(b.header, b.rows)).not.toBe(toCsv(a.header, a.rows));
  });

  it('uses seed 20231 and 3000 customers by default', () => {
    const explicit = generateDemoRows({ seed: 20231, customers: 3000 });
    expect(explicit.rows).toEqual(rows);
    expect(explicit.stats).toEqual(stats);
  });
});

describe('demo data: content', () => {
  it('has the exact header', () => {
    expect(demo.header.join(';')).toBe(HEADER);
    for (const row of rows) expect(row).toHaveLength(12);
  });

  it('reports stats that match a recount of the rows', () => {
    expect(stats.lines).toBe(rows.length);

    const customers = new Set(rows.map((r) => r[COL.customer]).filter((c) => c !== ''));
    expect(customers.size).toBe(3000);
    expect(stats.customers).toBe(3000);
    for (const c of customers) expect(c).toMatch(/^K-\d{5}$/);

    const returns = rows.filter((r) => Number(r[COL.qty]) < 0);
    expect(returns.length).toBe(stats.returnLines);
    expect(returns.length / rows.length).toBeGreaterThan(0.015);
    expect(returns.length / rows.length).toBeLessThan(0.025);

    let duplicates = 0;
    for (let i = 1; i < rows.length; i++) if (rows[i].join(';') === rows[i - 1].join(';')) duplicates++;
    expect(duplicates).toBe(stats.duplicateRows);
    expect(duplicates).toBe(10);

    const missingCustomer = rows.filter((r) => r[COL.customer] === '').length;
    const badDate = rows.filter((r) => parseDate(r[COL.date]) === null).length;
    const badAmount = rows.filter((r) => parseAmount(r[COL.price]) === null).length;
    expect({ missingCustomer, badDate, badAmount }).toEqual(stats.badRows);
    expect(stats.badRows).toEqual({ missingCustomer: 6, badDate: 4, badAmount: 3 });
    // Each broken row has exactly one defect.
    expect(rows.filter((r) => !isGood(r)).length).toBe(missingCustomer + badDate + badAmount);

    const invoices = new Set(rows.filter((r) => r[COL.number].startsWith('RE-')).map((r) => r[COL.number]));
    const notes = new Set(rows.filter((r) => r[COL.number].startsWith('GS-')).map((r) => r[COL.number]));
    expect(invoices.size).toBe(stats.invoices);
    expect(notes.size).toBe(stats.creditNotes);
  });

  it('only has valid dates within the stated range, in sorted order', () => {
    expect(stats.firstDate).toMatch(/^2023-01-\d{2}$/);
    expect(stats.lastDate).toMatch(/^2025-12-\d{2}$/);
    let previous = '';
    let seen = 0;
    for (const row of rows) {
      const iso = parseDate(row[COL.date]);
      if (iso === null) continue;
      seen++;
      expect(iso >= stats.firstDate && iso <= stats.lastDate).toBe(true);
      const key = `${iso} ${row[COL.number]}`;
      expect(key >= previous).toBe(true);
      previous = key;
    }
    expect(seen).toBe(rows.length - stats.badRows.badDate);
    const good = rows.map((r) => parseDate(r[COL.date])).filter((d): d is string => d !== null);
    expect(good[0]).toBe(stats.firstDate);
    expect(good[good.length - 1]).toBe(stats.lastDate);
  });

  it('formats document numbers, quantities and prices the German way', () => {
    for (const row of rows) {
      expect(row[COL.number]).toMatch(/^(RE|GS)-20(23|24|25)-\d{6}$/);
      expect(row[COL.article]).toMatch(/^A-\d{4}$/);
      expect(row[COL.qty]).toMatch(/^-?[1-9]\d*$/);
      expect(row[COL.number].startsWith('GS-')).toBe(Number(row[COL.qty]) < 0);
    }
    const prices = rows.map((r) => r[COL.price]).filter((p) => parseAmount(p) !== null);
    expect(prices.length).toBe(rows.length - stats.badRows.badAmount);
    expect(prices.some((p) => /^\d\.\d{3},\d{2}$/.test(p))).toBe(true); // e.g. 1.249,00
    expect(prices.every((p) => parseAmount(p)! > 0)).toBe(true);
  });

  it('credits only articles the customer bought before, at the same unit price', () => {
    const bought = new Set<string>();
    // Credited lines are never among the deliberately broken rows, so no row is skipped here.
    for (const row of rows) {
      const key = [row[COL.customer], row[COL.article], row[COL.price]].join('|');
      if (Number(row[COL.qty]) > 0) bought.add(key);
      else expect(bought.has(key)).toBe(true);
    }
  });

  it('contains German company names with umlauts and a quoted name', () => {
    const names = new Set(rows.map((r) => r[COL.name]));
    expect([...names].some((n) => n.includes('Müller'))).toBe(true);
    expect([...names].some((n) => /ß/.test(n))).toBe(true);
    expect([...names].filter((n) => /[äöüÄÖÜ]/.test(n)).length).toBeGreaterThan(300);
    expect(names.has('Autohaus „Am Ring“ GmbH')).toBe(true);
    expect(toCsv(demo.header, rows)).toContain(';"Bäckerei ""Kornblume"" GmbH & Co. KG";');
  });

  it('shows BTYD-like, concentrated purchasing with preferred product groups', () => {
    const revenue = new Map<string, number>();
    const orders = new Map<string, Set<string>>();
    const groups = new Map<string, Map<string, number>>();
    for (const row of rows) {
      if (!isGood(row)) continue;
      const c = row[COL.customer];
      revenue.set(c, (revenue.get(c) ?? 0) + Number(row[COL.qty]) * parseAmount(row[COL.price])!);
      if (!orders.has(c)) orders.set(c, new Set());
      if (row[COL.number].startsWith('RE-')) orders.get(c)!.add(row[COL.number]);
      if (!groups.has(c)) groups.set(c, new Map());
      const g = groups.get(c)!;
      g.set(row[COL.group], (g.get(row[COL.group]) ?? 0) + 1);
    }
    const sorted = [...revenue.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.6);
    expect(top / total).toBeLessThan(0.8);

    const repeat = [...orders.values()].filter((s) => s.size >= 2).length / orders.size;
    expect(repeat).toBeGreaterThan(0.5);
    expect(repeat).toBeLessThan(0.9);

    // Customers with enough lines buy most of them in one favourite group (7 groups: uniform would be ~1/7).
    const shares = [...groups.values()]
      .map((g) => [...g.values()])
      .filter((counts) => counts.reduce((a, b) => a + b, 0) >= 10)
      .map((counts) => Math.max(...counts) / counts.reduce((a, b) => a + b, 0));
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.35);
  });
});

describe('CSV and Windows-1252 output', () => {
  it('quotes only fields that need it and ends lines with CRLF', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x;y', 'sagt "hallo"'],
        ['Zeilen\numbruch', 'einfach'],
        ['1.234,56', ''],
      ],
    );
    expect(csv).toBe('a;b\r\n"x;y";"sagt ""hallo"""\r\n"Zeilen\numbruch";einfach\r\n1.234,56;\r\n');
  });

  it('encodes a hand-written string to the exact Windows-1252 bytes', () => {
    const bytes = encodeWindows1252('Müller „Maß“ 5 € äöüÄÖÜ–');
    expect([...bytes]).toEqual([
      0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x84, 0x4d, 0x61, 0xdf, 0x93, 0x20, 0x35, 0x20, 0x80, 0x20,
      0xe4, 0xf6, 0xfc, 0xc4, 0xd6, 0xdc, 0x96,
    ]);
    expect([...encodeWindows1252('\u00a0²×ÿ')]).toEqual([0xa0, 0xb2, 0xd7, 0xff]);
  });

  it('rejects characters that Windows-1252 cannot represent', () => {
    expect(() => encodeWindows1252('Straße 中')).toThrow(RangeError);
    expect(() => encodeWindows1252('\u0081')).toThrow(RangeError);
    expect(() => encodeWindows1252('😀')).toThrow(RangeError);
  });

  it('encodes the whole default file losslessly at a sensible size', () => {
    const csv = toCsv(demo.header, rows);
    const bytes = encodeWindows1252(csv);
    expect(bytes[0]).toBe('R'.charCodeAt(0)); // no BOM
    expect(bytes.length).toBeGreaterThan(3_000_000);
    expect(bytes.length).toBeLessThan(6_000_000);
    expect(decodeWindows1252(bytes)).toBe(csv);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The customer master file and the marketing spend file (Economics demo)

const MASTER_HEADER =
  'Kundennummer;Firma;Branche;Region;Unternehmensgröße;Akquisekanal;Erstkontakt;Support-Tickets;NPS';
const SPEND_HEADER_TEXT = 'Monat;Kanal;Kosten;Impressionen;Klicks;Leads;Neukunden';

/** One CSV record of `;`-separated fields with `"` quoting (the demo has no line breaks inside fields). */
function splitRecord(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function readCsv(bytes: Uint8Array): { header: string; text: string; records: string[][] } {
  const text = decodeWindows1252(bytes);
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe('');
  return { header: lines[0], text, records: lines.slice(1).map(splitRecord) };
}

describe('demo data: master data and marketing spend files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenwert-demo-'));
  const target = path.join(dir, 'kundenwert-demo.csv');
  execFileSync(process.execPath, [path.resolve('scripts/generate-demo.mjs'), target]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = generateDemoFiles();

  const masterBytes = new Uint8Array(readFileSync(path.join(dir, 'kundenwert-demo-kunden.csv')));
  const spendBytes = new Uint8Array(readFileSync(path.join(dir, 'kundenwert-demo-marketing.csv')));
  const master = readCsv(masterBytes);
  const spend = readCsv(spendBytes);

  it('writes both files next to the orders, in Windows-1252 with CRLF and the exact headers', () => {
    expect(existsSync(target)).toBe(true);
    expect(master.header).toBe(MASTER_HEADER);
    expect(spend.header).toBe(SPEND_HEADER_TEXT);
    // "ö" of Unternehmensgröße is the single byte 0xF6, the "–" of "10–49" the byte 0x96; no BOM.
    expect(masterBytes[0]).toBe('K'.charCodeAt(0));
    expect(masterBytes.includes(0xf6)).toBe(true);
    expect(masterBytes.includes(0x96)).toBe(true);
    expect(Buffer.from(masterBytes).equals(Buffer.from(encodeWindows1252(master.text)))).toBe(true);
    expect(master.text).toBe(toCsv(files.customers.header, files.customers.rows));
    expect(spend.text).toBe(toCsv(files.spend.header, files.spend.rows));
    // The order file of generateDemoFiles is the one of generateDemoRows.
    expect(files.orders.rows).toEqual(rows);
  });

  it('has master ids on one side only, channels, first contacts, tickets and NPS as designed', () => {
    // The customers that the import keeps (a customer whose only row is broken is rejected with it).
    const orderIds = new Set(rows.filter(isGood).map((r) => r[COL.customer]));
    const masterIds = master.records.map((r) => r[0]);
    expect(new Set(masterIds).size).toBe(masterIds.length);
    const onlyInMaster = masterIds.filter((id) => !orderIds.has(id));
    const onlyInOrders = [...orderIds].filter((id) => !masterIds.includes(id));
    expect(onlyInMaster).toHaveLength(25);
    expect(onlyInOrders).toHaveLength(15);
    expect(files.stats).toMatchObject({ onlyInMaster: 25, onlyInOrders: 15, matched: orderIds.size - 15 });
    expect(master.records).toHaveLength(orderIds.size - 15 + 25);

    const kanal = new Map(rows.map((r) => [r[COL.customer], r[9]]));
    const channels = new Set(['Außendienst', 'Webshop', 'Messe', 'Telefon', 'Empfehlung']);
    for (const r of master.records) {
      expect(r).toHaveLength(9);
      expect(channels.has(r[5])).toBe(true);
      if (orderIds.has(r[0])) expect(r[5]).toBe(kanal.get(r[0]));
      expect(['1–9', '10–49', '50–249', '250+']).toContain(r[4]);
      expect(parseDate(r[6])).not.toBeNull();
      expect(r[7]).toMatch(/^\d+$/);
      expect(r[8]).toMatch(/^(|\d|10)$/);
    }
    const scored = master.records.filter((r) => r[8] !== '').length / master.records.length;
    expect(scored).toBeGreaterThan(0.55);
    expect(scored).toBeLessThan(0.65);
    expect(master.records.filter((r) => Number(r[7]) >= 25).length).toBeGreaterThanOrEqual(10);
  });

  // The first purchase occasion per METRICS: the first customer-day with a purchase line and net value ≥ 0, over
  // the rows the import keeps (no blank customer, a real date and amount; an exact duplicate of the row before is
  // left out, which cannot move a first occasion anyway).
  const firstOccasion = new Map<string, { day: string; channel: string }>();
  {
    const perDay = new Map<string, { net: number; buys: boolean; channel: string }>();
    let previous = '';
    for (const row of rows) {
      const joined = row.join(';');
      if (joined === previous) continue;
      previous = joined;
      if (!isGood(row)) continue;
      const key = `${row[COL.customer]}|${parseDate(row[COL.date])}`;
      const d = perDay.get(key) ?? { net: 0, buys: false, channel: '' };
      const qty = Number(row[COL.qty]);
      d.net += qty * parseAmount(row[COL.price])!;
      if (qty > 0) d.buys = true;
      if (d.channel === '') d.channel = row[9];
      perDay.set(key, d);
    }
    for (const [key, d] of perDay) {
      if (!d.buys || d.net < 0) continue;
      const [customer, day] = key.split('|');
      const seen = firstOccasion.get(customer);
      if (!seen || day < seen.day) firstOccasion.set(customer, { day, channel: d.channel });
    }
  }

  it('gives back the known CAC of every paid channel within 1 % (spend / new customers)', () => {
    const newCustomers = new Map<string, number>();
    for (const { channel } of firstOccasion.values())
      newCustomers.set(channel, (newCustomers.get(channel) ?? 0) + 1);
    const spent = new Map<string, number>();
    for (const r of spend.records) spent.set(r[1], (spent.get(r[1]) ?? 0) + parseAmount(r[2])! / 100);

    expect(Object.keys(KNOWN_CAC).sort()).toEqual(['Außendienst', 'Messe', 'Telefon', 'Webshop']);
    for (const [channel, cac] of Object.entries(KNOWN_CAC)) {
      const n = newCustomers.get(channel) ?? 0;
      expect(n).toBeGreaterThan(100);
      expect(Math.abs(spent.get(channel)! / n - cac) / cac).toBeLessThan(0.01);
    }
    // Referrals cost nothing; LinkedIn has spend but no customer came through it.
    expect(spent.has('Empfehlung')).toBe(false);
    expect(spent.get('LinkedIn')).toBeGreaterThan(0);
    expect(newCustomers.has('LinkedIn')).toBe(false);
  });

  it('has one row per month 01.2023–12.2025 and spend channel, with the funnel columns where they exist', () => {
    expect(spend.records).toHaveLength(36 * 5);
    const months = new Set(spend.records.map((r) => r[0]));
    expect(months.size).toBe(36);
    expect(months.has('01.2023') && months.has('12.2025')).toBe(true);
    for (const r of spend.records) {
      expect(r[0]).toMatch(/^(0[1-9]|1[0-2])\.202[345]$/);
      expect(parseAmount(r[2])).not.toBeNull();
      if (r[1] === 'Messe') expect([r[3], r[4], r[5] !== '']).toEqual(['', '', true]);
      if (r[1] === 'Webshop') expect(r[3] !== '' && r[4] !== '' && r[5] !== '').toBe(true);
    }
    // The month's spend of a channel is the known CAC times that month's new customers, to the cent.
    const month = (iso: string) => `${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    const count = new Map<string, number>();
    for (const { day, channel } of firstOccasion.values()) {
      const key = `${month(day)}|${channel}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    for (const r of spend.records) {
      const cac = KNOWN_CAC[r[1] as keyof typeof KNOWN_CAC];
      if (cac === undefined) continue;
      expect(parseAmount(r[2])).toBe(cac * 100 * (count.get(`${r[0]}|${r[1]}`) ?? 0));
    }
  });

  it('dates five first contacts after the first purchase occasion', () => {
    const after = master.records.filter((r) => {
      const first = firstOccasion.get(r[0]);
      return first !== undefined && parseDate(r[6])! > first.day;
    });
    expect(after).toHaveLength(5);
    // No contact lies after the data (31.12.2025): a late contact is still a contact before the export.
    const end = parseDate('31.12.2025')!;
    expect(master.records.filter((r) => parseDate(r[6])! > end)).toEqual([]);
  });
});
