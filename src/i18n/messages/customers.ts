/** Texts of the Customers view: the RFM map, the segment names and their suggested actions, the customer table. */
import type { Segment } from '../../analytics/rfm';
import type { Texts } from '../texts';
import type { ActionListKind } from '../../shared/actions';

export const de = {
  'cu.title': 'Kunden: Wer sind sie?',
  'cu.map': 'RFM-Karte (R × FM)',
  'cu.mapHint':
    'Zeilen: Aktualität R (5 = kürzlich gekauft), Spalten: FM = Häufigkeit und Umsatz. Je Zelle Kunden und Umsatz; ein Klick zeigt in der Kundentabelle nur die Kunden dieser Zelle.',
  'cu.tieRule':
    'Jeder Score von 1 bis 5 sagt, im wievielten Fünftel der Kunden jemand liegt (5 = bestes Fünftel). Gleiche Werte bekommen denselben Score, die Gruppen sind daher nicht gleich groß (bei F haben oft viele Kunden nur 1 Bestellung).',
  'cu.tieRuleFormula':
    'Score = 1 + ⌊5 · L / N⌋, L = Kunden mit echt kleinerem Wert, N = alle Kunden; FM = ⌊(F + M + 1) / 2⌋.',
  'cu.segments': 'Segmente',
  'cu.segment': 'Segment',
  'cu.revenueShare': 'Umsatzanteil',
  'cu.customerShare': 'Kundenanteil',
  'cu.meanRecency': 'Ø Tage seit Kauf',
  'cu.meanOrders': 'Ø Bestellungen',
  'cu.meanRevenue': 'Ø Umsatz',
  'cu.action': 'Empfohlene Maßnahme',
  'cu.customers': '{n} Kunden',
  'cu.search': 'Kundennummer suchen',
  'cu.clearCell': 'Zellenfilter entfernen',
  'cu.cellChip': '{segment} · R {r} · FM {fm}',
  // (Soft hyphens: the customer table's narrow header may break these long words.)
  'cu.id': 'Kunden\u00adnummer',
  'cu.revenue': 'Umsatz',
  'cu.orders': 'Bestel\u00adlungen',
  'cu.recency': 'Tage seit Kauf',
  'cu.first': 'Erstkauf',
  'cu.rfm': 'RFM',
  'cu.detail': 'Kunde {id}',
  'cu.closeDetail': 'Schließen',
  'seg.champions': 'Champions',
  'seg.loyal': 'Loyale Kunden',
  'seg.potentialLoyalists': 'Potenzielle Stammkunden',
  'seg.newCustomers': 'Neukunden',
  'seg.promising': 'Vielversprechend',
  'seg.needAttention': 'Aufmerksamkeit nötig',
  'seg.aboutToSleep': 'Kurz vor dem Einschlafen',
  'seg.cantLoseThem': 'Nicht verlieren!',
  'seg.atRisk': 'Gefährdet',
  'seg.hibernating': 'Schlafend',
  'seg.lost': 'Verloren',
  'act.champions': 'Belohnen, als Referenz gewinnen, neue Produkte zuerst anbieten.',
  'act.loyal': 'Treueprogramm, Zusatzprodukte (Cross-Selling) anbieten.',
  'act.potentialLoyalists': 'Zweit- und Drittkauf fördern, Mitgliedschaft anbieten.',
  'act.newCustomers': 'Gutes Onboarding, zweiten Kauf in den ersten 90 Tagen anstoßen.',
  'act.promising': 'Kennenlernangebote, Markenbindung aufbauen.',
  'act.needAttention': 'Zeitlich begrenzte, persönliche Angebote.',
  'act.aboutToSleep': 'Reaktivieren, bevor sie abwandern: relevante Angebote.',
  'act.cantLoseThem': 'Persönlich ansprechen, Gründe erfragen, zurückgewinnen.',
  'act.atRisk': 'Reaktivierungskampagne mit persönlicher Note.',
  'act.hibernating': 'Günstige Reaktivierung testen, sonst Aufwand begrenzen.',
  'act.lost': 'Nur mit sehr günstigen Maßnahmen ansprechen.',
  'cu.fcExpected': 'Erwartete Käufe ({n} M.)',
  'cu.fcClv': 'Prognost. CLV ({n} M.)',
  'cu.fcRangesHint':
    'Unter P(alive), den erwarteten Käufen und dem CLV steht ihre Spanne (80 %); die Spanne 95 % zeigt der Tooltip der Zelle, und ein Screenreader liest beide vor.',
  'cu.toList.reactivation': 'Zur Reaktivierungsliste',
  'cu.toList.due': 'Zur Liste „Jetzt fällig“',
  'cu.toList.whitespace': 'Zu Cross-Selling',
  'cu.toList.upsell': 'Zur Upselling-Liste',
};

