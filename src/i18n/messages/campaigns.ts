/** Texts of the campaigns: saving a list, the staged workflow, the message fields and the measured outcome. */
import type { Texts } from '../texts';
import type { ActionListKind, CampaignOutcomeReason, MessageField } from '../../shared/actions';

export const de = {
  'cp.title': 'Kampagnen',
  'cp.intro':
    'Eine gespeicherte Liste mit Datum, Kunden und Vergleichsgruppe: die Nachrichten je Stufe und später der gemessene Erfolg.',
  'cp.none': 'Noch keine Kampagnen. Speichern Sie eine Liste oben mit „Als Kampagne speichern“.',
  'cp.loading': 'Die Kampagnen werden geladen …',

  // Names of the lists (for the campaign's default name and the list kind column)
  'cp.list.reactivation': 'Reaktivierung',
  'cp.list.due': 'Jetzt fällig',
  'cp.list.whitespace': 'Cross-Selling',
  'cp.list.upsell': 'Upselling',
  'cp.defaultName': '{list} {month}',
  'cp.defaultNamePair': '{list} {a} → {b} {month}',

  // Save dialog
  'cp.save.title': 'Liste als Kampagne speichern',
  'cp.save.intro':
    'Die Kampagne hält die Kunden der Liste zum Stichtag {date} fest. Später messen Sie damit, wer wieder gekauft hat.',
  'cp.save.name': 'Name der Kampagne',
  'cp.save.scope': 'Welche Kunden?',
  'cp.save.all': 'Die ganze Liste ({n} Kunden)',
  'cp.save.top': 'Nur die ersten',
  'cp.save.topUnit': 'Kunden der Liste (in ihrer Reihenfolge)',
  'cp.save.topLabel': 'Anzahl der ersten Kunden',
  'cp.save.holdOut': 'Vergleichsgruppe (zurückgehaltener Anteil)',
  'cp.save.holdOutWhy':
    'Dieser Anteil der Kunden wird zufällig nicht angeschrieben – so sehen Sie später, ob die Kampagne oder der Zufall die Kunden zurückgebracht hat.',
  'cp.save.holdOutCount': 'Etwa {held} Kunden werden zurückgehalten, {sent} angeschrieben.',
  'cp.save.window': 'Erfolg messen über',
  'cp.save.windowUnit': 'Tage nach dem Stichtag',
  'cp.save.stages': 'Ablauf in Stufen',
  'cp.save.stagesHint':
    'Vier Schritte ab dem Stichtag. Die Texte können Sie jetzt oder später anpassen; Felder in geschweiften Klammern werden je Kunde ausgefüllt.',
  'cp.save.submit': 'Kampagne speichern',
  'cp.save.saving': 'Wird gespeichert …',
  'cp.save.nameMissing': 'Bitte geben Sie der Kampagne einen Namen.',
  'cp.save.topMissing': 'Bitte geben Sie an, wie viele Kunden der Liste die Kampagne erhalten soll.',
  'cp.save.empty': 'Die Liste ist leer: Es gibt keine Kunden, die man als Kampagne speichern könnte.',
  'cp.save.failed': 'Die Kampagne konnte nicht gespeichert werden: {message}',
  'cp.close': 'Schließen',

  // Stages and fields
  'cp.stage.day': 'Tag {day}',
  'cp.stage.dayDate': 'Tag {day} – {date}',
  'cp.stage.title': 'Titel der Stufe',
  'cp.stage.text': 'Nachrichtentext',
  'cp.stage.insert': 'Feld einfügen:',
  'cp.stage.done': 'erledigt',
  'cp.stage.doneOn': 'erledigt am {date}',
  'cp.stage.reminder': 'Erinnerung',
  'cp.stage.reminderText':
    'Guten Tag {name},\n\nwir haben Sie vermisst! Ihre letzte Bestellung ({lastProducts}) liegt {daysSinceLastOrder} Tage zurück. Schauen Sie gern wieder bei uns vorbei – wir sind für Sie da.\n\nMit freundlichen Grüßen',
  'cp.stage.content': 'Inhalt',
  'cp.stage.contentText':
    'Guten Tag {name},\n\npassend zu {lastProducts} haben wir ein paar Tipps und Neuheiten für Sie zusammengestellt.\n\nMit freundlichen Grüßen',
  'cp.stage.offer': 'Angebot',
  'cp.stage.offerText':
    'Guten Tag {name},\n\nfür Ihre nächste Bestellung haben wir ein Angebot für Sie: 10 % Rabatt auf {usualProducts}, gültig für die nächsten 14 Tage.\n\nMit freundlichen Grüßen',
  'cp.stage.invitation': 'Persönliche Einladung',
  'cp.stage.invitationText':
    'Guten Tag {name},\n\nSie haben bei uns {orders} Bestellungen aufgegeben – dafür danke ich Ihnen. Ich würde mich freuen, persönlich mit Ihnen zu sprechen: Darf ich Sie in den nächsten Tagen anrufen?\n\nMit freundlichen Grüßen',
  'cp.field.customer': 'Kundennummer',
  'cp.field.name': 'Name',
  'cp.field.lastOrderDate': 'Datum der letzten Bestellung',
  'cp.field.daysSinceLastOrder': 'Tage seit letzter Bestellung',
  'cp.field.lastProducts': 'Letzte Produkte',
  'cp.field.usualProducts': 'Übliche Produkte',
  'cp.field.orders': 'Anzahl Bestellungen',
  'cp.field.revenue': 'Umsatz',
  'cp.field.suggestion': 'Vorschlag',
  'cp.field.insertTitle': 'Fügt {field} an der Schreibmarke ein',

  // Panel
  'cp.col.name': 'Name',
  'cp.col.list': 'Liste',
  'cp.col.date': 'Stichtag',
  'cp.col.size': 'Kunden',
  'cp.col.comparison': 'Vergleichsgruppe',
  'cp.col.dataset': 'Aus Datensatz',
  'cp.open': 'Öffnen',
  'cp.opened': 'Geöffnet',
  'cp.savedAt':
    'Gespeichert aus „{dataset}“ zum Stichtag {date}, {size} Kunden, Vergleichsgruppe {comparison}.',
  'cp.filters': 'Filter beim Speichern: {filters}',
  'cp.windowDays': 'Messfenster: {days} Tage',
  'cp.rename': 'Umbenennen',
  'cp.renameLabel': 'Neuer Name',
  'cp.delete': 'Löschen',
  'cp.deleteConfirm':
    'Die Kampagne „{name}“ löschen? Ihre Kundenliste, Vergleichsgruppe und Texte gehen verloren; die Daten bleiben.',
  'cp.error': 'Fehler: {message}',
  'cp.saved': 'Gespeichert',
  'cp.tab.workflow': 'Ablauf',
  'cp.tab.messages': 'Nachrichten',
  'cp.tab.outcome': 'Erfolg',

  // Messages
  'cp.msg.title': 'Nachrichten je Kunde',
  'cp.msg.intro':
    'Die Texte jeder Stufe, ausgefüllt mit der Geschichte jedes Kunden zum Stichtag – zum Kopieren in ein Mail- oder CRM-Programm.',
  'cp.msg.notSaved':
    'Der Datensatz „{dataset}“, aus dem die Kampagne stammt, ist gelöscht: Die Felder kommen aus dem gewählten Datensatz zum Stichtag der Kampagne.',
  'cp.msg.customer': 'Kunde',
  'cp.msg.name': 'Name',
  'cp.msg.page': 'Kunden {from}–{to} von {total}',
  'cp.msg.prev': 'Vorherige',
  'cp.msg.next': 'Nächste',
  'cp.msg.csv': 'CSV herunterladen',
  'cp.msg.copy': 'In die Zwischenablage',
  'cp.msg.copied': '{n} Zeilen kopiert (durch Tabulatoren getrennt).',
  'cp.msg.copyFailed':
    'Der Browser hat das Kopieren nicht erlaubt. Laden Sie stattdessen die CSV-Datei herunter.',
  'cp.msg.none': 'Die Kampagne hat keine Kunden.',
  'cp.msg.noNames':
    'Einige Kunden haben keinen Namen: Namen kommen aus den Kunden-Stammdaten. Bei ihnen bleibt {name} leer („Guten Tag,“). Importieren Sie Stammdaten mit Namen oder nehmen Sie das Feld „Name“ aus den Texten.',
  'cp.msg.file': 'kampagne-{name}-nachrichten',

  // Outcome
  'cp.out.title': 'Erfolg der Kampagne',
  'cp.out.measuredOn':
    'Gemessen auf „{dataset}“ bis zum Stichtag {asOf} (oben bei den Analyse-Einstellungen wählbar).',
  'cp.out.window': 'Messfenster: {start} bis {end} (die {days} Tage nach dem Kampagnen-Stichtag {c}).',
  'cp.out.partial':
    'Das Fenster ist gekürzt: Die Daten reichen nur {days} von {window} Tagen. Die Zahlen können noch steigen; importieren Sie später neuere Daten.',
  'cp.out.measure': 'Kennzahl',
  'cp.out.list': 'Angeschrieben (Liste)',
  'cp.out.comparison': 'Vergleichsgruppe',
  'cp.out.size': 'Kunden',
  'cp.out.converted.winBack': 'Davon wieder gekauft',
  'cp.out.converted.crossSell': 'Davon in {target} gekauft',
  'cp.out.rate.winBack': 'Rückgewinnungsquote',
  'cp.out.rate.crossSell': 'Cross-Selling-Quote',
  'cp.out.revenue': 'Umsatz im Fenster',
  'cp.out.targetRevenue': 'Davon Umsatz in {target}',
  'cp.out.missing': 'Nicht in den Daten gefunden',
  'cp.out.uplift': 'Zusätzlicher Effekt der Kampagne: {pp} Prozentpunkte',
  'cp.out.upliftWhy':
    '{rateList} der angeschriebenen gegenüber {rateComparison} der zurückgehaltenen Kunden. Bei kleinen Gruppen kann der Unterschied auch Zufall sein.',
  'cp.out.rateDef.winBack':
    'Rückgewinnungsquote = Kunden mit einem Kauf im Fenster ÷ Kunden der Gruppe. Der Umsatz zählt alle Kunden der Gruppe, Retouren eingerechnet.',
  'cp.out.rateDef.crossSell':
    'Cross-Selling-Quote = Kunden mit einem Kauf in {target} im Fenster ÷ Kunden der Gruppe. Der Umsatz zählt alle Kunden der Gruppe, Retouren eingerechnet.',
  'cp.out.noLaterData':
    'Noch kein Ergebnis: Die gewählten Daten reichen nur bis zum {asOf}, die Kampagne startete am {start}. Importieren Sie Daten, die nach dem {start} reichen, oder wählen Sie einen späteren Stichtag.',
  'cp.out.noComparison':
    'Keine Vergleichsgruppe: Beim Speichern wurde kein Anteil zurückgehalten. Ohne sie lässt sich nicht sagen, ob die Kampagne oder der Zufall gewirkt hat – halten Sie beim nächsten Mal einen Anteil zurück (z. B. 10 %).',
  'cp.out.emptyList': 'Die Gruppe hat keine Kunden.',
  'cp.out.missingNote':
    '{n} Kunden der Kampagne kommen in den gewählten Daten nicht vor; sie zählen als „nicht wieder gekauft“. Prüfen Sie, ob der richtige Datensatz gewählt ist.',
  'cp.out.loading': 'Der Erfolg wird berechnet …',
};

