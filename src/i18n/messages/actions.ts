/** Texts of the Actions view ("Whom do I contact now?"): the lists, their reasons and notes, cross-sell and exports. */
import type { Texts } from '../texts';

export const de = {
  'ac.title': 'Wen spreche ich jetzt an?',
  'ac.intro':
    'Listen zum Handeln: wen Sie zurückgewinnen, wen Sie jetzt anrufen, wem Sie etwas dazu anbieten. Jede Liste lässt sich exportieren, kopieren, drucken und als Kampagne speichern.',
  'ac.noData': 'Noch keine Daten. Importieren Sie zuerst eine Bestelldatei.',
  'ac.toImport': 'Zum Import',
  'ac.loading': 'Die Listen werden berechnet …',
  'ac.computed': 'Berechnet in {ms} ms.',
  'ac.tabs': 'Listen',
  'ac.tab.reactivation': 'Reaktivierung',
  'ac.tab.due': 'Jetzt fällig',
  'ac.tab.whitespace': 'Cross-Selling',
  'ac.tab.upsell': 'Upselling',
  'ac.tab.campaigns': 'Kampagnen',
  'ac.lead.reactivation':
    'Kunden, die lange nicht gekauft haben, gereiht nach dem Wert, der mit ihnen auf dem Spiel steht.',
  'ac.lead.due':
    'Lebende Kunden, deren nächste Bestellung nach ihrem eigenen Rhythmus überfällig ist: die Liste für die Anrufe dieser Woche.',
  'ac.lead.whitespace':
    'Wer A kauft, kauft oft auch B: Kunden mit A, aber ohne B, sind die naheliegenden Cross-Selling-Kontakte.',
  'ac.lead.upsell':
    'Kunden, die oft bestellen, deren Bestellwert aber unter dem Median ihres Segments bleibt.',

  // Criteria
  'ac.criteria': 'Kriterien',
  'ac.inactiveMonths': 'Ohne Kauf seit mehr als … Monaten',
  'ac.contactMonths': 'Ohne Kontakt seit mehr als … Monaten',
  'ac.segment': 'RFM-Segment',
  'ac.allSegments': 'Alle Segmente',
  'ac.search': 'Suche (Kundennummer oder Name)',
  'ac.clearPair': 'Paar abwählen',

  // Summary in words
  'ac.sum.count': '{n} Kunden auf der Liste, zusammen {value}.',
  'ac.sum.countOnly': '{n} Kunden auf der Liste.',
  'ac.sum.asOf': 'Stichtag {date}.',
  'ac.sum.reactivation': 'Auf der Liste: kein Kauf seit mehr als {n} Monaten (davor mindestens einer).',
  'ac.sum.contact':
    'Zweites Kriterium, aus den Stammdaten: kein Kontakt seit mehr als {m} Monaten (ohne bekanntes Kontaktdatum gilt es als erfüllt).',
  'ac.sum.noContact':
    'Die Stammdaten haben kein Datum des letzten Kontakts: nur das Kaufkriterium gilt. Importieren Sie Stammdaten mit einer Spalte „letzter Kontakt“ für das zweite Kriterium.',
  'ac.sum.basisMargin': 'Wert im Spiel = Deckungsbeitrag pro Jahr × P(alive).',
  'ac.sum.basisRevenue':
    'Wert im Spiel = Umsatz pro Jahr × P(alive) (ohne Marge: der Umsatz). Tragen Sie eine Marge in den Einstellungen ein, um mit dem Deckungsbeitrag zu rechnen.',
  'ac.sum.noForecastValue': 'Ohne Prognose ist der Wert im Spiel der Jahreswert allein (ohne P(alive)).',
  'ac.sum.bgnbdOneOrder':
    'Bei Kunden mit nur einem Kauf setzt BG/NBD P(alive) = 100 %: ohne Wiederkauf sieht das Modell bei ihnen noch keinen Abbruch. Ihr Wert im Spiel ist daher der volle Jahreswert.',
  'ac.sum.withoutPAlive': '{n} Kunden ohne P(alive): bei ihnen zählt der Jahreswert allein.',
  'ac.sum.model': 'Prognose: {model}, Zeiteinheit {unit}.',
  'ac.sum.due':
    'Auf der Liste: mindestens ein Wiederkauf, P(alive) ≥ 50 % und seit dem letzten Kauf mindestens so viele Tage wie der eigene Rhythmus (Tage zwischen den Käufen).',
  'ac.sum.withSpend': 'Gereiht nach P(alive) × erwartetem Betrag je Kauf (Gamma-Gamma).',
  'ac.sum.pAliveOnly':
    'Gereiht nach P(alive) allein: das Ausgabenmodell (Gamma-Gamma) fehlt für diese Daten oder ließ sich nicht schätzen.',
  'ac.sum.dueAll':
    'Alle Kunden der Prognose mit dem erwarteten nächsten Bestelldatum (Median der Zeit bis zum nächsten Kauf eines lebenden Kunden) und dem eigenen Rhythmus, nach dem erwarteten Datum sortiert. Suchen Sie nach der Kundennummer, um einen Kunden nachzuschlagen.',
  'ac.sum.noAmountReactivation':
    'Keine Betragsspalte: kein Wert im Spiel. Gereiht nach Tagen seit dem letzten Kauf, die längste Pause zuerst.',
  'ac.sum.whitespaceBuyers':
    'Kunden, die {a} gekauft haben, aber nie {b}. Ohne Betragsspalte gibt es keinen erwarteten Umsatz: Wert = Konfidenz({a} → {b}), die Chance, dass der Kunde {b} kauft; die Summe ist die Zahl der erwarteten zusätzlichen Käufer von {b}.',
  'ac.sum.countBuyers': '{n} Kunden auf der Liste, erwartet {buyers} zusätzliche Käufer.',
  'ac.warn.weakDropout':
    'Vorsicht: Die Daten zeigen kaum Abwanderung. Der Abwanderungsparameter der Prognose ist schlecht bestimmt (sein Standardfehler übersteigt den Schätzwert), P(alive) in dieser Liste ist daher vermutlich zu hoch. Mehr Historie hilft.',
  'ac.warn.other': 'Die Prognose meldet eine Warnung ({w}); die Prognose-Ansicht erklärt sie.',
  'ac.sum.whitespace':
    'Kunden, die {a} gekauft haben, aber nie {b}. Wert = Konfidenz({a} → {b}) × mittlerer Umsatz in {b} der Kunden, die beides kauften.',
  'ac.sum.upsell':
    'Auf der Liste: F-Wert ≥ 4 und eigener Ø Bestellwert unter dem Median des Segments. Wert = (Median − eigener Ø Bestellwert) × Bestellungen: der bei dieser Häufigkeit entgangene Bestellwert.',

  // Unavailable, with the fix
  'ac.why.noCustomers':
    'Im gewählten Zeitraum und mit den gewählten Filtern gibt es keine Kunden. Wählen Sie einen späteren Stichtag oder weniger Filter.',
  'ac.why.noForecast':
    'Diese Liste braucht eine Prognose (P(alive) und das erwartete nächste Bestelldatum), und die Prognose braucht Beträge. Importieren Sie die Bestellungen mit einer Betragsspalte (oder Menge und Einzelpreis).',
  'ac.why.forecastFailed':
    'Die Prognose ließ sich für diese Daten nicht schätzen, darum fehlt diese Liste. Die Prognose-Ansicht nennt den Grund (z. B. zu wenige Wiederkäufer); ein früherer oder späterer Stichtag kann helfen.',
  'ac.why.noCategory':
    'Cross-Selling braucht eine Kategorie-Spalte (oder eine Produktspalte mit höchstens 200 Produkten). Importieren Sie die Bestellungen erneut und ordnen Sie die Spalte „Kategorie“ zu.',
  'ac.why.tooManyProducts':
    'Die Daten haben keine Kategorie-Spalte und mehr als 200 Produkte: eine Matrix darüber wäre nicht lesbar. Importieren Sie die Bestellungen mit einer Spalte „Kategorie“ (z. B. Warengruppe).',
  'ac.why.tooShort':
    'Die Daten reichen nicht weit genug zurück für „kein Kauf seit mehr als N Monaten“: nötig sind die N Monate und ein ganzes Jahr davor, in dem ein Kunde hätte kaufen können. Importieren Sie einen längeren Export oder wählen Sie eine kleinere Monatszahl.',
  'ac.why.tooShortDays':
    'Die Daten reichen {days} Tage zurück; „kein Kauf seit mehr als {n} Monaten“ braucht {needed} Tage: die {n} Monate und ein ganzes Jahr davor, in dem ein Kunde hätte kaufen können (dieselbe Regel wie im Selbstcheck). Importieren Sie einen längeren Export oder wählen Sie eine kleinere Monatszahl.',
  'ac.why.noAmount':
    'Upselling vergleicht Bestellwerte und braucht daher Beträge. Importieren Sie die Bestellungen mit einer Betragsspalte (oder Menge und Einzelpreis).',
  'ac.why.noPair':
    'Wählen Sie oben in der Rangliste ein Paar A → B: dann erscheinen hier die Kunden mit A, aber ohne B.',
  'ac.toForecast': 'Zur Prognose',
  'ac.toSettings': 'Zu den Einstellungen',

  // Columns
  'ac.col.id': 'Kunden\u00adnummer',
  'ac.col.name': 'Name',
  'ac.col.segment': 'Segment',
  'ac.col.lastOrder': 'Letzter Kauf',
  'ac.col.days': 'Tage seit Kauf',
  'ac.col.orders': 'Bestel\u00adlungen',
  'ac.col.revenue': 'Umsatz',
  'ac.col.pAlive': 'P(alive)',
  'ac.col.value.reactivation': 'Wert im Spiel',
  'ac.col.value.due': 'Erwarteter Wert',
  'ac.col.value.whitespace': 'Erwarteter Umsatz in B',
  'ac.col.value.upsell': 'Entgangener Bestellwert',
  'ac.col.value.whitespaceBuyers': 'Chance auf B (Konfidenz)',
  'ac.file.value.margin': 'Wert im Spiel (Deckungsbeitrag)',
  'ac.file.value.revenue': 'Wert im Spiel (Umsatz)',
  'ac.file.value.dueSpend': 'Erwarteter Wert (P(alive) × erwarteter Bonwert)',
  'ac.file.value.duePAlive': 'Erwarteter Wert (P(alive) allein)',
  'ac.file.value.whitespace': 'Erwarteter Umsatz in B (Konfidenz × mittlerer Umsatz in B)',
  'ac.file.value.upsell': 'Entgangener Bestellwert ((Median − eigener Ø Bestellwert) × Bestellungen)',
  'ac.due.mode': 'Anzeigen',
  'ac.due.overdue': 'Nur überfällige',
  'ac.due.all': 'Alle Kunden mit Prognose',
  'ac.col.usual': 'Übliche Produkte',
  'ac.col.reasons': 'Grund',
  'ac.col.expectedNext': 'Nächste Bestellung erwartet',
  'ac.col.rhythm': 'Eigener Rhythmus (Tage)',
  'ac.col.aov': 'Ø Bestellwert',
  'ac.col.medianAov': 'Median Ø Bestellwert im Segment',
  'ac.col.lastContact': 'Letzter Kontakt',
  'ac.reason.noPurchase': 'kein Kauf seit {span}',
  'ac.reason.noContact': 'kein Kontakt seit {span}',
  'ac.reason.neverContacted': 'nie kontaktiert',
  'ac.span.months': '{n} Monaten',
  'ac.span.overMonths': 'mehr als {n} Monaten',
  'ac.span.oneMonth': '1 Monat',
  'ac.span.overOneMonth': 'mehr als 1 Monat',
  'ac.span.days': '{d} Tagen',
  'ac.sum.valueSpend': 'Erwarteter Wert = P(alive) × erwarteter Betrag je Kauf (Gamma-Gamma).',
  'ac.sum.valuePAlive':
    'Erwarteter Wert = P(alive) allein: das Ausgabenmodell (Gamma-Gamma) fehlt für diese Daten oder ließ sich nicht schätzen.',
  'ac.rhythm': 'alle {d} Tage',
  'ac.listOf': '{list}: {n} Kunden',
  'ac.rowsLoading': 'Lädt …',
  'ac.empty': 'Niemand erfüllt die Kriterien.',

  // Exports
  'ac.csv': 'CSV',
  'ac.copy': 'In die Zwischenablage',
  'ac.copied': '{n} Zeilen kopiert (mit Kopfzeile, tabulatorgetrennt).',
  'ac.copyFailed': 'Der Browser hat das Kopieren nicht erlaubt.',
  'ac.print': 'Drucken',
  'ac.printCut': 'Gedruckt werden die ersten {shown} von {n} Kunden; die ganze Liste steht im CSV-Export.',
  'ac.printAll': 'Alle {n} Kunden der Liste.',
  'ac.printContext': 'Datensatz {dataset}, Stichtag {date}.',
  'ac.printSearch': 'Suche: „{search}“.',
  'ac.save': 'Als Kampagne speichern',
  'ac.exportsBusy': 'Die ganze Liste wird geholt …',
  'ac.file.reactivation': 'reaktivierung',
  'ac.file.due': 'jetzt-faellig',
  'ac.file.whitespace': 'cross-selling',
  'ac.file.upsell': 'upselling',
  'ac.file.matrix': 'kunden-kategorien-matrix',
  'ac.file.heatmap': 'kaufverbund',
  'ac.file.pairs': 'cross-selling-paare',
  'ac.file.journey': 'produktreise',

  // Cross-sell
  'ac.xs.byCategory': 'Nach Kategorie.',
  'ac.xs.byProduct': 'Nach Produkt (die Daten haben keine Kategorie-Spalte und höchstens 200 Produkte).',
  'ac.xs.segmentNote':
    'Rangliste, Kaufverbund und Produktreise gelten für alle Kunden; das Segment filtert die Kundenliste eines Paares und die Matrix.',
  'ac.hm.title': 'Kaufverbund: wer A kauft, kauft auch B',
  'ac.hm.note':
    'Zeile = A, Spalte = B, gezählt über Kunden (nicht Warenkörbe). Lift > 1: B wird von A-Käufern öfter gekauft als von allen Kunden. Konfidenz = Anteil der A-Käufer, die auch B kauften; Support = Anteil aller Kunden, die B kauften.',
  'ac.hm.show': 'Zeigen',
  'ac.hm.lift': 'Lift',
  'ac.hm.confidence': 'Konfidenz',
  'ac.hm.support': 'Support',
  'ac.hm.buyers': 'Käufer',
  'ac.hm.cell':
    '{a} → {b}: Lift {lift}, Konfidenz {conf}, Support von {b} {support}, {both} Kunden kauften beides',
  'ac.hm.omitted': '{n} weitere Kategorien sind nicht in der Tabelle (nur die 20 meistgekauften).',
  'ac.hm.corner': 'A ↓ / B →',
  'ac.ws.title': 'Cross-Selling-Chancen',
  'ac.ws.note':
    'Paare A → B nach erwartetem Zusatzumsatz = Kunden mit A ohne B × Konfidenz × mittlerer Umsatz in B. Klicken Sie ein Paar, um seine Kunden zu sehen.',
  'ac.ws.pair': 'A → B',
  'ac.ws.customers': 'Kunden mit A ohne B',
  'ac.ws.expected': 'Erwarteter Zusatzumsatz',
  'ac.ws.expectedBuyers': 'Erwartete zusätzliche Käufer',
  'ac.ws.noteBuyers':
    'Ohne Betragsspalte gibt es keinen erwarteten Umsatz: Paare A → B nach erwarteten zusätzlichen Käufern von B = Kunden mit A ohne B × Konfidenz. Support, Konfidenz und Lift gelten wie mit Beträgen. Klicken Sie ein Paar, um seine Kunden zu sehen.',
  'ac.ws.none': 'Keine Paare mit Kunden, die beides kauften.',
  'ac.ws.listTitle': 'Kunden mit {a}, aber ohne {b}',
  'ac.jn.title': 'Produktreise: was folgt auf die erste Bestellung?',
  'ac.jn.note':
    'Hauptkategorie der ersten und der zweiten Bestellung, für {n} Kunden mit mindestens zwei Bestellungen. Anteil = unter den Kunden mit derselben ersten Kategorie.',
  'ac.jn.from': 'Erste Bestellung',
  'ac.jn.to': 'Zweite Bestellung',
  'ac.jn.customers': 'Kunden',
  'ac.jn.share': 'Anteil',
  'ac.jn.none': 'Noch keine Kunden mit zwei Bestellungen.',
  'ac.mx.title': 'Kunden × Kategorien',
  'ac.mx.note': 'Ein Kreuz für jede Kategorie, die der Kunde gekauft hat. Spaltenkopf klicken: sortieren.',
  'ac.mx.count': 'Anzahl',
  'ac.mx.filter': 'Filter',
  'ac.mx.has': 'hat gekauft',
  'ac.mx.hasNot': 'nie gekauft',
  'ac.mx.any': 'egal',
  'ac.mx.filterOf': 'Filter für {c}',
  'ac.mx.rows': '{n} Kunden',
  'ac.mx.bought': 'gekauft',
};

