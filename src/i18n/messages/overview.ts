/** Texts of the Overview view and the KPI names, definitions and reasons. */
import type { Texts } from '../texts';
import type { KpiId, Unavailable } from '../../analytics/kpis';

export const de = {
  'ov.title': 'Übersicht: Wie gesund ist Ihr Kundenstamm?',
  'ov.noData': 'Noch keine Daten. Importieren Sie zuerst eine Datei oder die Demodaten.',
  'ov.toImport': 'Zum Import',
  'ov.dataset': 'Datensatz',
  'ov.asOf': 'Stichtag',
  'ov.asOfHint': 'Daten nach dem Stichtag werden ignoriert.',
  'ov.filter': 'Filter',
  'ov.addFilter': 'Filter hinzufügen',
  'ov.removeFilter': 'Filter {label} entfernen',
  'ov.allValues': '– Wert wählen –',
  'ov.customers': '{n} Kunden',
  'ov.trend': 'Umsatz und aktive Kunden je Monat',
  'ov.trendRevenue': 'Nettoumsatz',
  'ov.trendActive': 'Aktive Kunden',
  'ov.trendNew': 'Neue Kunden',
  'ov.trendReturns': 'Retouren',
  'ov.month': 'Monat',
  'ov.incomplete': '(unvollständig)',
  'ov.lorenz': 'Pareto-Check: Lorenzkurve des Umsatzes',
  'ov.lorenzCurve': 'Kumulierter Umsatzanteil',
  'ov.equality': 'Gleichverteilung',
  'ov.customerShare': 'Anteil der Kunden (umsatzschwächste zuerst)',
  'ov.revenueShare': 'Anteil am Umsatz',
  'ov.pareto': 'Die umsatzstärksten 20 % der Kunden ({k} von {n}) bringen {share} des Umsatzes.',
  'ov.computed': 'Berechnet in {ms} ms',
  'kpi.aov': 'Ø Bestellwert',
  'kpi.aov.def': 'Summe der Nettowerte aller Kaufbestellungen geteilt durch ihre Anzahl.',
  'kpi.purchaseFrequency': 'Kaufhäufigkeit',
  'kpi.purchaseFrequency.def':
    'Bestellungen der letzten 365 Tage je in diesem Zeitraum aktivem Kunden (pro Jahr).',
  'kpi.repeatRate': 'Wiederkaufrate',
  'kpi.repeatRate.def': 'Anteil der Kunden mit mindestens 2 Bestellungen.',
  'kpi.churnRate': 'Abwanderung (Jahr)',
  'kpi.churnRate.def':
    'Anteil der im Vorjahr aktiven Kunden, die in den letzten 365 Tagen nicht mehr gekauft haben.',
  'kpi.retentionRate': 'Kundenbindung (Jahr)',
  'kpi.retentionRate.def': '1 − Abwanderung.',
  'kpi.lifespanYears': 'Erwartete Kundendauer',
  'kpi.lifespanYears.def': '1 / Abwanderung, in Jahren.',
  'kpi.clvSimple': 'CLV (einfache Formel)',
  'kpi.clvSimple.def':
    'Was ein Kunde im Mittel über seine Kundendauer einbringt, abzüglich der Akquisitionskosten.',
  'kpi.clvSimple.formula': 'Ø Bestellwert × Kaufhäufigkeit × Kundendauer − CAC',
  'kpi.clvHistoric': 'Historischer Kundenwert',
  'kpi.clvHistoric.def': 'Ø Nettoumsatz je Kunde bis zum Stichtag.',
  'kpi.nrr': 'Netto-Umsatzbindung (NRR)',
  'kpi.nrr.def':
    'Umsatz der Vorjahreskunden in den letzten 365 Tagen geteilt durch ihren Umsatz im Vorjahr (kann über 100 % liegen).',
  'kpi.grr': 'Brutto-Umsatzbindung (GRR)',
  'kpi.grr.def': 'Wie die Netto-Umsatzbindung, aber je Kunde höchstens sein Vorjahresumsatz.',
  'kpi.top20Share': 'Umsatzanteil Top 20 %',
  'kpi.top20Share.def': 'Welcher Anteil des Umsatzes auf das umsatzstärkste Fünftel der Kunden entfällt.',
  'kpi.top20Share.formula':
    'Umsatz der umsatzstärksten ⌈0,2 × N⌉ Kunden (aufgerundet, N = Zahl der Kunden) geteilt durch den Umsatz aller Kunden.',
  'kpi.gini': 'Gini-Koeffizient',
  'kpi.gini.def': 'Konzentration des Umsatzes: 0 = alle gleich, 1 = ein Kunde hat alles.',
  'kpi.reason.noAmount': 'Ohne Betragsspalte nicht berechenbar.',
  'kpi.reason.noMargin':
    'Keine Marge hinterlegt: in den Einstellungen eine Rohertragsquote eintragen oder eine Kosten-/Margenspalte zuordnen.',
  'kpi.reason.historyTooShort': 'Braucht mindestens 730 Tage Daten.',
  'kpi.reason.noCustomers': 'Keine Kunden im Zeitraum.',
  'kpi.reason.noChurn': 'Keine Abwanderung beobachtet: nicht bestimmbar.',
  'kpi.reason.noBaseRevenue': 'Kein Umsatz im Vorjahr.',
  'kpi.perYear': '{n} pro Jahr',
  'kpi.years': '{n} Jahre',
};

