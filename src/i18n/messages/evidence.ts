/** Texts of the self-check's evidence from the data. */
import type { EvidenceReason, JoinedColumn } from '../../analytics/evidence';
import type { Texts } from '../texts';

export const de = {
  'ev.fromData': 'Aus Ihren Daten',
  'ev.toForecast': 'Zur Prognose',
  'ev.reason.noAmount': 'Der Datensatz hat keine Beträge, daher lässt sich das nicht zeigen.',
  'ev.reason.noMap': 'Noch keine Wertstromkarte: Legen Sie eine unter „Wertstrom“ an.',
  'ev.reason.noForecast':
    'Für diesen Datensatz ist keine Prognose möglich, daher lässt sich das CLV-Potenzial nicht zeigen.',
  'ev.reason.noCustomers': 'Keine Kunden in den gewählten Daten.',
  'ev.reason.historyTooShort': 'Braucht mindestens {need} Tage Daten.',
  'ev.reason.noSummary': 'Zu diesem Datensatz gibt es keine Importzusammenfassung.',
  'ev.segmentValue': 'Die RFM-Segmente nach ihrem Umsatzanteil:',
  'ev.segmentValue.item': '{c} der Kunden, {r} des Umsatzes',
  'ev.note.noAttribute':
    'Kein Segmentmerkmal (Kanal, Warengruppe, Region) zugeordnet; ordnen Sie beim Import eines zu, um auch solche Segmente zu vergleichen.',
  'ev.pareto': 'Die Top 20 % ({k} von {n} Kunden) bringen {share} des Umsatzes. Die ersten zehn:',
  'ev.pareto.link': 'Alle Kunden, nach Umsatz sortiert',
  'ev.clvVsCac':
    'Mittlerer prognostizierter CLV je Bestandskunde bei {m} % Marge (BG/NBD + Gamma-Gamma): {c12} über 12 Monate, {c36} über 36 Monate.',
  'ev.clvVsCac.ratio':
    'Gegenüber Akquisitionskosten von {cac}: CLV (36 Monate) : CAC = {ratio} : 1 – gemessen am Mittel aller Bestandskunden, aktiver wie inaktiver; ein Neukunde kann mehr oder weniger wert sein.',
  'ev.clvVsCac.low': 'Unter 3 : 1 rechnet sich die Akquisition kaum.',
  'ev.clvVsCac.ok': 'Ab 3 : 1 rechnet sich die Akquisition.',
  'ev.note.noCac': 'Tragen Sie oben Ihre Akquisitionskosten je Neukunde ein, um zu vergleichen.',
  'ev.budgetShare':
    'Bestandskunden (Erstkauf vor mehr als einem Jahr) brachten {existing} des Umsatzes im letzten Jahr, Neukunden {fresh}.',
  'ev.budgetShare.occasions':
    'Bestandskunden (Erstkauf vor mehr als einem Jahr) tätigten {existing} der Käufe im letzten Jahr, Neukunden {fresh} (keine Beträge: Käufe statt Umsatz).',
  'ev.budgetShare.budget':
    'Ihr Budget: {acq} für Akquisition, {ex} für Bestandskunden – eine Lücke von {gap} Prozentpunkten zu deren Anteil.',
  'ev.note.noBudget': 'Tragen Sie oben Ihre Budgetverteilung ein, um das Missverhältnis zu sehen.',
  'ev.note.cacFromSpend':
    'Die Akquisitionskosten stammen aus Ihren Marketingausgaben: Akquisitionsausgaben der letzten 365 Tage geteilt durch die Neukunden dieser Zeit (über alle Kanäle).',
  'ev.note.cacTyped':
    'Verwendet werden die Akquisitionskosten, die Sie unter „Ihre Zahlen“ eingetragen haben; mit importierten Marketingausgaben rechnet der Check mit den tatsächlichen.',
  'ev.note.budgetFromSpend':
    'Die Budgetverteilung stammt aus Ihren Marketingausgaben der letzten 365 Tage, getrennt nach Zweck (Akquisition oder Bestandskunden).',
  'ev.note.budgetTyped':
    'Verwendet wird die Budgetverteilung, die Sie unter „Ihre Zahlen“ eingetragen haben; mit importierten Marketingausgaben rechnet der Check mit den tatsächlichen.',
  'ev.handoffs':
    'Die Wertstromkarte zählt {n} Übergaben in den ersten 90 Tagen eines Neukunden ({total} insgesamt, in {steps} Schritten).',
  'ev.timeToValue':
    'Laut Wertstromkarte vergehen {days} Tage von der Bestellung bis zum Ende des ersten wertschöpfenden Schritts (die ganze Reise dauert {lead} Tage).',
  'ev.timeToValue.noValueStep':
    'Die Wertstromkarte hat nach der Bestellung keinen wertschöpfenden Schritt und zeigt daher keine Time-to-Value.',
  'ev.timeToValue.data': 'In den Daten kaufen Wiederkäufer im Median {d} Tage nach dem ersten Kauf erneut.',
  'ev.firstOrderDropoff': '{share} der Kunden ({n}) haben nur einmal bestellt.',
  'ev.firstOrderDropoff.months':
    'Von den Monatskohorten kauften {m1} in Monat 1 wieder, {m2} in Monat 2 und {m3} in Monat 3 nach dem Erstkauf.',
  'ev.reactivation':
    '{n} Kunden ({share}) haben seit mehr als 12 Monaten nichts gekauft; sie brachten bisher {revenue} ({rshare} des Umsatzes).',
  'ev.reactivation.noAmount': '{n} Kunden ({share}) haben seit mehr als 12 Monaten nichts gekauft.',
  'ev.dataJoined': 'Dieser Datensatz enthält: {list}.',
  'ev.note.orderDataOnly':
    'Ein Bestellexport enthält nur Transaktionen: Stammdaten, Verträge und Interaktionen (Anrufe, Tickets, Besuche) fehlen.',
  'ev.col.customer': 'Kundennummer',
  'ev.col.date': 'Datum',
  'ev.col.amount': 'Betrag',
  'ev.col.order': 'Belegnummer',
  'ev.col.product': 'Artikel',
  'ev.col.category': 'Warengruppe',
  'ev.col.channel': 'Kanal',
  'ev.col.region': 'Region',
  'ev.col.margin': 'Kosten oder Marge',
  'ev.col.attributes': '{n} weitere Merkmale',
  'ev.col.attribute': 'ein weiteres Merkmal',
  'ev.budgetShare.over100': 'Ihre Anteile ergeben zusammen {sum} %, mehr als 100 %.',
  'ev.dataQuality':
    'Der Import wies {rejected} von {rows} Zeilen ab ({share}), fand {dups} exakte Dubletten und {returns} Retourenzeilen.',
  'ev.dataQuality.dropped': 'Die Dubletten sind aus der Analyse ausgeschlossen.',
  'ev.dataQuality.kept': 'Die Dubletten bleiben in der Analyse.',
};