export const en: Texts<typeof de> = {
  'ac.title': 'Whom do I contact now?',
  'ac.intro':
    'Lists to act on: whom to win back, whom to call now, whom to offer something more. Every list can be exported, copied, printed and saved as a campaign.',
  'ac.noData': 'No data yet. Import an order file first.',
  'ac.toImport': 'Go to the import',
  'ac.loading': 'Computing the lists …',
  'ac.computed': 'Computed in {ms} ms.',
  'ac.tabs': 'Lists',
  'ac.tab.reactivation': 'Reactivation',
  'ac.tab.due': 'Due now',
  'ac.tab.whitespace': 'Cross-selling',
  'ac.tab.upsell': 'Upselling',
  'ac.tab.campaigns': 'Campaigns',
  'ac.lead.reactivation':
    'Customers who have not bought for a long time, ranked by the value at stake with them.',
  'ac.lead.due':
    'Living customers whose next order is overdue by their own rhythm: the list for this week’s calls.',
  'ac.lead.whitespace':
    'Who buys A often buys B too: customers with A but without B are the obvious cross-selling contacts.',
  'ac.lead.upsell': 'Customers who order often while their order value stays below their segment’s median.',

  'ac.criteria': 'Criteria',
  'ac.inactiveMonths': 'No purchase for more than … months',
  'ac.contactMonths': 'No contact for more than … months',
  'ac.segment': 'RFM segment',
  'ac.allSegments': 'All segments',
  'ac.search': 'Search (customer id or name)',
  'ac.clearPair': 'Clear the pair',

  'ac.sum.count': '{n} customers on the list, together {value}.',
  'ac.sum.countOnly': '{n} customers on the list.',
  'ac.sum.asOf': 'As of {date}.',
  'ac.sum.reactivation': 'On the list: no purchase for more than {n} months (with at least one before).',
  'ac.sum.contact':
    'Second criterion, from the master data: no contact for more than {m} months (a customer without a known contact date meets it).',
  'ac.sum.noContact':
    'The master data has no last-contact date: only the purchase criterion applies. Import master data with a "last contact" column for the second criterion.',
  'ac.sum.basisMargin': 'Value at stake = contribution margin per year × P(alive).',
  'ac.sum.basisRevenue':
    'Value at stake = revenue per year × P(alive) (without a margin: the revenue). Enter a margin in the Settings to work with the contribution margin.',
  'ac.sum.noForecastValue': 'Without a forecast the value at stake is the yearly value alone (no P(alive)).',
  'ac.sum.bgnbdOneOrder':
    'For customers with a single purchase BG/NBD sets P(alive) = 100 %: without a repeat purchase the model sees no dropout yet. Their value at stake is therefore the full yearly value.',
  'ac.sum.withoutPAlive': '{n} customers without P(alive): for them the yearly value alone counts.',
  'ac.sum.model': 'Forecast: {model}, time unit {unit}.',
  'ac.sum.due':
    'On the list: at least one repeat purchase, P(alive) ≥ 50 %, and at least as many days since the last purchase as the own rhythm (days between purchases).',
  'ac.sum.withSpend': 'Ranked by P(alive) × expected spend per purchase (Gamma-Gamma).',
  'ac.sum.pAliveOnly':
    'Ranked by P(alive) alone: the spend model (Gamma-Gamma) is missing for these data or could not be estimated.',
  'ac.sum.dueAll':
    'Every customer of the forecast with the expected next order date (median time to the next purchase of a living customer) and the own rhythm, sorted by the expected date. Search by customer id to look a customer up.',
  'ac.sum.noAmountReactivation':
    'No amount column: no value at stake. Ranked by days since the last purchase, the longest gap first.',
  'ac.sum.whitespaceBuyers':
    'Customers who bought {a} but never {b}. Without an amount column there is no expected revenue: value = confidence({a} → {b}), the chance that the customer buys {b}; the sum is the number of expected additional buyers of {b}.',
  'ac.sum.countBuyers': '{n} customers on the list, {buyers} additional buyers expected.',
  'ac.warn.weakDropout':
    'Careful: the data barely show churn. The forecast’s dropout parameter is not well determined (its standard error exceeds the estimate), so P(alive) in this list is probably too high. More history helps.',
  'ac.warn.other': 'The forecast reports a warning ({w}); the Forecast view explains it.',
  'ac.sum.whitespace':
    'Customers who bought {a} but never {b}. Value = confidence({a} → {b}) × mean revenue in {b} of the customers who bought both.',
  'ac.sum.upsell':
    'On the list: F score ≥ 4 and own average order value below the segment’s median. Value = (median − own average order value) × orders: the order value missed at this frequency.',

  'ac.why.noCustomers':
    'There are no customers in the chosen period with the chosen filters. Choose a later as-of date or fewer filters.',
  'ac.why.noForecast':
    'This list needs a forecast (P(alive) and the expected next order date), and the forecast needs amounts. Import the orders with an amount column (or quantity and unit price).',
  'ac.why.forecastFailed':
    'The forecast could not be fitted on this data, so this list is missing. The Forecast view gives the reason (e.g. too few repeat customers); an earlier or later as-of date may help.',
  'ac.why.noCategory':
    'Cross-selling needs a category column (or a product column with at most 200 products). Import the orders again and map the "Category" column.',
  'ac.why.tooManyProducts':
    'The data has no category column and more than 200 products: a matrix over them would not be readable. Import the orders with a "Category" column (such as a product group).',
  'ac.why.tooShort':
    'The data do not reach back far enough for “no purchase for more than N months”: that needs the N months and a whole year before them in which a customer could have bought. Import a longer export or choose fewer months.',
  'ac.why.tooShortDays':
    'The data reach back {days} days; “no purchase for more than {n} months” needs {needed} days: the {n} months and a whole year before them in which a customer could have bought (the same rule as in the self-check). Import a longer export or choose fewer months.',
  'ac.why.noAmount':
    'Upselling compares order values and so needs amounts. Import the orders with an amount column (or quantity and unit price).',
  'ac.why.noPair':
    'Choose a pair A → B in the ranking above: the customers with A but without B then appear here.',
  'ac.toForecast': 'Go to the forecast',
  'ac.toSettings': 'Go to the settings',

  'ac.col.id': 'Customer id',
  'ac.col.name': 'Name',
  'ac.col.segment': 'Segment',
  'ac.col.lastOrder': 'Last order',
  'ac.col.days': 'Days since purchase',
  'ac.col.orders': 'Orders',
  'ac.col.revenue': 'Revenue',
  'ac.col.pAlive': 'P(alive)',
  'ac.col.value.reactivation': 'Value at stake',
  'ac.col.value.due': 'Expected value',
  'ac.col.value.whitespace': 'Expected revenue in B',
  'ac.col.value.upsell': 'Order value missed',
  'ac.col.value.whitespaceBuyers': 'Chance of B (confidence)',
  'ac.file.value.margin': 'Value at stake (contribution margin)',
  'ac.file.value.revenue': 'Value at stake (revenue)',
  'ac.file.value.dueSpend': 'Expected value (P(alive) × expected order value)',
  'ac.file.value.duePAlive': 'Expected value (P(alive) alone)',
  'ac.file.value.whitespace': 'Expected revenue in B (confidence × mean revenue in B)',
  'ac.file.value.upsell': 'Order value missed ((median − own average order value) × orders)',
  'ac.due.mode': 'Show',
  'ac.due.overdue': 'Overdue only',
  'ac.due.all': 'All customers with a forecast',
  'ac.col.usual': 'Usual products',
  'ac.col.reasons': 'Reason',
  'ac.col.expectedNext': 'Next order expected',
  'ac.col.rhythm': 'Own rhythm (days)',
  'ac.col.aov': 'Average order value',
  'ac.col.medianAov': 'Segment median AOV',
  'ac.col.lastContact': 'Last contact',
  'ac.reason.noPurchase': 'no purchase for {span}',
  'ac.reason.noContact': 'no contact for {span}',
  'ac.reason.neverContacted': 'never contacted',
  'ac.span.months': '{n} months',
  'ac.span.overMonths': 'more than {n} months',
  'ac.span.oneMonth': '1 month',
  'ac.span.overOneMonth': 'more than 1 month',
  'ac.span.days': '{d} days',
  'ac.sum.valueSpend': 'Expected value = P(alive) × expected spend per purchase (Gamma-Gamma).',
  'ac.sum.valuePAlive':
    'Expected value = P(alive) alone: the spend model (Gamma-Gamma) is missing for these data or could not be estimated.',
  'ac.rhythm': 'every {d} days',
  'ac.listOf': '{list}: {n} customers',
  'ac.rowsLoading': 'Loading …',
  'ac.empty': 'Nobody meets the criteria.',

  'ac.csv': 'CSV',
  'ac.copy': 'Copy to clipboard',
  'ac.copied': '{n} rows copied (with a header row, tab-separated).',
  'ac.copyFailed': 'The browser did not allow copying.',
  'ac.print': 'Print',
  'ac.printCut': 'The first {shown} of {n} customers are printed; the whole list is in the CSV export.',
  'ac.printAll': 'All {n} customers of the list.',
  'ac.printContext': 'Dataset {dataset}, as of {date}.',
  'ac.printSearch': 'Search: "{search}".',
  'ac.save': 'Save as campaign',
  'ac.exportsBusy': 'Fetching the whole list …',
  'ac.file.reactivation': 'reactivation',
  'ac.file.due': 'due-now',
  'ac.file.whitespace': 'cross-selling',
  'ac.file.upsell': 'upselling',
  'ac.file.matrix': 'customers-categories-matrix',
  'ac.file.heatmap': 'co-purchase',
  'ac.file.pairs': 'cross-selling-pairs',
  'ac.file.journey': 'product-journey',

  'ac.xs.byCategory': 'By category.',
  'ac.xs.byProduct': 'By product (the data has no category column and at most 200 products).',
  'ac.xs.segmentNote':
    'The ranking, the co-purchase table and the journey cover all customers; the segment filters a pair’s customer list and the matrix.',
  'ac.hm.title': 'Co-purchase: who buys A also buys B',
  'ac.hm.note':
    'Row = A, column = B, counted over customers (not baskets). Lift > 1: buyers of A buy B more often than customers at large. Confidence = share of A’s buyers who also bought B; support = share of all customers who bought B.',
  'ac.hm.show': 'Show',
  'ac.hm.lift': 'Lift',
  'ac.hm.confidence': 'Confidence',
  'ac.hm.support': 'Support',
  'ac.hm.buyers': 'Buyers',
  'ac.hm.cell':
    '{a} → {b}: lift {lift}, confidence {conf}, support of {b} {support}, {both} customers bought both',
  'ac.hm.omitted': '{n} more categories are not in the table (only the 20 most bought).',
  'ac.hm.corner': 'A ↓ / B →',
  'ac.ws.title': 'Cross-selling opportunities',
  'ac.ws.note':
    'Pairs A → B by expected additional revenue = customers with A without B × confidence × mean revenue in B. Click a pair to see its customers.',
  'ac.ws.pair': 'A → B',
  'ac.ws.customers': 'Customers with A without B',
  'ac.ws.expected': 'Expected additional revenue',
  'ac.ws.expectedBuyers': 'Expected additional buyers',
  'ac.ws.noteBuyers':
    'Without an amount column there is no expected revenue: pairs A → B by expected additional buyers of B = customers with A without B × confidence. Support, confidence and lift hold as with amounts. Click a pair to see its customers.',
  'ac.ws.none': 'No pairs with customers who bought both.',
  'ac.ws.listTitle': 'Customers with {a} but without {b}',
  'ac.jn.title': 'Product journey: what follows the first order?',
  'ac.jn.note':
    'Main category of the first and the second order, for {n} customers with at least two orders. Share = among the customers with the same first category.',
  'ac.jn.from': 'First order',
  'ac.jn.to': 'Second order',
  'ac.jn.customers': 'Customers',
  'ac.jn.share': 'Share',
  'ac.jn.none': 'No customers with two orders yet.',
  'ac.mx.title': 'Customers × categories',
  'ac.mx.note': 'A cross for each category the customer bought. Click a column header to sort.',
  'ac.mx.count': 'Count',
  'ac.mx.filter': 'Filter',
  'ac.mx.has': 'bought',
  'ac.mx.hasNot': 'never bought',
  'ac.mx.any': 'any',
  'ac.mx.filterOf': 'Filter for {c}',
  'ac.mx.rows': '{n} customers',
  'ac.mx.bought': 'bought',
};
