/** Texts of the client report: its setup and the parts of the printed report (cover, appendix). */
import type { Texts } from '../texts';

export const de = {
  'rp.title': 'Kundenbericht',
  'rp.intro':
    'Stellen Sie einen Bericht für Ihren Kunden zusammen und drucken Sie ihn als PDF (A4). Logo und Angaben bleiben in diesem Browser und werden nirgends hochgeladen.',
  'rp.setup': 'Bericht einrichten',
  'rp.sections': 'Abschnitte',
  'rp.client': 'Kunde (Firma)',
  'rp.author': 'Erstellt von',
  'rp.logo': 'Logo (Bilddatei)',
  'rp.logoRemove': 'Logo entfernen',
  'rp.logoBad': 'Diese Datei ist kein Bild (PNG, JPEG, SVG oder WebP).',
  'rp.logoTooLarge': 'Das Logo ist zu groß ({size}); höchstens {max}.',
  'rp.language': 'Sprache des Berichts',
  'rp.asOfNote': 'Stichtag und Filter sind die der Analyse oben.',
  'rp.print': 'Drucken / PDF',
  'rp.noData': 'Noch keine Daten. Importieren Sie zuerst eine Datei oder die Demodaten.',
  'rp.noSections': 'Wählen Sie mindestens einen Abschnitt.',
  'rp.preview': 'Vorschau',
  'rp.loading': 'Wird berechnet …',
  'rp.cover': 'Kundenwert-Bericht',
  'rp.preparedFor': 'Erstellt für',
  'rp.preparedBy': 'Erstellt von',
  'rp.asOf': 'Stichtag',
  'rp.dataset': 'Datensatz',
  'rp.filters': 'Filter',
  'rp.contents': 'Inhalt',
  'rp.appendix': 'Definitionen',
  'rp.appendixIntro': 'Die Definitionen aller Kennzahlen, die dieser Bericht zeigt.',
  'rp.figure': 'Kennzahl',
  'rp.value': 'Wert',
  'rp.chartNumbers': 'Zahlen der Grafik',
  'rp.unavailable': 'nicht verfügbar',
  'rp.segmentsBy': 'Kennzahlen je Wert von „{attribute}“',
  'rp.noAttribute': 'Der Datensatz hat kein Merkmal, nach dem sich Segmente bilden lassen.',
  'rp.forecastSettings':
    'Modell {model}, Zeiteinheit {unit}, {validation}, Marge {m} %, Abzinsung {d} % pro Monat.',
  'rp.fcNoValidation': 'ohne Validierung',
  'rp.fcProposed': 'Vorschlag',
  'rp.fcRange': 'Spanne {level} %',
  'rp.fcIntervals': 'Spannen der Prognose',
  'rp.fcIntervalsDef':
    'Mit 80 % bzw. 95 % Wahrscheinlichkeit liegt der Wert in der Spanne. Sie folgt aus der Unsicherheit der geschätzten Parameter (200 Ziehungen aus ihrer Normalverteilung auf der Log-Skala, Kovarianz aus der Hesse-Matrix) und, bei Summen, aus dem Zufall der Käufe selbst. Ohne bestimmbare Unsicherheit (Hesse-Matrix nicht positiv definit) gibt es keine Spannen, und der Bericht sagt es.',
  'rp.fcIntervalsFormula':
    'Spanne 80 % = 10. bis 90. Perzentil über die Ziehungen, Spanne 95 % = 2,5. bis 97,5. Perzentil.',
  'rp.fcValidation': 'Validierung ab {end}',
  'rp.fcScorecard': 'Welches Modell trifft am besten?',
  'rp.fcScorecardDef':
    'Die drei Modelle und die naive Fortschreibung (jeder Kunde kauft im bisherigen Takt weiter) werden an die Daten bis zum Kalibrierungsende angepasst und sagen die Käufe bis zum Stichtag voraus. Verglichen werden die vorhergesagte Summe mit der tatsächlichen (Gesamtfehler), der mittlere absolute Fehler je Kunde und die Korrelation je Kunde; die Log-Likelihood der Kalibrierung gibt es nur für Modelle. Vorgeschlagen wird unter den Kandidaten, deren Fehler je Kunde höchstens 5 % über dem kleinsten liegt, der mit dem kleinsten Gesamtfehler.',
  'rp.fcScorecardFormula':
    'Naiv: (x + 1) / T Käufe je Zeiteinheit seit dem ersten Kauf × Länge des Holdouts. Gesamtfehler = (Σ vorhergesagt − Σ tatsächlich) / Σ tatsächlich. Fehler je Kunde = Mittel von |vorhergesagt − tatsächlich|.',
  'rp.fcInUse': 'Die Prognose oben verwendet {model}.',
  'rp.fcHoldout': 'Summe im Holdout mit {model}: {line}.',
  'rp.fcHoldoutNone': 'Summe im Holdout mit {model}:',
  'rp.fcCustomersDef':
    'Kunden mit mindestens einem Kauf bis zum Stichtag; für jeden rechnet das Modell eine Prognose.',
  'rp.fcClvTotalDef':
    'Summe des prognostizierten CLV aller Kunden in den nächsten {n} Monaten: erwarteter Umsatz × Marge, je Monat auf heute abgezinst. Marge und Zinssatz stehen über der Tabelle.',
  'rp.fcMeanPAliveDef':
    'Mittlere Wahrscheinlichkeit nach dem Modell, dass ein Kunde des Segments am Stichtag noch aktiv ist, P(alive).',
  'rp.fcScPredictedTerm': 'Vorhergesagte Käufe im Prüfzeitraum',
  'rp.fcScPredictedDef':
    'Käufe, die ein Modell (angepasst bis zum Kalibrierungsende) für die Zeit danach bis zum Stichtag vorhersagt, alle Kunden zusammen.',
  'rp.fcScErrorDef': 'Abstand der vorhergesagten Summe von der tatsächlichen, in % der tatsächlichen.',
  'rp.fcScMaeDef':
    'Mittlere absolute Abweichung zwischen vorhergesagten und tatsächlichen Käufen je Kunde im Prüfzeitraum; kleiner ist besser.',
  'rp.fcScCorrelationDef':
    'Korrelation (Pearson) zwischen vorhergesagten und tatsächlichen Käufen je Kunde im Prüfzeitraum; näher an 1 ist besser.',
  'rp.fcScLogLikTerm': 'Log-Likelihood (Kalibrierung)',
  'rp.fcScLogLikDef':
    'Wie wahrscheinlich die Daten bis zum Kalibrierungsende unter dem angepassten Modell sind, über alle Kunden summiert; näher an 0 ist besser. Die naive Fortschreibung hat keine.',
  'rp.lists': 'Aktionslisten',
  'rp.listCustomers': 'Kunden',
  'rp.listValue': 'Wert',
  'rp.list': 'Liste',
  'rp.cohortFirst': 'Retention der Kohorten (Anteil aktiver Kunden je Monat nach dem Erstkauf)',
  'rp.monthN': 'M{n}',
  'rp.customersCol': 'Kunden',
  'rp.scScoreDef':
    'Je Ebene: Ja zählt 1, teilweise 0,5, nein und „weiß nicht“ 0; der Mittelwert über die beantworteten Fragen der Ebene, mal 100.',
  'rp.vsEmpty': 'In diesem Arbeitsbereich gibt es noch keine Wertstromkarte.',
  'rp.vsLeadTimeDef': 'Summe über die Schritte: Wartezeit in Tagen plus Bearbeitungszeit in Stunden / 24.',
  'rp.vsHandoffsDef':
    'Übergaben an eine andere Person oder ein anderes Team in den ersten 90 Tagen ab der ersten Bestellung.',
  'rp.cuRevenueShareDef':
    'Umsatz der Kunden des Segments bis zum Stichtag, geteilt durch den Umsatz aller Kunden bis zum Stichtag.',
  'rp.cuRecencyDef': 'Tage vom letzten Kauf bis zum Stichtag, gemittelt über die Kunden des Segments.',
  'rp.customersColDef':
    'Anzahl der Kunden dieser Zeile: Kundennummern mit mindestens einem Kauf bis zum Stichtag, nach den Filtern.',
  'rp.trendRevenueDef':
    'Je Kalendermonat die Summe der Beträge aller Positionen des Monats, Retouren abgezogen. Ein Monat, der am Stichtag noch nicht zu Ende ist, ist mit * markiert (unvollständig).',
  'rp.trendActiveDef':
    'Kunden mit mindestens einem Kauf im Monat (ein Kauftag, der netto keine Retoure ist).',
  'rp.trendNewDef': 'Kunden, deren erster Kauf in den Monat fällt.',
  'rp.cuMeanOrdersDef':
    'Bestellungen je Kunde des Segments bis zum Stichtag, gemittelt über die Kunden des Segments.',
  'rp.cuMeanRevenueDef':
    'Nettoumsatz je Kunde des Segments bis zum Stichtag, gemittelt über die Kunden des Segments.',
  'rp.coSizeTerm': 'Kunden einer Kohorte',
  'rp.listCustomersTerm': 'Kunden einer Aktionsliste',
  'rp.listValueTerm': 'Wert einer Aktionsliste',
  'rp.coSizeDef': 'Kunden der Kohorte: alle Kunden, deren erster Kauf in den Monat der Kohorte fällt.',
  'rp.ecNewCustomersDef':
    'Kunden des Kanals, deren erster Kauf in die letzten 365 Tage bis zum Stichtag fällt (Kanal aus den Stammdaten oder der Kanalspalte der Bestellungen).',
  'rp.ecSpendDef':
    'Ausgaben für Kundengewinnung des Kanals in den letzten 365 Tagen bis zum Stichtag, aus der Ausgabendatei (ein Monat zählt anteilig nach seinen Tagen im Zeitraum).',
  'rp.ecBlendedDef':
    'Alle Kanäle zusammen: neue Kunden und Ausgaben summiert; gemischter CAC = alle Ausgaben / alle neuen Kunden.',
  'rp.ecUnprofitableDef': 'Anzahl der Kunden, deren Deckungsbeitrag (wie oben) unter 0 liegt.',
  'rp.listCustomersDef': 'Anzahl der Kunden auf der Liste am Stichtag.',
  'rp.listValueDef':
    'Summe über die Kunden der Liste: bei der Reaktivierung der Wert im Spiel, bei den fälligen Kunden der erwartete Wert, beim Upsell der entgangene Bestellwert.',
  'rp.scAnsweredDef': 'Beantwortete Fragen der Ebene von allen Fragen der Ebene.',
  'rp.vsProcessHoursDef': 'Bearbeitungszeit des Schritts in Stunden, wie in der Wertstromkarte eingetragen.',
  'rp.vsWaitDaysDef': 'Wartezeit vor dem Schritt in Tagen, wie in der Wertstromkarte eingetragen.',
  'rp.days': '{n} Tage',
  'rp.error': 'Dieser Abschnitt konnte nicht berechnet werden: {message}',
} as const;

