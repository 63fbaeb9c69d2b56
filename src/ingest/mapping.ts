/**
 * Proposes a column mapping from header names in German and English, checked against the sniffed content. What to
 * look for (the fields, their synonyms, which are required) comes from the import source; order lines by default.
 */
import type {
  ColumnProfile,
  ColumnRole,
  DateFormat,
  ImportOptions,
  RoleMap,
  SniffAnswer,
  SniffResult,
} from '../shared/types';
import { parsePeriod } from './normalize';
import { orders } from './sources/orders';
import { describeSource } from './sources/registry';
import type { ImportSource, SourceFieldDef } from './sources/types';

export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

/** The share of a column's non-empty samples that are periods: months (`03.2024`, `März 2024`) or unambiguous dates. */
function periodShare(p: ColumnProfile): number {
  let filled = 0;
  let months = 0;
  for (const v of p.samples) {
    if (v.trim() === '') continue;
    filled++;
    const day = parsePeriod(v, 'iso');
    if (day === day) months++;
  }
  return filled > 0 ? months / filled : 0;
}

/** Whether a column's content can be the field's: an empty column only for an optional field. */
function fitsContent(field: SourceFieldDef, p: ColumnProfile): boolean {
  if (p.nonEmpty === 0) return !field.required;
  switch (field.kind) {
    case 'day':
      return p.dateFormats.length > 0;
    case 'period':
      return p.dateFormats.length > 0 || periodShare(p) >= 0.6;
    case 'number':
      return p.numericShare >= 0.9;
    default:
      return true;
  }
}

export interface MappingProposal {
  roles: RoleMap;
  attributes: { index: number; name: string }[];
  dateFormat: DateFormat;
  cancelPrefix: string;
}

/**
 * Finds a column for each field of the source: names first (exact synonyms, dates first), then headers that contain
 * a distinctive part of a synonym, then the content (the field's `guess`); columns with the source's attribute names
 * are kept as attributes.
 */
export function proposeMapping(sniff: SniffResult, source: ImportSource = orders): MappingProposal {
  const profiles = sniff.profiles;
  const names = profiles.map((p) => normalizeHeader(p.name));
  const roles: RoleMap = {};
  const used = new Set<number>();
  const take = (role: ColumnRole, idx: number) => {
    roles[role] = idx;
    used.add(idx);
  };

  const claim = (field: SourceFieldDef) => {
    for (const syn of field.synonyms) {
      const idx = names.findIndex((n, i) => !used.has(i) && n === syn);
      if (idx >= 0 && fitsContent(field, profiles[idx])) return take(field.role, idx);
    }
  };
  // Dates and periods first (content is decisive), then the rest in the source's order.
  const byRole = new Map(source.fields.map((f) => [f.role, f]));
  const dated = (f: SourceFieldDef) => f.kind === 'day' || f.kind === 'period';
  const claimOrder = [...source.fields.filter(dated), ...source.fields.filter((f) => !dated(f))];
  for (const field of claimOrder) {
    claim(field);
    if (roles[field.role] === undefined && field.guess === 'dates') {
      // No header names the dates: the first column of dates, preferring one that is not all whole numbers.
      const idx = profiles.findIndex(
        (p, i) => !used.has(i) && p.dateFormats.length > 0 && p.integerShare < 1,
      );
      const idx8 = profiles.findIndex((p, i) => !used.has(i) && p.dateFormats.length > 0);
      const pick = idx >= 0 ? idx : idx8;
      if (pick >= 0) take(field.role, pick);
    }
  }
  // Second pass for names with extra words ("Betrag netto", "Umsatz EUR", "Einzelpreis (EUR)"): a header that
  // contains a distinctive synonym.
  const partialOrder = source.partialOrder ?? source.fields.map((f) => f.role);
  for (const role of partialOrder) {
    const field = byRole.get(role);
    if (!field || roles[role] !== undefined) continue;
    for (const syn of field.partial ?? []) {
      const idx = names.findIndex((n, i) => !used.has(i) && n.includes(syn) && !n.includes('name'));
      if (idx >= 0 && fitsContent(field, profiles[idx])) {
        take(role, idx);
        break;
      }
    }
  }
  // Without header names, an id that repeats (a customer with several orders) is the first such column.
  if (!sniff.hasHeader) {
    for (const field of source.fields) {
      if (field.guess !== 'repeating' || roles[field.role] !== undefined) continue;
      const idx = profiles.findIndex((p, i) => !used.has(i) && p.nonEmpty > 0 && p.distinct < p.nonEmpty);
      if (idx >= 0) take(field.role, idx);
    }
  }
  const attributes = source.attributes
    ? profiles
        .filter((p, i) => !used.has(i) && source.attributeNames.includes(names[i]))
        .map((p) => ({ index: p.index, name: p.name }))
    : [];
  // The date format of the first mapped date or period column whose cells are dates.
  const dateField = source.fields.find(
    (f) => dated(f) && roles[f.role] !== undefined && profiles[roles[f.role]!].dateFormats.length > 0,
  );
  const dateFormat: DateFormat = dateField ? profiles[roles[dateField.role]!].dateFormats[0] : 'iso';
  const marker = source.cancelMarker !== null ? roles[source.cancelMarker] : undefined;
  const cancelPrefix = marker !== undefined ? profiles[marker].letterPrefix : '';
  return { roles, attributes, dateFormat, cancelPrefix };
}

