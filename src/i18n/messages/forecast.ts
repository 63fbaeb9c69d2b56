/** Texts of the Forecast view: settings, models, stages, fit failures, diagnostics. */
import type { ModelName } from '../../analytics/btyd/model';
import type { Failure, FitReport, ForecastWarning } from '../../analytics/forecast';
import type { ProposalReason, ScorecardCandidate } from '../../analytics/btyd/scorecard';
import type { IntervalFailureCode } from '../../shared/intervals';
import type { Texts } from '../texts';

export const de = {
  'fc.title': 'Prognose: Was werden die Kunden wert sein?',
  'fc.modelChoice': 'Modell',
  'fc.model.bgnbd': 'BG/NBD',
  'fc.model.paretonbd': 'Pareto/NBD',
  'fc.model.mbgnbd': 'MBG/NBD',
  'fc.model.gammagamma': 'Gamma-Gamma (Ausgaben)',
  'fc.modelHint.bgnbd': 'Abwanderung nur nach einem Wiederkauf: Kunden ohne Wiederkauf gelten als aktiv.',
  'fc.modelHint.paretonbd': 'Abwanderung jederzeit, unabhängig von den Käufen.',
  'fc.modelHint.mbgnbd':
    'Wie BG/NBD, aber Abwanderung auch nach dem ersten Kauf: auch Einmalkäufer können weg sein.',
  'fc.unit': 'Zeiteinheit',
  'fc.unit.day': 'Tage',
  'fc.unit.week': 'Wochen',
  'fc.calibrationEnd': 'Ende der Kalibrierung',
  'fc.calibrationEndHint':
    'Die Validierung passt das Modell an die Daten bis zu diesem Datum an und sagt die Käufe danach voraus. Leer: keine Validierung.',
  'fc.horizon': 'Horizont',
  'fc.months': '{n} Monate',
  'fc.discount': 'Abzinsung % pro Monat',
  'fc.margin': 'Rohertragsmarge %',
  'fc.marginHint': '100 % ergibt den CLV auf Umsatz; mit Ihrer Marge ergibt sich der CLV auf Rohertrag.',
  'fc.stage.load': 'Daten werden gelesen …',
  'fc.stage.fit': 'Modelle werden angepasst …',
  'fc.noAmount':
    'Dieser Datensatz hat keine Beträge. Die Prognose umfasst deshalb nur Käufe: P(aktiv) und erwartete Käufe, aber kein Ausgabenmodell und keinen CLV in Geld.',
  'fc.failed': 'Keine Prognose möglich.',
  'fc.fail.tooFewCustomers': 'Zu wenige Kunden ({customers}; nötig sind mindestens {minimum}).',
  'fc.fail.noRepeatCustomers':
    'Kein Kunde hat ein zweites Mal gekauft, die Daten sagen also nichts über Wiederkäufe.',
  'fc.fail.noTimeSpan':
    'Alle Kunden haben nur an einem einzigen Tag gekauft; die Modelle brauchen Käufe über einen Zeitraum.',
  'fc.fail.dropoutToZero':
    'Die Daten zeigen keine Abwanderung (der Abwanderungsparameter ging gegen 0), daher kann das Modell aktive und verlorene Kunden nicht trennen.',
  'fc.fail.notConverged':
    'Die Anpassung ist nicht konvergiert (das Modell hat keine stabile Lösung gefunden); die Daten passen womöglich nicht zum Modell.',
  'fc.fail.spendNoAmounts': 'Kein Ausgabenmodell, weil der Datensatz keine Beträge hat.',
  'fc.fail.spendTooFewRepeat':
    'Kein Ausgabenmodell, weil zu wenige Wiederkäufer einen positiven Umsatz haben ({customers}; nötig sind {minimum}).',
  'fc.fail.spendNotConverged':
    'Kein Ausgabenmodell, weil die Gamma-Gamma-Anpassung keine stabile Lösung gefunden hat.',
  'fc.fail.spendNoFiniteMean':
    'Kein Ausgabenmodell, weil das geschätzte q ({q}) nicht über 1 liegt; der erwartete Umsatz wäre unendlich.',
  'fc.fail.tryBgnbd':
    'Versuchen Sie das Modell BG/NBD (es kommt mit solchen Daten meist besser zurecht) oder die Zeiteinheit Tage.',
  'fc.fail.tryDays': 'Versuchen Sie die Zeiteinheit Tage.',
  'fc.customers': 'Kunden in der Prognose',
  'fc.repeatCustomers': 'davon {n} mit mehr als einem Kauf',
  'fc.expectedTotal': 'Erwartete Käufe, nächste {n} Monate',
  'fc.expectedTotalDef':
    'So oft werden die heutigen Kunden im Prognosezeitraum voraussichtlich kaufen, zusammengezählt ab dem Stichtag.',
  'fc.expectedTotalFormula':
    'Σ über die Kunden von E[X(t) | x, tₓ, T]: erwartete Käufe in t Zeiteinheiten bei x Wiederkäufen, letztem Kauf tₓ und Beobachtungsdauer T.',
  'fc.clvTotal': 'Prognostizierter CLV, nächste {n} Monate',
  'fc.clvDef':
    'Was die Kunden in diesem Zeitraum voraussichtlich an Rohertrag einbringen, auf heute abgezinst mit {d} % pro Monat; Marge {m} %.',
  'fc.clvFormula': 'Σ Marge × erwarteter Umsatz je Kauf × erwartete Käufe je Monat, abgezinst je Monat',
  'fc.noClv': 'Braucht Beträge und ein Ausgabenmodell.',
  'fc.meanClv': 'Mittlerer prognostizierter CLV, {n} Monate',
  'fc.meanClvDef': 'Prognostizierter CLV je Kunde in der Prognose.',
  'fc.diagnostics': 'Diagnose der Anpassung',
  'fc.diagnosticsHint':
    'Wie gut das Modell zu Ihren Daten passt: die geschätzten Parameter mit ihrer Unsicherheit (Standardfehler) und die Güte der Anpassung. Zeiteinheit {unit}.',
  'fc.diagnosticsFormula':
    'Maximum-Likelihood über Log-Parameter; Standardfehler aus der numerischen Hesse-Matrix; Log-Likelihood über alle Kunden summiert.',
  'fc.fit': 'Anpassung',
  'fc.parameter': 'Parameter',
  'fc.estimate': 'Schätzwert',
  'fc.stdError': 'Std.-Fehler',
  'fc.fitValidation': 'Validierung (bis Kalibrierungsende)',
  'fc.fitForecast': 'Prognose (bis Stichtag)',
  'fc.fitSpend': 'Ausgaben (bis Stichtag)',
  'fc.logLik': 'Log-Likelihood',
  'fc.converged': 'konvergiert',
  'fc.notConverged': 'nicht konvergiert',
  'fc.iterations': '{n} Iterationen, {e} Likelihood-Auswertungen',
  'fc.fitCustomers': '{n} Kunden',
  'fc.correlation': 'Korrelation von Umsatz je Kauf und Kaufhäufigkeit: {c}.',
  'fc.correlationWarning':
    'Betrag über 0,3: Das Gamma-Gamma-Modell setzt Unabhängigkeit voraus, den CLV also mit Vorsicht lesen.',
  'fc.correlationOk': 'Klein genug für die Unabhängigkeitsannahme des Gamma-Gamma-Modells.',
  'fc.validation': 'Validierung am Holdout',
  'fc.noValidation':
    'Legen Sie ein Kalibrierungsende vor dem Stichtag fest, um die Vorhersage mit dem tatsächlichen Verlauf zu vergleichen.',
  'fc.validationHint': 'Angepasst an die Daten bis {end}, vorhergesagt für die folgenden {n} {unit}.',
  'fc.actualTotal': 'Tatsächliche Käufe im Holdout',
  'fc.predictedTotal': 'Vorhergesagte Käufe',
  'fc.error': 'Gesamtfehler',
  'fc.mae': 'Mittlerer absoluter Fehler je Kunde',
  'fc.correlationHoldout': 'Korrelation je Kunde',
  'fc.byFrequency': 'Mittlere Holdout-Käufe nach Kaufhäufigkeit in der Kalibrierung',
  'fc.frequency': 'Wiederkäufe in der Kalibrierung',
  'fc.axis.meanHoldout': 'Käufe je Kunde im Holdout (Mittel)',
  'fc.axis.cumulative': 'Wiederkäufe (kumuliert, Anzahl)',
  'fc.actual': 'Tatsächlich',
  'fc.predicted': 'Vorhergesagt',
  'fc.tracking': 'Kumulierte Wiederkäufe: Verlauf',
  'fc.periodEnd': 'Woche bis',
  'fc.pAliveDistribution': 'Verteilung von P(aktiv)',
  'fc.pAlive': 'P(aktiv)',
  'fc.clvDistribution': 'Verteilung des prognostizierten CLV ({n} Monate)',
  'fc.from': 'Von',
  'fc.to': 'Bis',
  'fc.top': 'Top-Kunden nach prognostiziertem CLV ({n} Monate)',
  'fc.expected': 'Erwartete Käufe',
  'fc.clv': 'Prognost. CLV',
  'fc.toCustomers': 'Die Kundentabelle zeigt diese Spalten für jeden Kunden.',
  'fc.groups': 'Prognose nach Gruppe',
  'fc.groupBy': 'Gruppieren nach',
  'fc.bySegment': 'RFM-Segment',
  'fc.meanPAlive': 'Mittlere P(aktiv)',
  'fc.meanExpected': 'Mittl. erwartete Käufe ({n} M.)',
  'fc.meanClvShort': 'Mittl. CLV ({n} M.)',
  'fc.bgnbdNoRepeatAlive':
    'BG/NBD hält Kunden ohne Wiederkauf für aktiv (P(aktiv) = 100 %), eine bekannte Eigenschaft des Modells; bei Pareto/NBD und MBG/NBD können auch sie abwandern.',
  'fc.fitValidationSpend': 'Ausgaben (bis Kalibrierungsende)',
  'fc.warn.weakDropout':
    'Vorsicht: Die Daten zeigen kaum Abwanderung. Der Abwanderungsparameter ist schlecht bestimmt (sein Standardfehler übersteigt den Schätzwert), P(aktiv) und CLV sind daher vermutlich zu hoch. Mehr Historie oder ein späteres Kalibrierungsende helfen.',
  'fc.sc.title': 'Welches Modell trifft am besten? Vergleich am Holdout',
  'fc.sc.hint':
    'Alle drei Modelle und die naive Fortschreibung, angepasst an die Daten bis {end} und verglichen mit den {actual} tatsächlichen Käufen der folgenden {n} {unit}. Kleinere Fehler und eine höhere Korrelation sind besser.',
  'fc.sc.yourChoice': 'Welches Modell die Prognose verwendet, entscheiden Sie.',
  'fc.sc.formula':
    'Naive Fortschreibung: Jeder Kunde kauft im bisherigen Takt weiter, (x + 1) / T Käufe je Zeiteinheit seit dem ersten Kauf, über den Holdout fortgeschrieben. Gesamtfehler = (vorhergesagt − tatsächlich) / tatsächlich. Fehler je Kunde = Mittel von |vorhergesagt − tatsächlich| (MAE). Korrelation nach Pearson. Vorschlag: Unter den Kandidaten, deren Fehler je Kunde höchstens 5 % über dem kleinsten liegt, der mit dem kleinsten Gesamtfehler. Log-Likelihood der Kalibrierung: höher ist besser, nur für Modelle.',
  'fc.sc.candidate': 'Modell',
  'fc.sc.naive': 'Naive Fortschreibung',
  'fc.sc.predicted': 'Vorhergesagt',
  'fc.sc.error': 'Gesamtfehler',
  'fc.sc.mae': 'Fehler je Kunde',
  'fc.sc.correlation': 'Korrelation',
  'fc.sc.logLik': 'Log-Likelihood',
  'fc.sc.actualRow': 'Tatsächliche Käufe',
  'fc.sc.noLikelihood': '— keine (kein Modell)',
  'fc.sc.noActual': '— keine Käufe im Holdout',
  'fc.sc.constant': '— Vorhersage konstant',
  'fc.sc.fitFailed': 'Keine Zahlen: {reason}',
  'fc.sc.proposed': 'Vorschlag',
  'fc.sc.inUse': 'In Verwendung',
  'fc.sc.use': 'Dieses Modell verwenden',
  'fc.sc.useLabel': 'Dieses Modell verwenden: {model}',
  'fc.sc.proposal.lowestMae':
    'Vorschlag: {model}. Es hat den kleinsten Fehler je Kunde ({mae}), mehr als 5 % unter dem nächstbesten Kandidaten {runner} ({rmae}); seine Summe der Holdout-Käufe weicht um {err} ab.',
  'fc.sc.proposal.tieTotalError':
    'Vorschlag: {model}. Beim Fehler je Kunde liegen {model} und {runner} höchstens 5 % auseinander ({mae} und {rmae}), und {model} trifft die Summe der Holdout-Käufe am genauesten ({err} gegen {rerr} bei {runner}).',
  'fc.sc.proposal.naiveBest':
    'Kein Modell schlägt die naive Fortschreibung: Ihr Fehler je Kunde ist {mae}, beim besten Modell ({runner}) {rmae}; die Summe weicht um {err} ab, bei {runner} um {rerr}. Lesen Sie die Prognose für diese Daten mit Vorsicht; mehr Historie oder ein anderes Kalibrierungsende können helfen.',
  'fc.sc.proposal.onlyNaive':
    'Kein Modell ließ sich an die Daten bis zum Kalibrierungsende anpassen (die Gründe stehen in der Tabelle); nur die naive Fortschreibung hat Zahlen.',
  'fc.sc.choiceNote':
    'Die Prognose verwendet {chosen}, wie in den Einstellungen gewählt. Der Vorschlag ändert daran nichts; mit „Dieses Modell verwenden“ wechseln Sie.',
  'fc.iv.range': '{level} %: {low}–{high}',
  'fc.iv.hint':
    'Spannen: Mit 80 % bzw. 95 % Wahrscheinlichkeit liegt der Wert darin, aus der Unsicherheit der geschätzten Parameter und, bei Summen, dem Zufall der Käufe selbst.',
  'fc.iv.formula':
    '{draws} Ziehungen der Log-Parameter aus ihrer Normalverteilung um die Schätzung (Kovarianz aus der Hesse-Matrix); je Ziehung die Prognose, bei Summen zusätzlich simulierte Käufe jedes Kunden. Spanne 80 % = 10. bis 90. Perzentil, Spanne 95 % = 2,5. bis 97,5. Perzentil. Je Kunde nur die Unsicherheit der Parameter.',
  'fc.iv.fail.hessianNotPositiveDefinite':
    'Keine Spannen: Wie unsicher die geschätzten Parameter sind, lässt sich für diese Anpassung nicht bestimmen (die Hesse-Matrix am Optimum ist nicht positiv definit). Die Zahlen sind Punktschätzungen ohne Fehlerbereich.',
  'fc.iv.fail.modelWithoutIntervals': 'Keine Spannen: Für dieses Modell gibt es noch keine.',
  'fc.iv.fail.spendHessianNotPositiveDefinite':
    'Keine Spannen für den CLV: Wie unsicher das Ausgabenmodell ist, lässt sich nicht bestimmen (die Hesse-Matrix ist nicht positiv definit). Die Spannen der Käufe gelten.',
  'fc.iv.fail.spendNoFiniteMean':
    'Keine Spannen für den CLV: Zu viele mögliche Werte des Ausgabenmodells haben keinen endlichen mittleren Umsatz. Die Spannen der Käufe gelten.',
  'fc.iv.segmentsOnly': 'Spannen (80 % und 95 %) gibt es je RFM-Segment, nicht je Attributwert.',
  'fc.iv.groupHint':
    'Unter jedem Mittelwert seine Spannen (80 % und 95 %). Die Spannen der Käufe und des CLV zählen ganze Käufe der Gruppe: in kleinen Gruppen heißt „0,00–0,00“, dass in den meisten Simulationen niemand aus der Gruppe kauft, auch wenn der Mittelwert etwas darüber liegt.',
  'fc.hi.title': 'Summe im Holdout mit Spannen',
  'fc.hi.line': 'vorhergesagt {predicted} ({r80}; {r95}) · tatsächlich {actual}',
  'fc.hi.in80':
    'Die tatsächliche Summe liegt in der 80-%-Spanne: Das Modell trifft den Holdout so genau, wie seine Unsicherheit es erwarten lässt.',
  'fc.hi.above80':
    'Die tatsächliche Summe liegt über der 80-%-Spanne, aber in der 95-%-Spanne. Eine solche Abweichung kommt allein durch Zufall etwa in jedem fünften Holdout vor.',
  'fc.hi.below80':
    'Die tatsächliche Summe liegt unter der 80-%-Spanne, aber in der 95-%-Spanne. Eine solche Abweichung kommt allein durch Zufall etwa in jedem fünften Holdout vor.',
  'fc.hi.above95':
    'Die tatsächliche Summe liegt über der 95-%-Spanne: Das Modell unterschätzt die Käufe im Holdout stärker, als Zufall erklärt.',
  'fc.hi.below95':
    'Die tatsächliche Summe liegt unter der 95-%-Spanne: Das Modell überschätzt die Käufe im Holdout stärker, als Zufall erklärt.',
  'fc.hi.outside':
    'Die Spannen erfassen die Unsicherheit der geschätzten Parameter und den Zufall der Käufe, nicht aber ein Modell, das nicht zu den Daten passt. Bei der Wahl eines besser passenden Modells hilft der Modellvergleich oben.',
};