export const en: Texts<typeof de> = {
  'rp.title': 'Client report',
  'rp.intro':
    'Put together a report for your client and print it to PDF (A4). The logo and details stay in this browser and are never uploaded.',
  'rp.setup': 'Set up the report',
  'rp.sections': 'Sections',
  'rp.client': 'Client (company)',
  'rp.author': 'Prepared by',
  'rp.logo': 'Logo (image file)',
  'rp.logoRemove': 'Remove logo',
  'rp.logoBad': 'This file is not an image (PNG, JPEG, SVG or WebP).',
  'rp.logoTooLarge': 'The logo is too large ({size}); at most {max}.',
  'rp.language': 'Language of the report',
  'rp.asOfNote': 'The as-of date and filters are those of the analysis above.',
  'rp.print': 'Print / PDF',
  'rp.noData': 'No data yet. Import a file or the demo data first.',
  'rp.noSections': 'Choose at least one section.',
  'rp.preview': 'Preview',
  'rp.loading': 'Computing …',
  'rp.cover': 'Customer value report',
  'rp.preparedFor': 'Prepared for',
  'rp.preparedBy': 'Prepared by',
  'rp.asOf': 'As of',
  'rp.dataset': 'Dataset',
  'rp.filters': 'Filters',
  'rp.contents': 'Contents',
  'rp.appendix': 'Definitions',
  'rp.appendixIntro': 'The definitions of every figure this report shows.',
  'rp.figure': 'Figure',
  'rp.value': 'Value',
  'rp.chartNumbers': 'Numbers of the chart',
  'rp.unavailable': 'not available',
  'rp.segmentsBy': 'Figures per value of “{attribute}”',
  'rp.noAttribute': 'The dataset has no attribute to form segments by.',
  'rp.forecastSettings':
    'Model {model}, time unit {unit}, {validation}, margin {m} %, discount {d} % per month.',
  'rp.fcNoValidation': 'no validation',
  'rp.fcProposed': 'proposed',
  'rp.fcRange': '{level} % range',
  'rp.fcIntervals': 'Forecast ranges',
  'rp.fcIntervalsDef':
    'The value lies within the range with 80 % or 95 % probability. The range comes from the uncertainty of the fitted parameters (200 draws from their normal distribution on the log scale, covariance from the Hessian) and, for totals, from the chance in the purchases themselves. Where the uncertainty cannot be determined (Hessian not positive definite) there are no ranges, and the report says so.',
  'rp.fcIntervalsFormula':
    '80 % range = 10th to 90th percentile over the draws, 95 % range = 2.5th to 97.5th percentile.',
  'rp.fcValidation': 'validation from {end}',
  'rp.fcScorecard': 'Which model predicts best?',
  'rp.fcScorecardDef':
    'The three models and the naive baseline (each customer keeps buying at their past pace) are fitted on the data up to the calibration end and predict the purchases up to the as-of date. Compared are the predicted total against the actual one (total error), the mean absolute error per customer and the correlation per customer; the calibration log-likelihood exists for models only. Proposed is, of the candidates whose error per customer is at most 5 % above the lowest, the one with the smallest total error.',
  'rp.fcScorecardFormula':
    'Naive: (x + 1) / T purchases per time unit since the first purchase × the holdout length. Total error = (Σ predicted − Σ actual) / Σ actual. Error per customer = mean of |predicted − actual|.',
  'rp.fcInUse': 'The forecast above uses {model}.',
  'rp.fcHoldout': 'Holdout total with {model}: {line}.',
  'rp.fcHoldoutNone': 'Holdout total with {model}:',
  'rp.fcCustomersDef':
    'Customers with at least one purchase up to the as-of date; the model forecasts each of them.',
  'rp.fcClvTotalDef':
    'Sum of the predicted CLV of all customers over the next {n} months: expected revenue × margin, discounted to today month by month. Margin and discount rate are stated above the table.',
  'rp.fcMeanPAliveDef':
    'Mean probability, by the model, that a customer of the segment is still active at the as-of date, P(alive).',
  'rp.fcScPredictedTerm': 'Predicted purchases in the holdout',
  'rp.fcScPredictedDef':
    'Purchases that a model (fitted up to the calibration end) predicts for the time after it up to the as-of date, all customers together.',
  'rp.fcScErrorDef': 'Distance of the predicted total from the actual one, in % of the actual one.',
  'rp.fcScMaeDef':
    'Mean absolute difference between predicted and actual purchases per customer in the holdout; smaller is better.',
  'rp.fcScCorrelationDef':
    'Correlation (Pearson) between predicted and actual purchases per customer in the holdout; closer to 1 is better.',
  'rp.fcScLogLikTerm': 'Log-likelihood (calibration)',
  'rp.fcScLogLikDef':
    'How likely the data up to the calibration end are under the fitted model, summed over all customers; closer to 0 is better. The naive baseline has none.',
  'rp.lists': 'Action lists',
  'rp.listCustomers': 'Customers',
  'rp.listValue': 'Value',
  'rp.list': 'List',
  'rp.cohortFirst': 'Cohort retention (share of customers active per month after their first purchase)',
  'rp.monthN': 'M{n}',
  'rp.customersCol': 'Customers',
  'rp.scScoreDef':
    'Per level: yes counts 1, partly 0.5, no and “don’t know” 0; the mean over the answered questions of the level, times 100.',
  'rp.vsEmpty': 'This workspace has no value stream map yet.',
  'rp.vsLeadTimeDef': 'Sum over the steps: waiting time in days plus process time in hours / 24.',
  'rp.vsHandoffsDef': 'Handoffs to another person or team in the first 90 days from the first order on.',
  'rp.cuRevenueShareDef':
    'Revenue of the segment’s customers up to the as-of date, divided by the revenue of all customers up to that date.',
  'rp.cuRecencyDef': 'Days from the last purchase to the as-of date, averaged over the segment’s customers.',
  'rp.customersColDef':
    'Number of customers in this row: customer numbers with at least one purchase up to the as-of date, after the filters.',
  'rp.trendRevenueDef':
    'Per calendar month the sum of the amounts of all lines of the month, returns deducted. A month not yet over on the as-of date is marked * (incomplete).',
  'rp.trendActiveDef':
    'Customers with at least one purchase in the month (a purchase day that is not a net return).',
  'rp.trendNewDef': 'Customers whose first purchase falls into the month.',
  'rp.cuMeanOrdersDef':
    'Orders per customer of the segment up to the as-of date, averaged over the segment’s customers.',
  'rp.cuMeanRevenueDef':
    'Net revenue per customer of the segment up to the as-of date, averaged over the segment’s customers.',
  'rp.coSizeTerm': 'Customers of a cohort',
  'rp.listCustomersTerm': 'Customers on an action list',
  'rp.listValueTerm': 'Value of an action list',
  'rp.coSizeDef':
    'Customers of the cohort: all customers whose first purchase falls into the cohort’s month.',
  'rp.ecNewCustomersDef':
    'Customers of the channel whose first purchase falls into the last 365 days up to the as-of date (channel from the master data or the orders’ channel column).',
  'rp.ecSpendDef':
    'Acquisition spend of the channel in the last 365 days up to the as-of date, from the spend file (a month counts by its share of days in the period).',
  'rp.ecBlendedDef':
    'All channels together: new customers and spend summed; blended CAC = all spend / all new customers.',
  'rp.ecUnprofitableDef': 'Number of customers whose contribution margin (as above) is below 0.',
  'rp.listCustomersDef': 'Number of customers on the list on the as-of date.',
  'rp.listValueDef':
    'Sum over the list’s customers: for reactivation the value at stake, for customers due the expected value, for upsell the order value missed.',
  'rp.scAnsweredDef': 'Answered questions of the level out of all questions of the level.',
  'rp.vsProcessHoursDef': 'Process time of the step in hours, as entered in the value stream map.',
  'rp.vsWaitDaysDef': 'Waiting time before the step in days, as entered in the value stream map.',
  'rp.days': '{n} days',
  'rp.error': 'This section could not be computed: {message}',
};