export const en: Texts<typeof de> = {
  'ov.title': 'Overview: how healthy is your customer base?',
  'ov.noData': 'No data yet. Import a file or the demo data first.',
  'ov.toImport': 'Go to import',
  'ov.dataset': 'Dataset',
  'ov.asOf': 'As-of date',
  'ov.asOfHint': 'Data after the as-of date is ignored.',
  'ov.filter': 'Filter',
  'ov.addFilter': 'Add filter',
  'ov.removeFilter': 'Remove filter {label}',
  'ov.allValues': '– choose a value –',
  'ov.customers': '{n} customers',
  'ov.trend': 'Revenue and active customers per month',
  'ov.trendRevenue': 'Net revenue',
  'ov.trendActive': 'Active customers',
  'ov.trendNew': 'New customers',
  'ov.trendReturns': 'Returns',
  'ov.month': 'Month',
  'ov.incomplete': '(incomplete)',
  'ov.lorenz': 'Pareto check: Lorenz curve of revenue',
  'ov.lorenzCurve': 'Cumulative share of revenue',
  'ov.equality': 'Equal distribution',
  'ov.customerShare': 'Share of customers (smallest first)',
  'ov.revenueShare': 'Share of revenue',
  'ov.pareto': 'The top 20 % of customers by revenue ({k} of {n}) bring {share} of the revenue.',
  'ov.computed': 'Computed in {ms} ms',
  'kpi.aov': 'Average order value',
  'kpi.aov.def': 'Sum of the net values of all purchase orders divided by their number.',
  'kpi.purchaseFrequency': 'Purchase frequency',
  'kpi.purchaseFrequency.def': 'Orders in the last 365 days per customer active in that period (per year).',
  'kpi.repeatRate': 'Repeat rate',
  'kpi.repeatRate.def': 'Share of customers with at least 2 orders.',
  'kpi.churnRate': 'Churn (year)',
  'kpi.churnRate.def':
    'Share of the customers active in the year before who bought nothing in the last 365 days.',
  'kpi.retentionRate': 'Retention (year)',
  'kpi.retentionRate.def': '1 − churn.',
  'kpi.lifespanYears': 'Expected lifespan',
  'kpi.lifespanYears.def': '1 / churn, in years.',
  'kpi.clvSimple': 'CLV (simple formula)',
  'kpi.clvSimple.def':
    'What a customer brings in on average over their lifetime, minus the acquisition cost.',
  'kpi.clvSimple.formula': 'AOV × purchase frequency × lifespan − CAC',
  'kpi.clvHistoric': 'Historic customer value',
  'kpi.clvHistoric.def': 'Mean net revenue per customer up to the as-of date.',
  'kpi.nrr': 'Net revenue retention',
  'kpi.nrr.def':
    'Revenue of last year’s customers in the last 365 days divided by their revenue the year before (can exceed 100 %).',
  'kpi.grr': 'Gross revenue retention',
  'kpi.grr.def': 'Like NRR, but each customer capped at their revenue of the year before.',
  'kpi.top20Share': 'Revenue share of the top 20 %',
  'kpi.top20Share.def': 'The share of revenue that comes from the top fifth of customers by revenue.',
  'kpi.top20Share.formula':
    'Revenue of the top ⌈0.2 × N⌉ customers by revenue (rounded up, N = number of customers) divided by the revenue of all customers.',
  'kpi.gini': 'Gini coefficient',
  'kpi.gini.def': 'Concentration of revenue: 0 = all equal, 1 = one customer has everything.',
  'kpi.reason.noAmount': 'Needs an amount column.',
  'kpi.reason.noMargin':
    'No margin set: enter a gross-margin rate in Settings or map a cost or margin column.',
  'kpi.reason.historyTooShort': 'Needs at least 730 days of data.',
  'kpi.reason.noCustomers': 'No customers in the period.',
  'kpi.reason.noChurn': 'No churn observed: cannot be determined.',
  'kpi.reason.noBaseRevenue': 'No revenue in the year before.',
  'kpi.perYear': '{n} per year',
  'kpi.years': '{n} years',
};

