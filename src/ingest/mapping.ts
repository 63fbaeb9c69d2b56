/**
 * Proposes a column mapping from German and English header names, checked against the sniffed content.
 */
import type {
  ColumnProfile,
  ColumnRole,
  DateFormat,
  ImportOptions,
  RoleMap,
  SniffResult,
} from '../shared/types';

/** Header names per role, normalized (lower case, umlauts folded, no separators). Earlier entries win. */
const SYNONYMS: Record<ColumnRole, string[]> = {
  customer: [
    'kundennummer',
    'kundennr',
    'kundenid',
    'kdnr',
    'debitor',
    'debitorennummer',
    'debitorennr',
    'customerid',
    'customerno',
    'customernumber',
    'customer',
    'clientid',
    'client',
    'kunde',
    'masterid',
    'custid',
    'cust',
    'userid',
  ],
  date: [
    'rechnungsdatum',
    'belegdatum',
    'bestelldatum',
    'auftragsdatum',
    'datum',
    'invoicedate',
    'orderdate',
    'transactiondate',
    'purchasedate',
    'date',
  ],
  amount: [
    'betrag',
    'nettobetrag',
    'umsatz',
    'netto',
    'nettoumsatz',
    'umsatznetto',
    'gesamtbetrag',
    'summe',
    'amount',
    'revenue',
    'sales',
    'total',
    'dollarvalue',
    'value',
    'ordervalue',
  ],
  quantity: ['menge', 'anzahl', 'stueck', 'stk', 'quantity', 'qty', 'numberofcds', 'cds', 'units'],
  unitPrice: ['einzelpreis', 'preis', 'stueckpreis', 'epreis', 'unitprice', 'price'],
  orderId: [
    'rechnungsnummer',
    'rechnungsnr',
    'belegnummer',
    'belegnr',
    'bestellnummer',
    'auftragsnummer',
    'invoiceno',
    'invoicenumber',
    'invoice',
    'invoiceid',
    'orderid',
    'orderno',
    'ordernumber',
    'order',
  ],
  product: [
    'artikelnummer',
    'artikelnr',
    'artikel',
    'produkt',
    'sku',
    'stockcode',
    'productid',
    'product',
    'item',
  ],
  category: ['kategorie', 'warengruppe', 'produktgruppe', 'category', 'productcategory'],
  channel: ['kanal', 'vertriebskanal', 'channel', 'saleschannel', 'source'],
  region: ['region', 'land', 'country', 'bundesland', 'gebiet', 'vertriebsgebiet'],
  cost: ['kosten', 'einstandspreis', 'wareneinsatz', 'cost', 'cogs'],
  margin: ['marge', 'deckungsbeitrag', 'rohertrag', 'margin', 'grossmargin', 'profit'],
};

/** Distinctive parts of header names, for headers with extra words. */
const PARTIAL: Partial<Record<ColumnRole, string[]>> = {
  customer: ['kundennummer', 'kundennr', 'debitor', 'customerid', 'customerno'],
  date: ['rechnungsdatum', 'belegdatum', 'bestelldatum', 'datum', 'orderdate', 'invoicedate'],
  unitPrice: ['einzelpreis', 'stueckpreis', 'unitprice'],
  quantity: ['menge', 'anzahl', 'quantity'],
  amount: ['betrag', 'umsatz', 'amount', 'revenue', 'sales'],
  orderId: [
    'rechnungsnummer',
    'rechnungsnr',
    'belegnummer',
    'belegnr',
    'bestellnummer',
    'invoiceno',
    'orderid',
  ],
  category: ['warengruppe', 'kategorie', 'category'],
  cost: ['einstand', 'wareneinsatz'],
  margin: ['deckungsbeitrag', 'rohertrag', 'marge'],
};

/** Headers that are kept as segment attributes by default. */
const ATTRIBUTE_NAMES = [
  'branche',
  'industry',
  'segment',
  'kundengruppe',
  'customergroup',
  'sector',
  'sektor',
];

export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

function fitsContent(role: ColumnRole, p: ColumnProfile, dateFormat: DateFormat | undefined): boolean {
  if (p.nonEmpty === 0) return role !== 'customer' && role !== 'date';
  switch (role) {
    case 'date':
      return p.dateFormats.length > 0;
    case 'amount':
    case 'unitPrice':
    case 'cost':
    case 'margin':
      return p.numericShare >= 0.9;
    case 'quantity':
      return p.numericShare >= 0.9;
    default:
      return !(dateFormat && p.dateFormats[0] === dateFormat && role === 'customer');
  }
}