/** Currency signs and codes in header names ("Betrag EUR", "UnitPrice (GBP)", "Preis £"). */
const HEADER_CURRENCY: [RegExp, string][] = [
  [/€|\beuro?\b/i, 'EUR'],
  [/£|\bgbp\b/i, 'GBP'],
  [/\bchf\b/i, 'CHF'],
  [/\$|\busd\b/i, 'USD'],
];
/** Country names whose currency is clear, as they are written in exports (English and German). */
const COUNTRY_CURRENCY: [RegExp, string][] = [
  [
    /^(united kingdom|uk|great britain|england|scotland|wales|northern ireland|vereinigtes königreich|großbritannien|grossbritannien)$/i,
    'GBP',
  ],
  [/^(switzerland|schweiz|suisse|svizzera|ch)$/i, 'CHF'],
  [/^(united states|united states of america|usa|us|vereinigte staaten)$/i, 'USD'],
  [
    /^(germany|deutschland|de|austria|österreich|at|france|frankreich|netherlands|niederlande|belgium|belgien|italy|italien|spain|spanien|ireland|irland|eire|portugal|finland|finnland|luxembourg|luxemburg)$/i,
    'EUR',
  ],
];

/**
 * The currency a file suggests, in this order: signs or codes in its amount cells (the sniff), signs or codes in its
 * header names (only when they name exactly one currency), then the country column when at least half of its sampled
 * values name one country with a clear currency (a British export lists "United Kingdom"). Null when nothing says.
 */
export function proposeCurrency(sniff: SniffResult): string | null {
  if (sniff.currency) return sniff.currency;
  const named = new Set<string>();
  for (const h of sniff.headers) for (const [re, code] of HEADER_CURRENCY) if (re.test(h)) named.add(code);
  if (named.size === 1) return [...named][0];
  if (named.size > 1) return null;
  sniff.headers.forEach((h, i) => {
    if (!/^(country|land|staat|lieferland|countrycode|laendercode)$/.test(normalizeHeader(h))) return;
    const counts = new Map<string, number>();
    let seen = 0;
    for (const row of sniff.sampleRows) {
      const v = (row[i] ?? '').trim();
      if (v === '') continue;
      seen++;
      const code = COUNTRY_CURRENCY.find(([re]) => re.test(v))?.[1];
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    for (const [code, n] of counts) if (seen > 0 && n * 2 >= seen) named.add(code);
  });
  return named.size === 1 ? [...named][0] : null;
}

/** The options an import starts from: the sniffed layout and the proposal (made for `source`, order lines by default). */
export function defaultOptions(
  sniff: SniffResult,
  proposal?: MappingProposal,
  source: ImportSource = orders,
  /** The currency when the file names none (the UI language's default). */
  fallbackCurrency = 'EUR',
): ImportOptions {
  const p = proposal ?? proposeMapping(sniff, source);
  return {
    // Options without a source are for order lines (and so are all datasets stored before there were others).
    ...(source === orders ? {} : { source: source.id }),
    name: sniff.fileName.replace(/\.[^.]+$/, ''),
    encoding: sniff.encoding,
    delimiter: sniff.delimiter,
    lineEnding: sniff.lineEnding,
    skipRows: sniff.skipRows,
    hasHeader: sniff.hasHeader,
    decimal: sniff.decimal,
    dateFormat: p.dateFormat,
    roles: p.roles,
    attributes: p.attributes,
    cancelPrefix: p.cancelPrefix,
    dropDuplicates: false,
    currency: proposeCurrency(sniff) ?? fallbackCurrency,
  };
}

/** The sniff answer for the mapping step: the proposed options and the plain description of their source. */
export function proposeImport(sniff: SniffResult, source: ImportSource = orders): SniffAnswer {
  return { sniff, options: defaultOptions(sniff, undefined, source), source: describeSource(source) };
}

/** The required roles not yet mapped (error codes for the UI), in the source's order. */
export function missingRoles(roles: RoleMap, source: ImportSource = orders): ColumnRole[] {
  return source.fields.filter((f) => f.required && roles[f.role] === undefined).map((f) => f.role);
}