export const en: Texts<typeof de> = {
  'cu.title': 'Customers: who are they?',
  'cu.map': 'RFM map (R × FM)',
  'cu.mapHint':
    'Rows: recency R (5 = bought recently), columns: FM = frequency and monetary value. Each cell: customers and revenue; a click shows only that cell’s customers in the customer table.',
  'cu.tieRule':
    'Each score from 1 to 5 says which fifth of the customers someone is in (5 = the best fifth). Equal values get the same score, so the groups are not equal in size (for F, many customers often have just 1 order).',
  'cu.tieRuleFormula':
    'Score = 1 + ⌊5 · L / N⌋, L = customers with a strictly lower value, N = all customers; FM = ⌊(F + M + 1) / 2⌋.',
  'cu.segments': 'Segments',
  'cu.segment': 'Segment',
  'cu.revenueShare': 'Revenue share',
  'cu.customerShare': 'Customer share',
  'cu.meanRecency': 'Mean days since purchase',
  'cu.meanOrders': 'Mean orders',
  'cu.meanRevenue': 'Mean revenue',
  'cu.action': 'Suggested action',
  'cu.customers': '{n} customers',
  'cu.search': 'Search customer id',
  'cu.clearCell': 'Remove the cell filter',
  'cu.cellChip': '{segment} · R {r} · FM {fm}',
  'cu.id': 'Customer id',
  'cu.revenue': 'Revenue',
  'cu.orders': 'Orders',
  'cu.recency': 'Days since purchase',
  'cu.first': 'First purchase',
  'cu.rfm': 'RFM',
  'cu.detail': 'Customer {id}',
  'cu.closeDetail': 'Close',
  'seg.champions': 'Champions',
  'seg.loyal': 'Loyal customers',
  'seg.potentialLoyalists': 'Potential loyalists',
  'seg.newCustomers': 'New customers',
  'seg.promising': 'Promising',
  'seg.needAttention': 'Need attention',
  'seg.aboutToSleep': 'About to sleep',
  'seg.cantLoseThem': 'Can’t lose them',
  'seg.atRisk': 'At risk',
  'seg.hibernating': 'Hibernating',
  'seg.lost': 'Lost',
  'act.champions': 'Reward them, win them as references, offer new products first.',
  'act.loyal': 'Loyalty programme, offer complementary products (cross-selling).',
  'act.potentialLoyalists': 'Encourage the second and third purchase, offer a membership.',
  'act.newCustomers': 'Good onboarding, prompt a second purchase within 90 days.',
  'act.promising': 'Introductory offers, build brand attachment.',
  'act.needAttention': 'Time-limited, personal offers.',
  'act.aboutToSleep': 'Reactivate before they leave: relevant offers.',
  'act.cantLoseThem': 'Contact personally, ask why, win them back.',
  'act.atRisk': 'Reactivation campaign with a personal touch.',
  'act.hibernating': 'Test a cheap reactivation, otherwise limit effort.',
  'act.lost': 'Only with very cheap measures.',
  'cu.fcExpected': 'Expected purchases ({n} m.)',
  'cu.fcClv': 'Predicted CLV ({n} m.)',
  'cu.fcRangesHint':
    'Under P(alive), the expected purchases and the CLV, their 80 % range; the 95 % range is in the cell’s tooltip, and a screen reader reads both.',
  'cu.toList.reactivation': 'To the reactivation list',
  'cu.toList.due': 'To the due-now list',
  'cu.toList.whitespace': 'To cross-selling',
  'cu.toList.upsell': 'To the upsell list',
};

type Key = keyof typeof de;

/** The name of each RFM segment. */
export const SEGMENT_LABEL: Record<Segment, Key> = {
  champions: 'seg.champions',
  loyal: 'seg.loyal',
  potentialLoyalists: 'seg.potentialLoyalists',
  newCustomers: 'seg.newCustomers',
  promising: 'seg.promising',
  needAttention: 'seg.needAttention',
  aboutToSleep: 'seg.aboutToSleep',
  cantLoseThem: 'seg.cantLoseThem',
  atRisk: 'seg.atRisk',
  hibernating: 'seg.hibernating',
  lost: 'seg.lost',
};

/** The link text to each list of the Actions view (from the segments, the self-check, the forecast). */
export const ACTION_LIST_LINK: Record<ActionListKind, Key> = {
  reactivation: 'cu.toList.reactivation',
  due: 'cu.toList.due',
  whitespace: 'cu.toList.whitespace',
  upsell: 'cu.toList.upsell',
};

/** Each RFM segment's suggested action (the default of the editable text). */
export const SEGMENT_ACTION: Record<Segment, Key> = {
  champions: 'act.champions',
  loyal: 'act.loyal',
  potentialLoyalists: 'act.potentialLoyalists',
  newCustomers: 'act.newCustomers',
  promising: 'act.promising',
  needAttention: 'act.needAttention',
  aboutToSleep: 'act.aboutToSleep',
  cantLoseThem: 'act.cantLoseThem',
  atRisk: 'act.atRisk',
  hibernating: 'act.hibernating',
  lost: 'act.lost',
};