export const en: Texts<typeof de> = {
  'fc.title': 'Forecast: what will customers be worth?',
  'fc.modelChoice': 'Model',
  'fc.model.bgnbd': 'BG/NBD',
  'fc.model.paretonbd': 'Pareto/NBD',
  'fc.model.mbgnbd': 'MBG/NBD',
  'fc.model.gammagamma': 'Gamma-Gamma (spend)',
  'fc.modelHint.bgnbd': 'Dropout only after a repeat purchase: customers without one count as alive.',
  'fc.modelHint.paretonbd': 'Dropout at any time, independent of the purchases.',
  'fc.modelHint.mbgnbd':
    'Like BG/NBD, but dropout also after the first purchase: one-time buyers may be gone too.',
  'fc.unit': 'Time unit',
  'fc.unit.day': 'days',
  'fc.unit.week': 'weeks',
  'fc.calibrationEnd': 'Calibration end',
  'fc.calibrationEndHint':
    'The validation fit uses the data up to this date and predicts the purchases after it. Empty: no validation.',
  'fc.horizon': 'Horizon',
  'fc.months': '{n} months',
  'fc.discount': 'Discount % per month',
  'fc.margin': 'Gross margin %',
  'fc.marginHint': '100 % gives the CLV on revenue; enter your gross margin for a CLV on margin.',
  'fc.stage.load': 'Reading the data …',
  'fc.stage.fit': 'Fitting the models …',
  'fc.noAmount':
    'This dataset has no amounts, so the forecast covers purchases only: P(alive) and expected purchases, but no spend model and no CLV in money.',
  'fc.failed': 'No forecast possible.',
  'fc.fail.tooFewCustomers': 'Too few customers ({customers}; at least {minimum} are needed).',
  'fc.fail.noRepeatCustomers':
    'No customer bought a second time, so the data show nothing about repeat buying.',
  'fc.fail.noTimeSpan': 'All customers bought on one day only; the models need purchases spread over time.',
  'fc.fail.dropoutToZero':
    'The data show no churn (the dropout parameter went to 0), so the model cannot tell active from lost customers.',
  'fc.fail.notConverged':
    'The fit did not converge (the model found no stable solution); the data may be too irregular for the model.',
  'fc.fail.spendNoAmounts': 'No spend model, because the dataset has no amounts.',
  'fc.fail.spendTooFewRepeat':
    'No spend model, because too few repeat customers have a positive spend ({customers}; at least {minimum} are needed).',
  'fc.fail.spendNotConverged': 'No spend model, because the Gamma-Gamma fit found no stable solution.',
  'fc.fail.spendNoFiniteMean':
    'No spend model, because the fitted q ({q}) is not above 1, so the expected spend is not finite.',
  'fc.fail.tryBgnbd': 'Try the BG/NBD model (it usually copes better with such data) or the time unit days.',
  'fc.fail.tryDays': 'Try the time unit days.',
  'fc.customers': 'Customers in the forecast',
  'fc.repeatCustomers': '{n} of them bought more than once',
  'fc.expectedTotal': 'Expected purchases, next {n} months',
  'fc.expectedTotalDef':
    'How often today’s customers are expected to buy in the forecast period, added up from the as-of date.',
  'fc.expectedTotalFormula':
    'Σ over customers of E[X(t) | x, tₓ, T]: expected purchases in t time units given x repeat purchases, the last purchase at tₓ and an observation time T.',
  'fc.clvTotal': 'Predicted CLV, next {n} months',
  'fc.clvDef':
    'What the customers will probably bring in as gross margin in this period, discounted to today at {d} % per month; margin {m} %.',
  'fc.clvFormula':
    'Σ margin × expected spend per purchase × expected purchases per month, discounted per month',
  'fc.noClv': 'Needs amounts and a spend model.',
  'fc.meanClv': 'Mean predicted CLV, {n} months',
  'fc.meanClvDef': 'Predicted CLV per customer in the forecast.',
  'fc.diagnostics': 'Fit diagnostics',
  'fc.diagnosticsHint':
    'How well the model fits your data: the estimated parameters with their uncertainty (standard error) and the quality of the fit. Time unit {unit}.',
  'fc.diagnosticsFormula':
    'Maximum likelihood on log-parameters; standard errors from the numerical Hessian; log-likelihood summed over customers.',
  'fc.fit': 'Fit',
  'fc.parameter': 'Parameter',
  'fc.estimate': 'Estimate',
  'fc.stdError': 'Std. error',
  'fc.fitValidation': 'Validation (to the calibration end)',
  'fc.fitForecast': 'Forecast (to the as-of date)',
  'fc.fitSpend': 'Spend (to the as-of date)',
  'fc.logLik': 'Log-likelihood',
  'fc.converged': 'converged',
  'fc.notConverged': 'not converged',
  'fc.iterations': '{n} iterations, {e} likelihood evaluations',
  'fc.fitCustomers': '{n} customers',
  'fc.correlation': 'Correlation of spend and purchase frequency: {c}.',
  'fc.correlationWarning':
    'Above 0.3 in absolute value: the Gamma-Gamma model assumes the two are independent, so treat the CLV with care.',
  'fc.correlationOk': 'Small enough for the Gamma-Gamma assumption of independence.',
  'fc.validation': 'Holdout validation',
  'fc.noValidation':
    'Set a calibration end before the as-of date to compare the predictions with what really happened.',
  'fc.validationHint': 'Fitted on the data up to {end}, predicted for the following {n} {unit}.',
  'fc.actualTotal': 'Actual purchases in the holdout',
  'fc.predictedTotal': 'Predicted purchases',
  'fc.error': 'Total error',
  'fc.mae': 'Mean absolute error per customer',
  'fc.correlationHoldout': 'Correlation per customer',
  'fc.byFrequency': 'Mean holdout purchases by calibration frequency',
  'fc.frequency': 'Repeat purchases in calibration',
  'fc.axis.meanHoldout': 'Purchases per customer in the holdout (mean)',
  'fc.axis.cumulative': 'Repeat purchases (cumulative, count)',
  'fc.actual': 'Actual',
  'fc.predicted': 'Predicted',
  'fc.tracking': 'Cumulative repeat purchases: tracking',
  'fc.periodEnd': 'Week ending',
  'fc.pAliveDistribution': 'Distribution of P(alive)',
  'fc.pAlive': 'P(alive)',
  'fc.clvDistribution': 'Distribution of the predicted CLV ({n} months)',
  'fc.from': 'From',
  'fc.to': 'To',
  'fc.top': 'Top customers by predicted CLV ({n} months)',
  'fc.expected': 'Expected purchases',
  'fc.clv': 'Predicted CLV',
  'fc.toCustomers': 'The customer table shows these columns for every customer.',
  'fc.groups': 'Forecast by group',
  'fc.groupBy': 'Group by',
  'fc.bySegment': 'RFM segment',
  'fc.meanPAlive': 'Mean P(alive)',
  'fc.meanExpected': 'Mean expected purchases ({n} m.)',
  'fc.meanClvShort': 'Mean CLV ({n} m.)',
  'fc.bgnbdNoRepeatAlive':
    'BG/NBD counts a customer without a repeat purchase as alive (P(alive) = 100 %), a known property of the model; Pareto/NBD and MBG/NBD let such customers drop out too.',
  'fc.fitValidationSpend': 'Spend (to the calibration end)',
  'fc.warn.weakDropout':
    'Careful: the data barely show churn. The dropout parameter is not well determined (its standard error exceeds the estimate), so P(alive) and the CLV are probably too high. More history, or a later calibration end, helps.',
  'fc.sc.title': 'Which model predicts best? Holdout comparison',
  'fc.sc.hint':
    'All three models and the naive baseline, fitted on the data up to {end} and compared with the {actual} actual purchases of the following {n} {unit}. Smaller errors and a higher correlation are better.',
  'fc.sc.yourChoice': 'Which model the forecast uses is your choice.',
  'fc.sc.formula':
    'Naive baseline: each customer keeps buying at their past pace, (x + 1) / T purchases per time unit since the first purchase, carried forward over the holdout. Total error = (predicted − actual) / actual. Error per customer = mean of |predicted − actual| (MAE). Pearson correlation. Proposal: of the candidates whose error per customer is at most 5 % above the lowest, the one with the smallest total error. Calibration log-likelihood: higher is better, models only.',
  'fc.sc.candidate': 'Model',
  'fc.sc.naive': 'Naive baseline',
  'fc.sc.predicted': 'Predicted',
  'fc.sc.error': 'Total error',
  'fc.sc.mae': 'Error per customer',
  'fc.sc.correlation': 'Correlation',
  'fc.sc.logLik': 'Log-likelihood',
  'fc.sc.actualRow': 'Actual purchases',
  'fc.sc.noLikelihood': '— none (not a model)',
  'fc.sc.noActual': '— no holdout purchases',
  'fc.sc.constant': '— prediction constant',
  'fc.sc.fitFailed': 'No figures: {reason}',
  'fc.sc.proposed': 'Proposed',
  'fc.sc.inUse': 'In use',
  'fc.sc.use': 'Use this model',
  'fc.sc.useLabel': 'Use this model: {model}',
  'fc.sc.proposal.lowestMae':
    'Proposal: {model}. It has the lowest error per customer ({mae}), more than 5 % below the next best candidate, {runner} ({rmae}); its total of holdout purchases is off by {err}.',
  'fc.sc.proposal.tieTotalError':
    'Proposal: {model}. On the error per customer, {model} and {runner} are at most 5 % apart ({mae} and {rmae}), and {model} hits the total of holdout purchases most closely ({err} against {rerr} for {runner}).',
  'fc.sc.proposal.naiveBest':
    'No model beats the naive baseline: its error per customer is {mae}, that of the best model ({runner}) {rmae}; its total is off by {err}, that of {runner} by {rerr}. Read the forecast for these data with care; more history or another calibration end may help.',
  'fc.sc.proposal.onlyNaive':
    'No model could be fitted to the data up to the calibration end (the reasons are in the table); only the naive baseline has figures.',
  'fc.sc.choiceNote':
    'The forecast uses {chosen}, as chosen in the settings. The proposal does not change that; switch with “Use this model”.',
  'fc.iv.range': '{level} %: {low}–{high}',
  'fc.iv.hint':
    'Ranges: the value lies within them with 80 % or 95 % probability, from the uncertainty of the fitted parameters and, for totals, the chance in the purchases themselves.',
  'fc.iv.formula':
    '{draws} draws of the log-parameters from their normal distribution around the estimate (covariance from the Hessian); under each draw the forecast, for totals also simulated purchases of every customer. 80 % range = 10th to 90th percentile, 95 % range = 2.5th to 97.5th percentile. Per customer, the parameters’ uncertainty only.',
  'fc.iv.fail.hessianNotPositiveDefinite':
    'No ranges: how uncertain the fitted parameters are cannot be determined for this fit (the Hessian at the optimum is not positive definite). The figures are point estimates without an error range.',
  'fc.iv.fail.modelWithoutIntervals': 'No ranges: this model has none yet.',
  'fc.iv.fail.spendHessianNotPositiveDefinite':
    'No ranges for the CLV: how uncertain the spend model is cannot be determined (its Hessian is not positive definite). The ranges of the purchases hold.',
  'fc.iv.fail.spendNoFiniteMean':
    'No ranges for the CLV: too many plausible values of the spend model have no finite mean spend. The ranges of the purchases hold.',
  'fc.iv.segmentsOnly': 'Ranges (80 % and 95 %) exist per RFM segment, not per attribute value.',
  'fc.iv.groupHint':
    'Under each mean, its 80 % and 95 % ranges. Those of the purchases and the CLV count whole purchases of the group: in small groups “0.00–0.00” means that in most simulations nobody in the group buys, even when the mean lies a little above.',
  'fc.hi.title': 'Holdout total with ranges',
  'fc.hi.line': 'predicted {predicted} ({r80}; {r95}) · actual {actual}',
  'fc.hi.in80':
    'The actual total lies within the 80 % range: the model hits the holdout as closely as its uncertainty leads one to expect.',
  'fc.hi.above80':
    'The actual total lies above the 80 % range but within the 95 % range. A deviation like this happens by chance alone in about one holdout in five.',
  'fc.hi.below80':
    'The actual total lies below the 80 % range but within the 95 % range. A deviation like this happens by chance alone in about one holdout in five.',
  'fc.hi.above95':
    'The actual total lies above the 95 % range: the model under-predicts the holdout purchases by more than chance explains.',
  'fc.hi.below95':
    'The actual total lies below the 95 % range: the model over-predicts the holdout purchases by more than chance explains.',
  'fc.hi.outside':
    'The ranges cover the uncertainty of the fitted parameters and the chance in the purchases, not a model that does not fit the data. The model comparison above helps choose a better-fitting model.',
};

