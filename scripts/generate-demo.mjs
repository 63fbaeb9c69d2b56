// @ts-check
/**
 * Deterministic generator for the Kundenwert demo data: the order export of a fictional German B2B supplier,
 * "Nordwerk Industriebedarf GmbH", 01.01.2023–31.12.2025.
 *
 * Purchasing follows a BG/NBD-style process so that forecasting features have something real to find:
 * every customer has a personal order rate (gamma across customers) and, after every order, a personal
 * probability of dropping out (beta across customers); orders arrive as a Poisson process while the customer
 * is alive. Order values are gamma distributed per customer (a few key accounts far above the rest), and each
 * customer prefers some product groups. About 2 % of lines are returns (credit notes), and a handful of
 * deliberately broken rows and exact duplicates sit at positions fixed by the seed.
 *
 * For the Economics view it also writes, for the same customers, a customer master file (`<outFile>-kunden.csv`:
 * industry, region, company size, acquisition channel, first contact, support tickets, NPS; a few ids on one side
 * only) and a marketing spend file (`<outFile>-marketing.csv`: month × channel) whose spend is exactly KNOWN_CAC
 * times each channel's new customers of the month, so the acquisition cost per channel is known.
 *
 * Usage: `node scripts/generate-demo.mjs [outFile]` writes Windows-1252 (no BOM), `;`-separated, CRLF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20231;
export const DEFAULT_CUSTOMERS = 3000;

const HEADER = [
  'Rechnungsnummer',
  'Rechnungsdatum',
  'Kundennummer',
  'Kunde',
  'Artikelnummer',
  'Artikel',
  'Warengruppe',
  'Menge',
  'Einzelpreis',
  'Kanal',
  'Region',
  'Branche',
];

/** First day of the period, as milliseconds since the epoch (UTC). */
const START_MS = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;
/** Last day of the period as an offset from 01.01.2023 (31.12.2025). */
const END_DAY = Math.round((Date.UTC(2025, 11, 31) - START_MS) / DAY_MS);
const MONTHS = 36;
const DAYS_PER_YEAR = 365.25;

const BAD_MISSING_CUSTOMER = 6;
const BAD_DATE = 4;
const BAD_AMOUNT = 3;
const DUPLICATES = 10;
const RETURN_PROBABILITY = 0.02;

/**
 * @typedef {object} DemoOptions
 * @property {number} [seed] PRNG seed (default 20231).
 * @property {number} [customers] Number of customers (default 3000).
 */

/**
 * @typedef {object} DemoStats
 * @property {number} customers Distinct customers (every one has at least one row with its Kundennummer).
 * @property {number} lines Data rows in the file (without the header, including bad rows and duplicates).
 * @property {number} returnLines Rows with a negative Menge (credit-note lines; never duplicated or broken).
 * @property {{ missingCustomer: number, badDate: number, badAmount: number }} badRows Deliberately broken rows.
 * @property {number} duplicateRows Rows that are an exact copy of the row right before them.
 * @property {number} invoices Distinct invoices (`RE-…`).
 * @property {number} creditNotes Distinct credit notes (`GS-…`).
 * @property {string} firstDate Earliest valid Rechnungsdatum, ISO `YYYY-MM-DD`.
 * @property {string} lastDate Latest valid Rechnungsdatum, ISO `YYYY-MM-DD`.
 */

/**
 * @typedef {object} DemoData
 * @property {string[]} header
 * @property {string[][]} rows Formatted CSV fields, in header order.
 * @property {DemoStats} stats
 */

// ---------------------------------------------------------------------------------------------------------
// Random numbers