export const en: Texts<typeof de> = {
  'cp.title': 'Campaigns',
  'cp.intro':
    'A list saved with its date, customers and comparison group: the messages per stage, and later the measured outcome.',
  'cp.none': 'No campaigns yet. Save a list above with “Save as campaign”.',
  'cp.loading': 'Loading the campaigns …',

  'cp.list.reactivation': 'Reactivation',
  'cp.list.due': 'Due now',
  'cp.list.whitespace': 'Cross-sell',
  'cp.list.upsell': 'Upsell',
  'cp.defaultName': '{list} {month}',
  'cp.defaultNamePair': '{list} {a} → {b} {month}',

  'cp.save.title': 'Save the list as a campaign',
  'cp.save.intro':
    'The campaign keeps the customers of the list as of {date}. Later you use it to measure who bought again.',
  'cp.save.name': 'Campaign name',
  'cp.save.scope': 'Which customers?',
  'cp.save.all': 'The whole list ({n} customers)',
  'cp.save.top': 'Only the first',
  'cp.save.topUnit': 'customers of the list (in its order)',
  'cp.save.topLabel': 'Number of first customers',
  'cp.save.holdOut': 'Comparison group (share held back)',
  'cp.save.holdOutWhy':
    'This share of the customers is, at random, not contacted – so that you can later see whether the campaign or chance brought the customers back.',
  'cp.save.holdOutCount': 'About {held} customers are held back, {sent} contacted.',
  'cp.save.window': 'Measure the outcome over',
  'cp.save.windowUnit': 'days after the as-of date',
  'cp.save.stages': 'Staged workflow',
  'cp.save.stagesHint':
    'Four steps from the as-of date. Edit the texts now or later; fields in curly brackets are filled in for each customer.',
  'cp.save.submit': 'Save campaign',
  'cp.save.saving': 'Saving …',
  'cp.save.nameMissing': 'Please give the campaign a name.',
  'cp.save.topMissing': 'Please say how many customers of the list the campaign should reach.',
  'cp.save.empty': 'The list is empty: there are no customers to save as a campaign.',
  'cp.save.failed': 'The campaign could not be saved: {message}',
  'cp.close': 'Close',

  'cp.stage.day': 'Day {day}',
  'cp.stage.dayDate': 'Day {day} – {date}',
  'cp.stage.title': 'Stage title',
  'cp.stage.text': 'Message text',
  'cp.stage.insert': 'Insert a field:',
  'cp.stage.done': 'done',
  'cp.stage.doneOn': 'done on {date}',
  'cp.stage.reminder': 'Reminder',
  'cp.stage.reminderText':
    'Dear {name},\n\nwe have missed you! Your last order ({lastProducts}) was {daysSinceLastOrder} days ago. We would be glad to see you again – we are here for you.\n\nKind regards',
  'cp.stage.content': 'Content',
  'cp.stage.contentText':
    'Dear {name},\n\nto go with {lastProducts}, we have put together a few tips and new products for you.\n\nKind regards',
  'cp.stage.offer': 'Offer',
  'cp.stage.offerText':
    'Dear {name},\n\nfor your next order we have an offer for you: 10 % off {usualProducts}, valid for the next 14 days.\n\nKind regards',
  'cp.stage.invitation': 'Personal invitation',
  'cp.stage.invitationText':
    'Dear {name},\n\nyou have placed {orders} orders with us – thank you. I would be glad to talk to you in person: may I call you in the next few days?\n\nKind regards',
  'cp.field.customer': 'Customer number',
  'cp.field.name': 'Name',
  'cp.field.lastOrderDate': 'Date of the last order',
  'cp.field.daysSinceLastOrder': 'Days since the last order',
  'cp.field.lastProducts': 'Last products',
  'cp.field.usualProducts': 'Usual products',
  'cp.field.orders': 'Number of orders',
  'cp.field.revenue': 'Revenue',
  'cp.field.suggestion': 'Suggestion',
  'cp.field.insertTitle': 'Inserts {field} at the cursor',

  'cp.col.name': 'Name',
  'cp.col.list': 'List',
  'cp.col.date': 'As-of date',
  'cp.col.size': 'Customers',
  'cp.col.comparison': 'Comparison group',
  'cp.col.dataset': 'From dataset',
  'cp.open': 'Open',
  'cp.opened': 'Open',
  'cp.savedAt': 'Saved from “{dataset}” as of {date}, {size} customers, comparison group {comparison}.',
  'cp.filters': 'Filters when saved: {filters}',
  'cp.windowDays': 'Outcome window: {days} days',
  'cp.rename': 'Rename',
  'cp.renameLabel': 'New name',
  'cp.delete': 'Delete',
  'cp.deleteConfirm':
    'Delete the campaign “{name}”? Its customer list, comparison group and texts are lost; the data stays.',
  'cp.error': 'Error: {message}',
  'cp.saved': 'Saved',
  'cp.tab.workflow': 'Workflow',
  'cp.tab.messages': 'Messages',
  'cp.tab.outcome': 'Outcome',

  'cp.msg.title': 'Messages per customer',
  'cp.msg.intro':
    'The texts of each stage, filled in with each customer’s history as of the campaign’s date – ready to paste into a mail or CRM tool.',
  'cp.msg.notSaved':
    'The dataset “{dataset}” the campaign came from has been deleted: the fields come from the chosen dataset as of the campaign’s date.',
  'cp.msg.customer': 'Customer',
  'cp.msg.name': 'Name',
  'cp.msg.page': 'Customers {from}–{to} of {total}',
  'cp.msg.prev': 'Previous',
  'cp.msg.next': 'Next',
  'cp.msg.csv': 'Download CSV',
  'cp.msg.copy': 'Copy to clipboard',
  'cp.msg.copied': '{n} rows copied (tab-separated).',
  'cp.msg.copyFailed': 'The browser did not allow copying. Download the CSV file instead.',
  'cp.msg.none': 'The campaign has no customers.',
  'cp.msg.noNames':
    'Some customers have no name: names come from the customer master data. For them {name} stays empty (“Dear,”). Import master data with names, or take the “Name” field out of the texts.',
  'cp.msg.file': 'campaign-{name}-messages',

  'cp.out.title': 'Campaign outcome',
  'cp.out.measuredOn':
    'Measured on “{dataset}” up to the as-of date {asOf} (chosen above in the analysis controls).',
  'cp.out.window': 'Outcome window: {start} to {end} (the {days} days after the campaign’s as-of date {c}).',
  'cp.out.partial':
    'The window is cut short: the data covers only {days} of {window} days. The figures may still rise; import newer data later.',
  'cp.out.measure': 'Figure',
  'cp.out.list': 'Contacted (list)',
  'cp.out.comparison': 'Comparison group',
  'cp.out.size': 'Customers',
  'cp.out.converted.winBack': 'Of these, bought again',
  'cp.out.converted.crossSell': 'Of these, bought in {target}',
  'cp.out.rate.winBack': 'Win-back rate',
  'cp.out.rate.crossSell': 'Cross-sell rate',
  'cp.out.revenue': 'Revenue in the window',
  'cp.out.targetRevenue': 'Of which revenue in {target}',
  'cp.out.missing': 'Not found in the data',
  'cp.out.uplift': 'Additional effect of the campaign: {pp} percentage points',
  'cp.out.upliftWhy':
    '{rateList} of the contacted against {rateComparison} of the held-back customers. With small groups the difference may also be chance.',
  'cp.out.rateDef.winBack':
    'Win-back rate = customers with a purchase in the window ÷ customers of the group. The revenue counts every customer of the group, returns included.',
  'cp.out.rateDef.crossSell':
    'Cross-sell rate = customers with a purchase in {target} in the window ÷ customers of the group. The revenue counts every customer of the group, returns included.',
  'cp.out.noLaterData':
    'No outcome yet: the chosen data goes only up to {asOf}, and the campaign started on {start}. Import data that reaches beyond {start}, or choose a later as-of date.',
  'cp.out.noComparison':
    'No comparison group: no share was held back when saving. Without one it cannot be said whether the campaign or chance worked – next time, hold back a share (e.g. 10 %).',
  'cp.out.emptyList': 'The group has no customers.',
  'cp.out.missingNote':
    '{n} customers of the campaign do not occur in the chosen data; they count as “did not buy again”. Check that the right dataset is chosen.',
  'cp.out.loading': 'Computing the outcome …',
};