export const en: Texts<typeof de> = {
  'ev.fromData': 'From your data',
  'ev.toForecast': 'Open the forecast',
  'ev.reason.noAmount': 'The dataset has no amounts, so this cannot be shown.',
  'ev.reason.noMap': 'No value stream map yet: build one under "Value stream".',
  'ev.reason.noForecast': 'No forecast is possible for this dataset, so the CLV potential cannot be shown.',
  'ev.reason.noCustomers': 'No customers in the chosen data.',
  'ev.reason.historyTooShort': 'Needs at least {need} days of data.',
  'ev.reason.noSummary': 'No import summary for this dataset.',
  'ev.segmentValue': 'The RFM segments by their share of revenue:',
  'ev.segmentValue.item': '{c} of the customers, {r} of the revenue',
  'ev.note.noAttribute':
    'No segment attribute (channel, category, region) is mapped; map one at the import to compare such segments too.',
  'ev.pareto': 'The top 20 % ({k} of {n} customers) bring {share} of the revenue. The first ten:',
  'ev.pareto.link': 'All customers, sorted by revenue',
  'ev.clvVsCac':
    'Mean predicted CLV per existing customer at {m} % margin (BG/NBD + Gamma-Gamma): {c12} over 12 months, {c36} over 36 months.',
  'ev.clvVsCac.ratio':
    'Against a CAC of {cac}: CLV (36 months) : CAC = {ratio} : 1, measured on the mean of all existing customers, active or not; a new customer may be worth more or less.',
  'ev.clvVsCac.low': 'Below 3 : 1, acquisition hardly pays off.',
  'ev.clvVsCac.ok': 'At 3 : 1 or above, acquisition pays off.',
  'ev.note.noCac': 'Enter your acquisition cost per new customer above to compare.',
  'ev.budgetShare':
    "Existing customers (first purchase more than a year ago) brought {existing} of last year's revenue, new customers {fresh}.",
  'ev.budgetShare.occasions':
    "Existing customers (first purchase more than a year ago) made {existing} of last year's purchases, new customers {fresh} (no amounts: purchases instead of revenue).",
  'ev.budgetShare.budget':
    'Your budget: {acq} on acquisition, {ex} on existing customers, a gap of {gap} percentage points to their share.',
  'ev.note.noBudget': 'Enter your budget split above to see the mismatch.',
  'ev.note.cacFromSpend':
    "The acquisition cost comes from your marketing spend: the last 365 days' acquisition spend divided by that period's new customers (over all channels).",
  'ev.note.cacTyped':
    "The acquisition cost you entered under 'Your figures' is used; with marketing spend imported, the check uses the actual one.",
  'ev.note.budgetFromSpend':
    'The budget split comes from your marketing spend of the last 365 days, by purpose (acquisition or existing customers).',
  'ev.note.budgetTyped':
    "The budget split you entered under 'Your figures' is used; with marketing spend imported, the check uses the actual one.",
  'ev.handoffs':
    "The value stream map counts {n} handoffs in a new customer's first 90 days ({total} in all, over {steps} steps).",
  'ev.timeToValue':
    'The value stream map gives a time-to-value of {days} days from the order to the end of the first value-adding step (the whole journey takes {lead} days).',
  'ev.timeToValue.noValueStep':
    'The value stream map has no value-adding step after the order, so it shows no time-to-value.',
  'ev.timeToValue.data':
    'In the data, customers who buy again do so a median of {d} days after their first purchase.',
  'ev.firstOrderDropoff': '{share} of the customers ({n}) have ordered only once.',
  'ev.firstOrderDropoff.months':
    'Of the monthly cohorts, {m1} bought again in month 1, {m2} in month 2 and {m3} in month 3 after their first purchase.',
  'ev.reactivation':
    '{n} customers ({share}) have bought nothing for more than 12 months; they brought {revenue} ({rshare} of the revenue) so far.',
  'ev.reactivation.noAmount': '{n} customers ({share}) have bought nothing for more than 12 months.',
  'ev.dataJoined': 'This dataset holds: {list}.',
  'ev.note.orderDataOnly':
    'An order export holds transactions only: master data, contracts and interactions (calls, tickets, visits) are not in it.',
  'ev.col.customer': 'customer id',
  'ev.col.date': 'date',
  'ev.col.amount': 'amount',
  'ev.col.order': 'order id',
  'ev.col.product': 'product',
  'ev.col.category': 'category',
  'ev.col.channel': 'channel',
  'ev.col.region': 'region',
  'ev.col.margin': 'cost or margin',
  'ev.col.attributes': '{n} further attributes',
  'ev.col.attribute': 'one further attribute',
  'ev.budgetShare.over100': 'Your shares add up to {sum} %, more than 100 %.',
  'ev.dataQuality':
    'The import rejected {rejected} of {rows} rows ({share}), found {dups} exact duplicates and {returns} return lines.',
  'ev.dataQuality.dropped': 'The duplicates are excluded from the analysis.',
  'ev.dataQuality.kept': 'The duplicates are kept in the analysis.',
};

type Key = keyof typeof de;

/** Why the data cannot speak to a question. */
export const EVIDENCE_REASON_TEXT: Record<EvidenceReason, Key> = {
  noAmount: 'ev.reason.noAmount',
  noMap: 'ev.reason.noMap',
  noForecast: 'ev.reason.noForecast',
  noCustomers: 'ev.reason.noCustomers',
  historyTooShort: 'ev.reason.historyTooShort',
  noSummary: 'ev.reason.noSummary',
};

/** The mapped order columns the data-joined evidence lists. */
export const JOINED_COLUMN_TEXT: Record<JoinedColumn, Key> = {
  amount: 'ev.col.amount',
  order: 'ev.col.order',
  product: 'ev.col.product',
  category: 'ev.col.category',
  channel: 'ev.col.channel',
  region: 'ev.col.region',
  margin: 'ev.col.margin',
};