type Key = keyof typeof de;

/** Why a fit cannot work (parameters: the failure's details). */
export const FORECAST_FAILURE_TEXT: Record<Failure['code'], Key> = {
  tooFewCustomers: 'fc.fail.tooFewCustomers',
  noRepeatCustomers: 'fc.fail.noRepeatCustomers',
  noTimeSpan: 'fc.fail.noTimeSpan',
  dropoutToZero: 'fc.fail.dropoutToZero',
  notConverged: 'fc.fail.notConverged',
  spendNoAmounts: 'fc.fail.spendNoAmounts',
  spendTooFewRepeat: 'fc.fail.spendTooFewRepeat',
  spendNotConverged: 'fc.fail.spendNotConverged',
  spendNoFiniteMean: 'fc.fail.spendNoFiniteMean',
};

/** The forecast's warnings about its figures, wherever those figures are quoted (forecast view, self-check). */
export const FORECAST_WARNING_TEXT: Record<ForecastWarning, Key> = {
  weakDropout: 'fc.warn.weakDropout',
};

export const MODEL_LABEL: Record<FitReport['model'], Key> = {
  bgnbd: 'fc.model.bgnbd',
  paretonbd: 'fc.model.paretonbd',
  mbgnbd: 'fc.model.mbgnbd',
  gammagamma: 'fc.model.gammagamma',
};