type Key = keyof typeof de;

export const LIST_LABEL: Record<ActionListKind, Key> = {
  reactivation: 'cp.list.reactivation',
  due: 'cp.list.due',
  whitespace: 'cp.list.whitespace',
  upsell: 'cp.list.upsell',
};

export const FIELD_LABEL: Record<MessageField, Key> = {
  customer: 'cp.field.customer',
  name: 'cp.field.name',
  lastOrderDate: 'cp.field.lastOrderDate',
  daysSinceLastOrder: 'cp.field.daysSinceLastOrder',
  lastProducts: 'cp.field.lastProducts',
  usualProducts: 'cp.field.usualProducts',
  orders: 'cp.field.orders',
  revenue: 'cp.field.revenue',
  suggestion: 'cp.field.suggestion',
};

/** The four default stages of a campaign: the day after the start, the title and the prefilled text. */
export const DEFAULT_STAGES: readonly { day: number; title: Key; text: Key }[] = [
  { day: 0, title: 'cp.stage.reminder', text: 'cp.stage.reminderText' },
  { day: 7, title: 'cp.stage.content', text: 'cp.stage.contentText' },
  { day: 14, title: 'cp.stage.offer', text: 'cp.stage.offerText' },
  { day: 21, title: 'cp.stage.invitation', text: 'cp.stage.invitationText' },
];

export const OUTCOME_REASON: Record<CampaignOutcomeReason, Key> = {
  noLaterData: 'cp.out.noLaterData',
  noComparison: 'cp.out.noComparison',
  emptyList: 'cp.out.emptyList',
};