type Key = keyof typeof de;

/** The KPIs the views show, with their name and definition. */
export const KPI_TEXT = {
  clvHistoric: { label: 'kpi.clvHistoric', def: 'kpi.clvHistoric.def' },
  aov: { label: 'kpi.aov', def: 'kpi.aov.def' },
  purchaseFrequency: { label: 'kpi.purchaseFrequency', def: 'kpi.purchaseFrequency.def' },
  repeatRate: { label: 'kpi.repeatRate', def: 'kpi.repeatRate.def' },
  churnRate: { label: 'kpi.churnRate', def: 'kpi.churnRate.def' },
  retentionRate: { label: 'kpi.retentionRate', def: 'kpi.retentionRate.def' },
  lifespanYears: { label: 'kpi.lifespanYears', def: 'kpi.lifespanYears.def' },
  clvSimple: { label: 'kpi.clvSimple', def: 'kpi.clvSimple.def' },
  nrr: { label: 'kpi.nrr', def: 'kpi.nrr.def' },
  grr: { label: 'kpi.grr', def: 'kpi.grr.def' },
  top20Share: { label: 'kpi.top20Share', def: 'kpi.top20Share.def' },
  gini: { label: 'kpi.gini', def: 'kpi.gini.def' },
} as const satisfies Partial<Record<KpiId, { label: Key; def: Key }>>;

/** A KPI that has a name and a definition in the dictionaries. */
export type ShownKpi = keyof typeof KPI_TEXT;

/** The formula behind a KPI whose definition is written in plain words (shown one click away). */
export const KPI_FORMULA: Partial<Record<ShownKpi, Key>> = {
  top20Share: 'kpi.top20Share.formula',
  clvSimple: 'kpi.clvSimple.formula',
};

/** Why a KPI cannot be computed. */
export const KPI_REASON: Record<Unavailable, Key> = {
  noAmount: 'kpi.reason.noAmount',
  noMargin: 'kpi.reason.noMargin',
  historyTooShort: 'kpi.reason.historyTooShort',
  noCustomers: 'kpi.reason.noCustomers',
  noChurn: 'kpi.reason.noChurn',
  noBaseRevenue: 'kpi.reason.noBaseRevenue',
};