export interface MappingProposal {
  roles: RoleMap;
  attributes: { index: number; name: string }[];
  dateFormat: DateFormat;
  cancelPrefix: string;
}

export function proposeMapping(sniff: SniffResult): MappingProposal {
  const profiles = sniff.profiles;
  const names = profiles.map((p) => normalizeHeader(p.name));
  const roles: RoleMap = {};
  const used = new Set<number>();

  const claim = (role: ColumnRole) => {
    for (const syn of SYNONYMS[role]) {
      const idx = names.findIndex((n, i) => !used.has(i) && n === syn);
      if (idx >= 0 && fitsContent(role, profiles[idx], undefined)) {
        roles[role] = idx;
        used.add(idx);
        return;
      }
    }
  };
  // Date first (content is decisive), then the rest in order of importance.
  claim('date');
  if (roles.date === undefined) {
    const idx = profiles.findIndex((p, i) => !used.has(i) && p.dateFormats.length > 0 && p.integerShare < 1);
    const idx8 = profiles.findIndex((p, i) => !used.has(i) && p.dateFormats.length > 0);
    const pick = idx >= 0 ? idx : idx8;
    if (pick >= 0) {
      roles.date = pick;
      used.add(pick);
    }
  }
  for (const role of [
    'customer',
    'amount',
    'quantity',
    'unitPrice',
    'orderId',
    'product',
    'category',
    'channel',
    'region',
    'cost',
    'margin',
  ] as const) {
    claim(role);
  }
  // Second pass for names with extra words ("Betrag netto", "Umsatz EUR", "Einzelpreis (EUR)"): a header that
  // contains a distinctive synonym. Specific roles go first, so "Einzelpreis netto" is a price, not an amount.
  for (const role of [
    'customer',
    'date',
    'unitPrice',
    'quantity',
    'amount',
    'orderId',
    'category',
    'cost',
    'margin',
  ] as const) {
    if (roles[role] !== undefined) continue;
    for (const syn of PARTIAL[role] ?? []) {
      const idx = names.findIndex((n, i) => !used.has(i) && n.includes(syn) && !n.includes('name'));
      if (idx >= 0 && fitsContent(role, profiles[idx], undefined)) {
        roles[role] = idx;
        used.add(idx);
        break;
      }
    }
  }
  // Without header names, a customer id is the first non-date column with repeating values.
  if (roles.customer === undefined && !sniff.hasHeader) {
    const idx = profiles.findIndex((p, i) => !used.has(i) && p.nonEmpty > 0 && p.distinct < p.nonEmpty);
    if (idx >= 0) {
      roles.customer = idx;
      used.add(idx);
    }
  }
  const attributes = profiles
    .filter((p, i) => !used.has(i) && ATTRIBUTE_NAMES.includes(names[i]))
    .map((p) => ({ index: p.index, name: p.name }));
  const dateFormat: DateFormat =
    roles.date !== undefined ? (profiles[roles.date].dateFormats[0] ?? 'iso') : 'iso';
  const cancelPrefix = roles.orderId !== undefined ? profiles[roles.orderId].letterPrefix : '';
  return { roles, attributes, dateFormat, cancelPrefix };
}

export function defaultOptions(sniff: SniffResult, proposal = proposeMapping(sniff)): ImportOptions {
  return {
    name: sniff.fileName.replace(/\.[^.]+$/, ''),
    encoding: sniff.encoding,
    delimiter: sniff.delimiter,
    lineEnding: sniff.lineEnding,
    skipRows: sniff.skipRows,
    hasHeader: sniff.hasHeader,
    decimal: sniff.decimal,
    dateFormat: proposal.dateFormat,
    roles: proposal.roles,
    attributes: proposal.attributes,
    cancelPrefix: proposal.cancelPrefix,
    dropDuplicates: false,
    currency: sniff.currency ?? 'EUR',
  };
}

/** What is missing before an import can start, as error codes for the UI. */
export function missingRoles(roles: RoleMap): ('customer' | 'date')[] {
  const out: ('customer' | 'date')[] = [];
  if (roles.customer === undefined) out.push('customer');
  if (roles.date === undefined) out.push('date');
  return out;
}