/** One line on how each transaction model treats dropout (under the model selector). */
export const MODEL_HINT: Record<ModelName, Key> = {
  bgnbd: 'fc.modelHint.bgnbd',
  paretonbd: 'fc.modelHint.paretonbd',
  mbgnbd: 'fc.modelHint.mbgnbd',
};

/** The scorecard's candidates by name. */
export const CANDIDATE_LABEL: Record<ScorecardCandidate, Key> = {
  bgnbd: 'fc.model.bgnbd',
  paretonbd: 'fc.model.paretonbd',
  mbgnbd: 'fc.model.mbgnbd',
  naive: 'fc.sc.naive',
};

/** The scorecard's proposal in a sentence, by its reason. */
export const PROPOSAL_TEXT: Record<ProposalReason, Key> = {
  lowestMae: 'fc.sc.proposal.lowestMae',
  tieTotalError: 'fc.sc.proposal.tieTotalError',
  naiveBest: 'fc.sc.proposal.naiveBest',
  onlyNaive: 'fc.sc.proposal.onlyNaive',
};

/** Why a forecast has no intervals (or its CLV none). */
export const INTERVAL_FAILURE_TEXT: Record<IntervalFailureCode, Key> = {
  hessianNotPositiveDefinite: 'fc.iv.fail.hessianNotPositiveDefinite',
  modelWithoutIntervals: 'fc.iv.fail.modelWithoutIntervals',
  spendHessianNotPositiveDefinite: 'fc.iv.fail.spendHessianNotPositiveDefinite',
  spendNoFiniteMean: 'fc.iv.fail.spendNoFiniteMean',
};

/** What the worker is doing while the forecast runs. */
export const FORECAST_STAGE_LABEL: Record<'load' | 'fit', Key> = {
  load: 'fc.stage.load',
  fit: 'fc.stage.fit',
};