/**
 * mulberry32: a tiny, fast 32-bit PRNG with good enough statistics for synthetic data.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  /** @param {number} seed */
  constructor(seed) {
    /** @type {() => number} */
    this.next = mulberry32(seed);
    /** @type {number | null} */
    this.spare = null;
  }

  /**
   * @param {number} min
   * @param {number} max
   */
  uniform(min, max) {
    return min + (max - min) * this.next();
  }

  /**
   * Integer in [min, max].
   * @param {number} min
   * @param {number} max
   */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }

  /** Standard normal (Box-Muller transform, caching the second value). */
  normal() {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const u1 = 1 - this.next();
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /**
   * Gamma(shape, scale) by Marsaglia-Tsang; shapes below 1 use the `U^(1/shape)` boost.
   * @param {number} shape
   * @param {number} scale
   * @returns {number}
   */
  gamma(shape, scale) {
    if (shape < 1) {
      const u = 1 - this.next();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x;
      let v;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /**
   * @param {number} a
   * @param {number} b
   */
  beta(a, b) {
    const x = this.gamma(a, 1);
    const y = this.gamma(b, 1);
    return x / (x + y);
  }

  /**
   * Waiting time of a Poisson process with the given rate.
   * @param {number} rate
   */
  exponential(rate) {
    return -Math.log(1 - this.next()) / rate;
  }

  /**
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Index drawn with probability proportional to its weight.
   * @param {readonly number[]} weights
   */
  weightedIndex(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /**
   * Index drawn from a cumulative weight table (last entry = total).
   * @param {Float64Array} cdf
   */
  fromCdf(cdf) {
    const r = this.next() * cdf[cdf.length - 1];
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Master data

/** @typedef {{ id: string, name: string, group: string, groupIndex: number, cents: number, popularity: number }} Article */

/** Product groups with [name, list price in EUR, popularity]. Article numbers are A-<group><nnn>. */
const CATALOGUE = /** @type {const} */ ([
  [
    'Befestigungstechnik',
    [
      ['Sechskantschraube M8x40 verzinkt (100 Stk.)', 14.9, 9],
      ['Sechskantschraube M10x60 verzinkt (50 Stk.)', 17.8, 6],
      ['Sechskantmutter M8 verzinkt (100 Stk.)', 6.4, 7],
      ['Unterlegscheibe 8,4 mm verzinkt (200 Stk.)', 5.9, 6],
      ['Spanplattenschraube 4x40 Torx (500 Stk.)', 11.5, 7],
      ['Schwerlastdübel M10 (25 Stk.)', 32.6, 4],
      ['Gewindestange M12 x 1000 mm verzinkt', 4.8, 4],
      ['Blindniete Alu 4x10 (500 Stk.)', 18.9, 3],
      ['Zylinderschraube ISO 4762 M6x20 A2 (100 Stk.)', 12.3, 4],
    ],
  ],
  [
    'Werkzeuge',
    [
      ['Akku-Bohrschrauber 18 V', 189, 2],
      ['Akku-Schlagschrauber 18 V 1/2 Zoll', 279, 1],
      ['Winkelschleifer 125 mm 1.200 W', 119, 2],
      ['Drehmomentschlüssel 40–200 Nm', 139, 1.5],
      ['Steckschlüsselsatz 1/2 Zoll 24-tlg.', 89.9, 2],
      ['Schraubendreher-Set 6-tlg.', 24.9, 4],
      ['Trennscheibe 125 x 1,0 mm (25 Stk.)', 29.5, 8],
      ['HSS-Bohrersatz 1–10 mm 19-tlg.', 34.9, 4],
      ['Werkstattwagen 7 Schubladen bestückt', 1249, 0.3],
      ['Messschieber digital 150 mm', 49.9, 2],
    ],
  ],
  [
    'Arbeitsschutz',
    [
      ['Schutzhandschuhe Nitril Gr. 9 (12 Paar)', 21.9, 9],
      ['Einweghandschuhe Nitril puderfrei (100 Stk.)', 8.9, 9],
      ['Schutzbrille klar EN 166', 4.9, 6],
      ['Gehörschutzstöpsel (200 Paar)', 34, 4],
      ['FFP2-Atemschutzmaske (20 Stk.)', 16.8, 5],
      ['Sicherheitsschuh S3 Gr. 43', 74.9, 3],
      ['Warnweste gelb EN ISO 20471', 3.4, 4],
      ['Schutzhelm weiß', 12.9, 3],
      ['Erste-Hilfe-Koffer DIN 13157', 54, 1.5],
    ],
  ],
  [
    'Hydraulik',
    [
      ['Hydraulikschlauch 1/2 Zoll (1 m)', 18.6, 6],
      ['Hydraulikschlauch 3/8 Zoll (1 m)', 14.2, 5],
      ['Hydrauliköl HLP 46 (20 l)', 79, 4],
      ['Schnellkupplung 1/2 Zoll', 23.4, 5],
      ['Hydraulikzylinder doppeltwirkend 50/30-200', 289, 0.8],
      ['Kugelhahn 1/2 Zoll Messing', 16.9, 4],
      ['O-Ring-Sortiment NBR (382 Stk.)', 27.5, 3],
      ['Manometer 0–250 bar', 31.8, 2],
      ['Hydraulik-Handpumpe 700 bar', 349, 0.6],
    ],
  ],
  [
    'Elektro',
    [
      ['Kabelbinder 200 mm schwarz (100 Stk.)', 4.6, 9],
      ['Kabelbinder 370 mm UV-beständig (100 Stk.)', 9.8, 5],
      ['Mantelleitung NYM-J 3x1,5 mm² (50 m)', 42.9, 4],
      ['Verlängerungskabel 25 m Kabeltrommel', 64.9, 2],
      ['LED-Hallenstrahler 150 W', 129, 1.5],
      ['Isolierband 19 mm (10 Rollen)', 9.9, 6],
      ['Steckdosenleiste 5-fach IP44', 27.9, 3],
      ['Aderendhülsen-Sortiment (1.000 Stk.)', 14.5, 4],
      ['Akku 18 V 5,0 Ah', 89, 2],
    ],
  ],
  [
    'Betriebsausstattung',
    [
      ['Schwerlastregal 2000 x 1200 x 600 mm', 489, 0.8],
      ['Euro-Stapelbehälter 600 x 400 x 220 mm', 14.9, 6],
      ['Sichtlagerkasten Gr. 3 (24 Stk.)', 39.9, 4],
      ['Transportwagen 500 kg', 219, 1],
      ['Werkbank 1500 mm Buche', 539, 0.6],
      ['Gabelhubwagen 2.500 kg', 429, 0.6],
      ['Palettenregal-Rahmen 3.000 mm', 1090, 0.3],
      ['Stretchfolie 500 mm (6 Rollen)', 59.9, 5],
      ['Auffangwanne 200 l', 169, 1],
    ],
  ],
  [
    'Reinigung',
    [
      ['Industriereiniger Konzentrat (10 l)', 34.9, 6],
      ['Handwaschpaste (10 l Eimer)', 29.8, 6],
      ['Putztuchrolle blau 2-lagig (1.000 Blatt)', 19.9, 7],
      ['Ölbindemittel Granulat (20 kg)', 17.5, 4],
      ['Bremsenreiniger 500 ml (12 Dosen)', 38.4, 5],
      ['Flächendesinfektion (5 l)', 24.9, 4],
      ['Müllsäcke 120 l (250 Stk.)', 22.9, 5],
      ['Kehrbesen Industrie 60 cm', 16.9, 3],
    ],
  ],
]);

/** @type {Article[]} */
const ARTICLES = CATALOGUE.flatMap(([group, items], g) =>
  items.map(([name, price, popularity], i) => ({
    id: `A-${(g + 1) * 1000 + i + 1}`,
    name,
    group,
    groupIndex: g,
    cents: Math.round(price * 100),
    popularity,
  })),
);

const CHANNELS = ['Außendienst', 'Webshop', 'Messe', 'Telefon', 'Empfehlung'];
const CHANNEL_WEIGHTS = [30, 28, 10, 19, 13];
/** Order-value multiplier per channel: field sales bring bigger accounts, the web shop smaller ones. */
const CHANNEL_VALUE = [1.45, 0.7, 1.1, 0.9, 1.05];

const REGIONS = ['Nord', 'Ost', 'Süd', 'West', 'Mitte'];
const REGION_WEIGHTS = [16, 15, 27, 27, 15];
/** City adjectives per region for names like "Kölner Antriebstechnik GmbH". */
const CITIES = [
  ['Hamburger', 'Bremer', 'Kieler', 'Lübecker', 'Rostocker', 'Oldenburger'],
  ['Dresdner', 'Leipziger', 'Görlitzer', 'Chemnitzer', 'Cottbuser', 'Magdeburger'],
  ['Münchner', 'Stuttgarter', 'Augsburger', 'Nürnberger', 'Freiburger', 'Ulmer'],
  ['Kölner', 'Düsseldorfer', 'Dortmunder', 'Bochumer', 'Aachener', 'Münsteraner'],
  ['Kasseler', 'Fuldaer', 'Göttinger', 'Erfurter', 'Gießener', 'Marburger'],
];

const BRANCHEN = ['Maschinenbau', 'Handwerk', 'Bau', 'Automotive', 'Lebensmittel', 'Logistik'];
const BRANCHE_WEIGHTS = [22, 26, 18, 12, 10, 12];
/** Affinity of each Branche to the product groups (order as in CATALOGUE). */
const BRANCHE_GROUP_AFFINITY = [
  [3, 2, 1.5, 2.5, 1.5, 1, 0.7],
  [3, 3, 1.5, 0.5, 2.5, 0.7, 0.8],
  [3, 2, 3, 0.7, 1.5, 0.8, 0.8],
  [2, 2.5, 1.5, 2, 1.2, 1, 2],
  [0.7, 0.8, 3, 0.6, 1, 1.5, 3.5],
  [0.8, 1, 2.5, 0.8, 1, 3.5, 1.5],
];
const TRADES = [
  [
    'Maschinenbau',
    'Präzisionstechnik',
    'Antriebstechnik',
    'Anlagenbau',
    'Fertigungstechnik',
    'Zerspanungstechnik',
    'Werkzeugbau',
  ],
  [
    'Metallbau',
    'Haustechnik',
    'Elektrotechnik',
    'Sanitärtechnik',
    'Schlosserei',
    'Heizungsbau',
    'Tischlerei',
  ],
  ['Bau', 'Hochbau', 'Tiefbau', 'Bauunternehmung', 'Gerüstbau', 'Straßenbau', 'Bausanierung'],
  ['Fahrzeugtechnik', 'Karosseriebau', 'Fahrzeugteile', 'Kfz-Technik', 'Motorentechnik', 'Nutzfahrzeuge'],
  ['Fleischwaren', 'Backwaren', 'Feinkost', 'Molkerei', 'Getränke', 'Süßwaren', 'Lebensmitteltechnik'],
  ['Logistik', 'Spedition', 'Transporte', 'Lagerlogistik', 'Kühllogistik', 'Güterverkehr'],
];

/** Surnames, the most common first (drawn with decreasing weight). */
const SURNAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Schubert',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Schuster',
  'Böhm',
  'Winter',
  'Kraus',
  'Schumacher',
  'Krämer',
  'Vogt',
  'Stein',
  'Jäger',
  'Otto',
  'Sommer',
  'Groß',
  'Seidel',
  'Heinrich',
  'Brandt',
  'Haas',
  'Schreiber',
  'Graf',
  'Dietrich',
  'Ziegler',
  'Kühn',
  'Pohl',
  'Engel',
  'Horn',
  'Busch',
  'Bergmann',
  'Voigt',
  'Sauer',
  'Arnold',
  'Pfeiffer',
  'Lüdtke',
  'Thießen',
  'Görtz',
];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / Math.sqrt(i + 2));
const LEGAL_FORMS = ['GmbH', 'GmbH & Co. KG', 'KG', 'e.K.', 'AG', 'OHG', 'UG (haftungsbeschränkt)'];
const LEGAL_FORM_WEIGHTS = [55, 18, 6, 9, 3, 4, 5];
/** A few hand-written names that exercise CSV quoting and the Windows-1252 quote characters. */
const SPECIAL_NAMES = [
  { name: 'Autohaus „Am Ring“ GmbH', branche: 3 },
  { name: 'Bäckerei "Kornblume" GmbH & Co. KG', branche: 4 },
  { name: 'Gebr. Weiß Haustechnik e.K.', branche: 1 },
];

// ---------------------------------------------------------------------------------------------------------
// Calendar

/** @typedef {{ de: string, iso: string, year: number, month: number, day: number, weekday: number }} CalendarDay */

/** @type {CalendarDay[]} */
const CALENDAR = [];
for (let d = 0; d <= END_DAY; d++) {
  const date = new Date(START_MS + d * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  CALENDAR.push({
    de: `${dd}.${mm}.${year}`,
    iso: `${year}-${mm}-${dd}`,
    year,
    month,
    day,
    weekday: date.getUTCDay(),
  });
}

/**
 * Relative order intensity: quieter in August and around Christmas / New Year.
 * @param {number} d day offset
 */
function season(d) {
  const { month, day } = CALENDAR[d];
  if ((month === 12 && day >= 22) || (month === 1 && day <= 6)) return 0.5;
  if (month === 8) return 0.75;
  return 1;
}

/**
 * Public holidays every customer observes (no invoices): New Year and Christmas.
 * @param {number} d day offset
 */
function isHoliday(d) {
  const { month, day } = CALENDAR[d];
  return (month === 1 && day === 1) || (month === 12 && (day === 25 || day === 26));
}

/**
 * Moves orders off holidays and, mostly, off weekends (web-shop customers order on weekends more often).
 * @param {Rng} rng
 * @param {number} d day offset
 * @param {boolean} webshop
 */
function businessDay(rng, d, webshop) {
  const keepWeekend = rng.chance(webshop ? 0.45 : 0.04);
  const weekend = (/** @type {number} */ x) => CALENDAR[x].weekday === 0 || CALENDAR[x].weekday === 6;
  const closed = (/** @type {number} */ x) => isHoliday(x) || (!keepWeekend && weekend(x));
  let day = d;
  // Spread weekend demand over the following working week instead of piling it all onto Monday.
  if (!keepWeekend && weekend(d)) day = d + (CALENDAR[d].weekday === 6 ? 2 : 1) + rng.int(0, 4);
  while (day <= END_DAY && closed(day)) day++;
  if (day <= END_DAY) return day;
  day = d;
  while (day > 0 && closed(day)) day--;
  return day;
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/**
 * German amount from integer cents: `1.234,56`, `12,50`, `-3,00`.
 * @param {number} cents
 */
function formatCents(cents) {
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${cents < 0 ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** @param {string} field */
function quoteField(field) {
  return /[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Serialises rows as CSV: `;` delimiter, CRLF line endings (also after the last row), fields quoted only when
 * they contain `;`, `"`, CR or LF.
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 * @returns {string}
 */
export function toCsv(header, rows) {
  const lines = [header.map(quoteField).join(';')];
  for (const row of rows) lines.push(row.map(quoteField).join(';'));
  return lines.join('\r\n') + '\r\n';
}

/** Windows-1252 bytes 0x80–0x9F that are not C1 controls. */
const CP1252_SPECIALS = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/**
 * Encodes text as Windows-1252. ASCII and U+00A0–U+00FF map to themselves, the typographic characters of
 * 0x80–0x9F (€ „ “ – …) to their code page bytes. Throws a RangeError for anything else, including the C1
 * control characters U+0080–U+009F.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function encodeWindows1252(text) {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = /** @type {number} */ (ch.codePointAt(0));
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) {
      bytes[n++] = cp;
      continue;
    }
    const b = CP1252_SPECIALS.get(cp);
    if (b === undefined) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      throw new RangeError(`Zeichen U+${hex} ist in Windows-1252 nicht darstellbar (Position ${n}).`);
    }
    bytes[n++] = b;
  }
  return bytes.slice(0, n);
}

// ---------------------------------------------------------------------------------------------------------
// Simulation

/**
 * @typedef {object} Customer
 * @property {number} index Position in acquisition order.
 * @property {string} number Kundennummer.
 * @property {string} name
 * @property {number} channel
 * @property {number} region
 * @property {number} branche
 * @property {number} acquired Day offset (with fraction) of the first order.
 * @property {number} rate Orders per year while alive.
 * @property {number} dropout Probability of dropping out after each order.
 * @property {number} meanOrderCents
 * @property {number} discount Fraction off the list price.
 * @property {Float64Array} articleCdf Cumulative article preference.
 */

/** @typedef {{ article: Article, qty: number, cents: number, returned?: boolean }} Line */
/** @typedef {{ kind: 'RE' | 'GS', customer: Customer, day: number, time: number, lines: Line[], number: string }} Doc */
/**
 * @typedef {{ fields: string[], customer: Customer, qty: number, day: number, intact: boolean }} Row
 * `intact`: returns and the lines they credit, which stay free of deliberate defects.
 */

/**
 * Number of newly acquired customers per month: a strong first year (existing customers arriving with the new
 * system), then a steady trickle. Largest-remainder rounding keeps the total exact.
 * @param {number} total
 */
function acquisitionsPerMonth(total) {
  const weights = Array.from({ length: MONTHS }, (_, m) => (m === 0 ? 4 : m < 12 ? 1.7 : m < 24 ? 1 : 0.8));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, m) => ({ m, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.m - b.m);
  for (let i = 0; missing > 0; i++, missing--) counts[byRemainder[i % MONTHS].m]++;
  return counts;
}

/** @param {number} m month index since 01/2023 */
function monthStartDay(m) {
  return Math.round((Date.UTC(2023 + Math.floor(m / 12), m % 12, 1) - START_MS) / DAY_MS);
}

/**
 * @param {Rng} rng
 * @param {number} region
 * @param {number} branche
 */
function companyName(rng, region, branche) {
  const surname = () => SURNAMES[rng.weightedIndex(SURNAME_WEIGHTS)];
  const form = LEGAL_FORMS[rng.weightedIndex(LEGAL_FORM_WEIGHTS)];
  const trade = rng.pick(TRADES[branche]);
  const pattern = rng.next();
  if (pattern < 0.42) return `${surname()} ${trade} ${form}`;
  if (pattern < 0.56) {
    const a = surname();
    let b = surname();
    while (b === a) b = surname();
    return `${a} & ${b} ${form}`;
  }
  if (pattern < 0.64) return `${surname()} & Söhne ${rng.chance(0.6) ? 'KG' : 'GmbH'}`;
  if (pattern < 0.68) return `Gebr. ${surname()} ${rng.pick(['GmbH', 'KG', 'OHG'])}`;
  if (pattern < 0.88)
    return `${rng.pick(CITIES[region])} ${trade} ${rng.pick(['GmbH', 'GmbH', 'GmbH & Co. KG', 'AG'])}`;
  return `${trade} ${surname()} ${form}`;
}

/**
 * @param {Rng} rng
 * @param {number} total
 * @returns {Customer[]}
 */
function createCustomers(rng, total) {
  /** @type {number[]} */
  const acquired = [];
  acquisitionsPerMonth(total).forEach((count, m) => {
    const first = monthStartDay(m);
    const days = (m + 1 < MONTHS ? monthStartDay(m + 1) : END_DAY + 1) - first;
    for (let i = 0; i < count; i++) acquired.push(first + rng.next() * days);
  });
  acquired.sort((a, b) => a - b);

  const specialAt = new Map(SPECIAL_NAMES.map((s, i) => [Math.floor(((i + 1) * total) / 7), s]));
  const used = new Set();
  return acquired.map((time, index) => {
    const special = specialAt.get(index);
    const channel = rng.weightedIndex(CHANNEL_WEIGHTS);
    const region = rng.weightedIndex(REGION_WEIGHTS);
    const branche = special ? special.branche : rng.weightedIndex(BRANCHE_WEIGHTS);
    let name = special ? special.name : companyName(rng, region, branche);
    for (let attempt = 0; used.has(name); attempt++) {
      name = attempt < 20 ? companyName(rng, region, branche) : `${name} ${rng.pick(CITIES[region])} Filiale`;
    }
    used.add(name);

    // BG/NBD parameters: rate ~ Gamma(r = 0.75, mean 6 / year), dropout ~ Beta(1.5, 8.5) (mean 0.15).
    const rate = rng.gamma(0.75, 6 / 0.75);
    const dropout = rng.beta(1.5, 8.5);
    // Spend: Gamma-distributed mean order value (mean ≈ 450 EUR before channel effects), 3 % key accounts.
    const keyAccount = rng.chance(0.03);
    const meanOrder =
      rng.gamma(1.6, 450 / 1.6) * CHANNEL_VALUE[channel] * (keyAccount ? rng.uniform(5, 15) : 1);
    const discount = keyAccount
      ? rng.pick([0.1, 0.12, 0.15])
      : rng.pick([0, 0, 0, 0.02, 0.03, 0.05, 0.05, 0.08]);

    // Preferred product groups: Branche affinity times a strongly skewed personal taste, then personal favourites.
    const affinity = BRANCHE_GROUP_AFFINITY[branche];
    const groupTaste = affinity.map((a) => a * rng.gamma(0.5, 1));
    const cdf = new Float64Array(ARTICLES.length);
    let sum = 0;
    ARTICLES.forEach((article, i) => {
      sum += groupTaste[article.groupIndex] * article.popularity * rng.gamma(0.8, 1) + 1e-9;
      cdf[i] = sum;
    });

    return {
      index,
      number: `K-${10001 + index}`,
      name,
      channel,
      region,
      branche,
      acquired: time,
      rate,
      dropout,
      meanOrderCents: Math.max(2500, Math.round(meanOrder * 100)),
      discount,
      articleCdf: cdf,
    };
  });
}

const LINES_PER_ORDER_WEIGHTS = [36, 26, 16, 10, 7, 5];
const YEAR_PRICE_FACTOR = new Map([
  [2023, 1],
  [2024, 1.045],
  [2025, 1.07],
]);

/**
 * @param {Rng} rng
 * @param {Customer} customer
 * @param {number} day
 * @returns {Line[]}
 */
function orderLines(rng, customer, day) {
  const count = 1 + rng.weightedIndex(LINES_PER_ORDER_WEIGHTS);
  const target = customer.meanOrderCents * rng.gamma(3, 1 / 3);
  const shares = Array.from({ length: count }, () => rng.gamma(1.5, 1));
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const factor = (YEAR_PRICE_FACTOR.get(CALENDAR[day].year) ?? 1) * (1 - customer.discount);
  /** @type {Set<Article>} */
  const chosen = new Set();
  /** @type {Line[]} */
  const lines = [];
  for (const share of shares) {
    const lineTarget = (target * share) / shareSum;
    let article = ARTICLES[rng.fromCdf(customer.articleCdf)];
    // Avoid the same article twice, and mostly avoid big-ticket items in small order lines.
    for (let attempt = 0; attempt < 4; attempt++) {
      const tooExpensive = article.cents > 3 * lineTarget && rng.chance(0.7);
      if (!chosen.has(article) && !tooExpensive) break;
      article = ARTICLES[rng.fromCdf(customer.articleCdf)];
    }
    if (chosen.has(article)) continue;
    chosen.add(article);
    const cents = Math.round(article.cents * factor);
    const qty = Math.min(800, Math.max(1, Math.round(lineTarget / cents)));
    lines.push({ article, qty, cents });
  }
  return lines;
}

/**
 * Simulates every customer's orders (BG/NBD: Poisson purchases while alive, dropout after each order).
 * @param {Rng} rng
 * @param {Customer[]} customers
 * @returns {Doc[]}
 */
function simulateOrders(rng, customers) {
  /** @type {Doc[]} */
  const orders = [];
  for (const customer of customers) {
    const webshop = CHANNELS[customer.channel] === 'Webshop';
    const ratePerDay = customer.rate / DAYS_PER_YEAR;
    let t = customer.acquired;
    for (;;) {
      const fraction = t - Math.floor(t);
      const day = businessDay(rng, Math.floor(t), webshop);
      orders.push({
        kind: 'RE',
        customer,
        day,
        time: day + fraction,
        lines: orderLines(rng, customer, day),
        number: '',
      });
      if (rng.chance(customer.dropout)) break;
      // Next accepted arrival of a seasonally thinned Poisson process.
      let next = t;
      do next += rng.exponential(ratePerDay);
      while (next < END_DAY + 1 && !rng.chance(season(Math.floor(next))));
      if (next >= END_DAY + 1) break;
      t = next;
    }
  }
  return orders;
}

/**
 * About 2 % of all lines come back: a credit note some days after the order, same article and price.
 * @param {Rng} rng
 * @param {Doc[]} orders
 * @returns {Doc[]}
 */
function createReturns(rng, orders) {
  /** @type {Doc[]} */
  const notes = [];
  const p = RETURN_PROBABILITY / (1 - RETURN_PROBABILITY);
  for (const order of orders) {
    /** @type {Line[]} */
    const lines = [];
    /** @type {Line[]} */
    const credited = [];
    for (const line of order.lines) {
      if (!rng.chance(p)) continue;
      credited.push(line);
      const qty = line.qty === 1 || rng.chance(0.4) ? line.qty : rng.int(1, line.qty - 1);
      lines.push({ article: line.article, qty: -qty, cents: line.cents });
    }
    if (lines.length === 0) continue;
    const raw = order.day + rng.int(3, 28);
    if (raw > END_DAY) continue;
    const day = businessDay(rng, raw, false);
    if (day < raw) continue; // would fall back before a weekend at the very end of the period
    for (const line of credited) line.returned = true;
    notes.push({ kind: 'GS', customer: order.customer, day, time: day + rng.next(), lines, number: '' });
  }
  return notes;
}

/**
 * Assigns per-year running numbers (`RE-2023-000001`, `GS-2024-000045`) in chronological order.
 * @param {Doc[]} docs all of one kind
 */
function assignNumbers(docs) {
  docs.sort((a, b) => a.time - b.time || a.customer.index - b.customer.index);
  /** @type {Map<number, number>} */
  const counters = new Map();
  for (const doc of docs) {
    const year = CALENDAR[doc.day].year;
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    doc.number = `${doc.kind}-${year}-${String(n).padStart(6, '0')}`;
  }
}

/**
 * Picks `count` distinct row indices that satisfy `accept`, at positions fixed by the seed.
 * @param {Rng} rng
 * @param {Row[]} rows
 * @param {Set<number>} taken indices already used (updated)
 * @param {number} count
 * @param {(row: Row) => boolean} accept
 */
function pickRows(rng, rows, taken, count, accept) {
  /** @type {number[]} */
  const picked = [];
  if (rows.length < 3) return picked;
  for (let attempt = 0; picked.length < count && attempt < 100_000; attempt++) {
    const i = rng.int(1, rows.length - 2);
    if (taken.has(i) || rows[i].intact || !accept(rows[i])) continue;
    taken.add(i);
    picked.push(i);
  }
  return picked.sort((a, b) => a - b);
}

/**
 * Generates the demo export. Deterministic for a given seed and customer count.
 * @param {DemoOptions} [options]
 * @returns {DemoData}
 */
export function generateDemoRows(options = {}) {
  return simulate(options).data;
}

/**
 * The simulation behind the order export: its rows and the simulated customers.
 * @param {DemoOptions} options
 * @returns {{ data: DemoData, customers: Customer[], seed: number }}
 */
function simulate(options) {
  const seed = options.seed ?? DEFAULT_SEED;
  const total = options.customers ?? DEFAULT_CUSTOMERS;
  if (!Number.isInteger(seed)) throw new RangeError('seed muss eine ganze Zahl sein.');
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError('customers muss eine positive ganze Zahl sein.');
  const rng = new Rng(seed);

  const customers = createCustomers(rng, total);
  const invoices = simulateOrders(rng, customers);
  const creditNotes = createReturns(rng, invoices);
  assignNumbers(invoices);
  assignNumbers(creditNotes);
  const docs = [...invoices, ...creditNotes].sort(
    (a, b) => a.day - b.day || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );

  /** @type {Row[]} */
  const rows = [];
  /** @type {Map<Customer, number>} */
  const rowsPerCustomer = new Map();
  for (const doc of docs) {
    const c = doc.customer;
    for (const line of doc.lines) {
      const fields = [
        doc.number,
        CALENDAR[doc.day].de,
        c.number,
        c.name,
        line.article.id,
        line.article.name,
        line.article.group,
        String(line.qty),
        formatCents(line.cents),
        CHANNELS[c.channel],
        REGIONS[c.region],
        BRANCHEN[c.branche],
      ];
      rows.push({
        fields,
        customer: c,
        qty: line.qty,
        day: doc.day,
        intact: doc.kind === 'GS' || !!line.returned,
      });
      rowsPerCustomer.set(c, (rowsPerCustomer.get(c) ?? 0) + 1);
    }
  }

  // Deliberately broken rows: only ever ordinary sales lines that are not credited later, one defect each.
  /** @type {Set<number>} */
  const taken = new Set();
  /** @type {Set<Customer>} */
  const blanked = new Set();
  const missing = pickRows(rng, rows, taken, BAD_MISSING_CUSTOMER, (row) => {
    if (row.qty <= 0 || blanked.has(row.customer) || (rowsPerCustomer.get(row.customer) ?? 0) < 2)
      return false;
    blanked.add(row.customer);
    return true;
  });
  for (const i of missing) rows[i].fields[2] = '';
  const badDates = pickRows(rng, rows, taken, BAD_DATE, (row) => row.qty > 0);
  badDates.forEach((i, k) => {
    const year = rows[i].fields[1].slice(6);
    rows[i].fields[1] = [`31.02.${year}`, `${year}-13-01`, '', `${year === '2024' ? 30 : 29}.02.${year}`][
      k % 4
    ];
  });
  const badAmounts = pickRows(rng, rows, taken, BAD_AMOUNT, (row) => row.qty > 0);
  badAmounts.forEach((i, k) => {
    rows[i].fields[8] = ['n/a', '12,3,4', ''][k % 3];
  });
  const duplicates = new Set(pickRows(rng, rows, taken, DUPLICATES, (row) => row.qty > 0));

  /** @type {string[][]} */
  const out = [];
  let returnLines = 0;
  rows.forEach((row, i) => {
    out.push(row.fields);
    if (duplicates.has(i)) out.push([...row.fields]);
    if (row.qty < 0) returnLines++;
  });

  // Rows are in date order, so the first and last rows with a valid date give the range.
  const badDateSet = new Set(badDates);
  const goodDays = rows.filter((_, i) => !badDateSet.has(i)).map((row) => row.day);
  const isoDay = (/** @type {number | undefined} */ d) => (d === undefined ? '' : CALENDAR[d].iso);

  const data = {
    header: [...HEADER],
    rows: out,
    stats: {
      customers: customers.length,
      lines: out.length,
      returnLines,
      badRows: { missingCustomer: missing.length, badDate: badDates.length, badAmount: badAmounts.length },
      duplicateRows: duplicates.size,
      invoices: invoices.length,
      creditNotes: creditNotes.length,
      firstDate: isoDay(goodDays[0]),
      lastDate: isoDay(goodDays[goodDays.length - 1]),
    },
  };
  return { data, customers, seed };
}

// ---------------------------------------------------------------------------------------------------------
// Customer master data and marketing spend (the Economics demo)

/** The header of the customer master file. */
export const CUSTOMER_HEADER = [
  'Kundennummer',
  'Firma',
  'Branche',
  'Region',
  'Unternehmensgröße',
  'Akquisekanal',
  'Erstkontakt',
  'Support-Tickets',
  'NPS',
];

/** The header of the marketing spend file. */
export const SPEND_HEADER = ['Monat', 'Kanal', 'Kosten', 'Impressionen', 'Klicks', 'Leads', 'Neukunden'];

/**
 * The acquisition cost per new customer of each paid channel in EUR: the spend file's Kosten of a channel and month
 * is exactly this times the channel's new customers of that month. "Empfehlung" (referral) has no spend.
 */
export const KNOWN_CAC = Object.freeze({ Webshop: 180, Telefon: 320, Messe: 650, Außendienst: 900 });

/** A channel with spend but no customers (the app shows it as "not among the customers"). */
export const SPEND_ONLY_CHANNEL = 'LinkedIn';
/** Its monthly spend in cents (fixed, so its total is known). */
const SPEND_ONLY_MONTHLY_CENTS = 120_000;

const PROSPECTS = 25;
const LEFT_OUT_OF_MASTER = 15;
const CONTACTS_AFTER_FIRST_PURCHASE = 5;
const PROBLEM_CUSTOMERS = 12;
const NPS_SHARE = 0.6;

const COMPANY_SIZES = ['1–9', '10–49', '50–249', '250+'];
/** Days from the first contact to the first purchase per channel: Gamma(shape, scale), mean = shape × scale. */
const CONTACT_GAMMA = {
  Außendienst: [2, 45],
  Webshop: [0.8, 12],
  Messe: [2.5, 28],
  Telefon: [1.5, 20],
  Empfehlung: [1.2, 15],
};
/** NPS score weights 0…10: mostly satisfied B2B customers, a tail of detractors. */
const NPS_WEIGHTS = [2, 1, 1, 2, 2, 4, 6, 12, 20, 26, 24];

/**
 * @typedef {object} EconomicsStats
 * @property {number} masterRows Rows of the customer master file.
 * @property {number} matched Customers of the orders with a master row.
 * @property {number} onlyInMaster Master ids without orders (prospects).
 * @property {number} onlyInOrders Customers of the orders without a master row.
 * @property {string[]} onlyInOrdersIds Their ids.
 * @property {number} contactsAfterFirstPurchase Master rows whose first contact is after the first purchase.
 * @property {number} withNps Master rows with an NPS score.
 * @property {string[]} problemCustomers Customers with many tickets and returns (unprofitable with a ticket cost).
 * @property {Record<string, Record<string, number>>} newCustomers New customers per channel and month (`MM.YYYY`),
 *   by the first purchase occasion of the order lines (METRICS).
 * @property {Record<string, number>} spend Total spend per channel in EUR (cents exact).
 */

/**
 * @typedef {object} DemoFiles
 * @property {DemoData} orders
 * @property {{ header: string[], rows: string[][] }} customers
 * @property {{ header: string[], rows: string[][] }} spend
 * @property {EconomicsStats} stats
 */

/** @type {Map<string, number>} */
const DAY_OF_DE = new Map(CALENDAR.map((c, d) => [c.de, d]));

/**
 * Knuth's Poisson sampler (small means only).
 * @param {Rng} rng
 * @param {number} mean
 */
function poisson(rng, mean) {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** @param {number} day */
function monthKey(day) {
  const { month, year } = CALENDAR[day];
  return `${String(month).padStart(2, '0')}.${year}`;
}

/**
 * German date of a day offset that may lie before 01.01.2023 (first contacts).
 * @param {number} day
 */
function germanDate(day) {
  const date = new Date(START_MS + day * DAY_MS);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${date.getUTCFullYear()}`;
}

/**
 * What the import and the analyses see of each customer in the order rows: rows that the import rejects (no
 * customer, an unreadable date or amount) are skipped, exact duplicates of the row before too. The first purchase
 * occasion (METRICS) is the first customer-day with a purchase line and a net value ≥ 0.
 * @param {string[][]} rows
 */
function customerFacts(rows) {
  /** @type {Map<string, Map<number, { net: number, buys: boolean }>>} */
  const days = new Map();
  /** @type {Map<string, { revenue: number, orders: Set<string>, returnDays: Set<number> }>} */
  const facts = new Map();
  let previous = '';
  for (const row of rows) {
    const joined = row.join(';');
    const duplicate = joined === previous;
    previous = joined;
    if (duplicate) continue;
    const id = row[2];
    const day = DAY_OF_DE.get(row[1]);
    const price = /^\d{1,3}(?:\.\d{3})*,\d{2}$/.test(row[8])
      ? Number(row[8].replace(/\./g, '').replace(',', ''))
      : NaN;
    if (id === '' || day === undefined || Number.isNaN(price)) continue;
    const qty = Number(row[7]);
    const cents = qty * price;
    let perDay = days.get(id);
    if (!perDay) days.set(id, (perDay = new Map()));
    const d = perDay.get(day) ?? { net: 0, buys: false };
    d.net += cents;
    if (qty > 0) d.buys = true;
    perDay.set(day, d);
    let f = facts.get(id);
    if (!f) facts.set(id, (f = { revenue: 0, orders: new Set(), returnDays: new Set() }));
    f.revenue += cents;
    if (qty > 0) f.orders.add(row[0]);
    else f.returnDays.add(day);
  }
  /** @type {Map<string, { first: number | null, revenue: number, orders: number, returnOrders: number }>} */
  const out = new Map();
  for (const [id, perDay] of days) {
    let first = null;
    for (const [day, d] of perDay) if (d.buys && d.net >= 0 && (first === null || day < first)) first = day;
    const f = /** @type {{ revenue: number, orders: Set<string>, returnDays: Set<number> }} */ (
      facts.get(id)
    );
    out.set(id, { first, revenue: f.revenue, orders: f.orders.size, returnOrders: f.returnDays.size });
  }
  return out;
}

/**
 * Generates the order export and, for the same customers, the customer master file and the marketing spend file.
 * Deterministic for a given seed and customer count; the order rows are exactly those of `generateDemoRows`.
 * @param {DemoOptions} [options]
 * @returns {DemoFiles}
 */
export function generateDemoFiles(options = {}) {
  const { data, customers, seed } = simulate(options);
  // A stream of its own, so that the order export stays what it was.
  const rng = new Rng((seed ^ 0x5eed_c0de) >>> 0);
  const facts = customerFacts(data.rows);
  const inOrders = customers.filter((c) => facts.has(c.number));

  // Ids on one side only: some customers of the orders are missing from the master, some prospects never ordered.
  /** @type {Set<string>} */
  const leftOut = new Set();
  while (leftOut.size < Math.min(LEFT_OUT_OF_MASTER, Math.floor(inOrders.length / 10))) {
    leftOut.add(rng.pick(inOrders).number);
  }
  const master = inOrders.filter((c) => !leftOut.has(c.number));

  // Customers with many tickets and many returns: low revenue, at least one return order.
  const problem = new Set(
    master
      .filter((c) => (facts.get(c.number)?.returnOrders ?? 0) >= 1)
      .sort((a, b) => (facts.get(a.number)?.revenue ?? 0) - (facts.get(b.number)?.revenue ?? 0))
      .slice(0, PROBLEM_CUSTOMERS)
      .map((c) => c.number),
  );
  /** @type {Set<string>} */
  const lateContact = new Set();
  // Their first purchase lies at least 60 days before the end, so that the late contact is not after the data.
  const candidates = master.filter(
    (c) => !problem.has(c.number) && (facts.get(c.number)?.first ?? Infinity) <= END_DAY - 60,
  );
  while (lateContact.size < Math.min(CONTACTS_AFTER_FIRST_PURCHASE, candidates.length)) {
    lateContact.add(rng.pick(candidates).number);
  }

  /** @type {string[][]} */
  const rows = [];
  let withNps = 0;
  for (const c of master) {
    const f = /** @type {{ first: number | null, revenue: number, orders: number, returnOrders: number }} */ (
      facts.get(c.number)
    );
    const channel = CHANNELS[c.channel];
    const first = f.first ?? Math.floor(c.acquired);
    const [shape, scale] = CONTACT_GAMMA[/** @type {keyof typeof CONTACT_GAMMA} */ (channel)];
    const contact = lateContact.has(c.number)
      ? first + rng.int(3, 60)
      : first - Math.round(rng.gamma(shape, scale));
    const yearlyOrders = (f.orders * DAYS_PER_YEAR) / Math.max(90, END_DAY + 1 - first);
    const size = Math.min(
      3,
      Math.max(
        0,
        Math.floor(Math.log10(c.meanOrderCents / 100 / 25) + rng.uniform(-0.8, 0.6) + yearlyOrders / 10),
      ),
    );
    const isProblem = problem.has(c.number);
    const tickets = isProblem ? rng.int(25, 60) : poisson(rng, 0.3 + 0.12 * f.orders);
    const scored = isProblem || rng.chance(NPS_SHARE);
    if (scored) withNps++;
    const nps = !scored ? '' : isProblem ? String(rng.int(0, 4)) : String(rng.weightedIndex(NPS_WEIGHTS));
    rows.push([
      c.number,
      c.name,
      BRANCHEN[c.branche],
      REGIONS[c.region],
      COMPANY_SIZES[size],
      channel,
      germanDate(contact),
      String(tickets),
      nps,
    ]);
  }
  for (let p = 0; p < PROSPECTS; p++) {
    const region = rng.weightedIndex(REGION_WEIGHTS);
    const branche = rng.weightedIndex(BRANCHE_WEIGHTS);
    rows.push([
      `K-${10001 + customers.length + p}`,
      `${companyName(rng, region, branche)} (Interessent)`,
      BRANCHEN[branche],
      REGIONS[region],
      COMPANY_SIZES[rng.weightedIndex([40, 35, 18, 7])],
      CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS)],
      germanDate(END_DAY - rng.int(10, 300)),
      '0',
      '',
    ]);
  }

  // New customers per channel and month, counted where the app counts them.
  /** @type {Record<string, Record<string, number>>} */
  const newCustomers = {};
  for (const name of CHANNELS) newCustomers[name] = {};
  for (const c of inOrders) {
    const first = facts.get(c.number)?.first;
    if (first === null || first === undefined) continue;
    const channel = CHANNELS[c.channel];
    const key = monthKey(first);
    newCustomers[channel][key] = (newCustomers[channel][key] ?? 0) + 1;
  }

  /** @type {string[][]} */
  const spendRows = [];
  /** @type {Record<string, number>} */
  const spendCents = {};
  for (let m = 0; m < MONTHS; m++) {
    const month = monthKey(monthStartDay(m));
    for (const channel of [...Object.keys(KNOWN_CAC), SPEND_ONLY_CHANNEL]) {
      const n = newCustomers[channel]?.[month] ?? 0;
      const cents =
        channel === SPEND_ONLY_CHANNEL
          ? SPEND_ONLY_MONTHLY_CENTS
          : Math.round(KNOWN_CAC[/** @type {keyof typeof KNOWN_CAC} */ (channel)] * n * 100);
      spendCents[channel] = (spendCents[channel] ?? 0) + cents;
      /** @type {[string, string, string, string]} impressions, clicks, leads, new customers */
      let funnel = ['', '', '', String(n)];
      if (channel === 'Webshop' || channel === SPEND_ONLY_CHANNEL) {
        const leads =
          channel === 'Webshop' ? Math.round(n * rng.uniform(3, 5)) + rng.int(2, 12) : rng.int(4, 15);
        const clicks = Math.round(leads * rng.uniform(14, 24));
        const impressions = Math.round(clicks * rng.uniform(45, 90));
        funnel = [String(impressions), String(clicks), String(leads), channel === 'Webshop' ? String(n) : ''];
      } else if (channel === 'Messe' || channel === 'Telefon') {
        funnel = ['', '', String(Math.round(n * rng.uniform(2, 4)) + rng.int(0, 6)), String(n)];
      }
      spendRows.push([month, channel, formatCents(cents), ...funnel]);
    }
  }
  /** @type {Record<string, number>} */
  const spend = {};
  for (const [channel, cents] of Object.entries(spendCents)) spend[channel] = cents / 100;

  return {
    orders: data,
    customers: { header: [...CUSTOMER_HEADER], rows },
    spend: { header: [...SPEND_HEADER], rows: spendRows },
    stats: {
      masterRows: rows.length,
      matched: master.length,
      onlyInMaster: PROSPECTS,
      onlyInOrders: leftOut.size,
      onlyInOrdersIds: [...leftOut].sort(),
      contactsAfterFirstPurchase: lateContact.size,
      withNps,
      problemCustomers: [...problem].sort(),
      newCustomers,
      spend,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// CLI

const scriptPath = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === scriptPath) {
  const target = process.argv[2]
    ? path.resolve(process.argv[2])
    : path.resolve(path.dirname(scriptPath), '..', 'public', 'demo', 'kundenwert-demo.csv');
  const base = target.replace(/\.csv$/i, '');
  const { orders, customers, spend, stats: econ } = generateDemoFiles();
  const { header, rows, stats } = orders;
  const bytes = encodeWindows1252(toCsv(header, rows));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  const bad = stats.badRows.missingCustomer + stats.badRows.badDate + stats.badRows.badAmount;
  console.log(
    `${path.relative(process.cwd(), target)}: ${(bytes.length / 1e6).toFixed(2)} MB, ${stats.lines} Zeilen, ` +
      `${stats.customers} Kunden, ${stats.invoices} Rechnungen, ${stats.returnLines} Retourenzeilen, ` +
      `${bad} fehlerhafte Zeilen, ${stats.duplicateRows} Duplikate, ${stats.firstDate} bis ${stats.lastDate}`,
  );
  const masterFile = `${base}-kunden.csv`;
  writeFileSync(masterFile, encodeWindows1252(toCsv(customers.header, customers.rows)));
  console.log(
    `${path.relative(process.cwd(), masterFile)}: ${econ.masterRows} Kunden-Stammsätze, ` +
      `${econ.onlyInMaster} nur in den Stammdaten, ${econ.onlyInOrders} nur in den Bestellungen`,
  );
  const spendFile = `${base}-marketing.csv`;
  writeFileSync(spendFile, encodeWindows1252(toCsv(spend.header, spend.rows)));
  const total = Object.values(econ.spend).reduce((a, b) => a + b, 0);
  console.log(
    `${path.relative(process.cwd(), spendFile)}: ${spend.rows.length} Zeilen, ${formatCents(Math.round(total * 100))} EUR`,
  );
}
