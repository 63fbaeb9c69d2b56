/** Texts of the app shell: title, navigation, language, workspaces, shared buttons, charts, analysis controls, errors. */
import type { ErrorCode } from '../../shared/errors';
import type { Texts } from '../texts';

export const de = {
  'app.title': 'Kundenwert',
  'app.tagline': 'Kundenwert verstehen – Ihre Daten bleiben auf diesem Gerät',
  'app.skip': 'Zum Inhalt springen',
  'app.tabs.waitImport':
    'Ein anderer Tab von Kundenwert importiert gerade Daten; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitDelete':
    'Ein anderer Tab von Kundenwert löscht gerade Daten; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitRename':
    'Ein anderer Tab von Kundenwert benennt gerade etwas um; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitDeleteAll':
    'Ein anderer Tab von Kundenwert löscht gerade alle lokalen Daten; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitCreate':
    'Ein anderer Tab von Kundenwert legt gerade einen Arbeitsbereich an; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitBackup':
    'Ein anderer Tab von Kundenwert sichert oder stellt gerade einen Arbeitsbereich wieder her; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitOther':
    'Ein anderer Tab von Kundenwert speichert gerade Daten; bitte warten. Ihre Änderung folgt, sobald er fertig ist.',
  'app.tabs.waitHere':
    'Eine andere Änderung in diesem Tab läuft noch; bitte warten. Ihre Änderung folgt, sobald sie fertig ist.',
  'app.tabs.stopWaiting': 'Nicht warten',
  'app.tabs.datasetDeleted':
    'Der angezeigte Datensatz wurde in einem anderen Tab gelöscht. Angezeigt wird jetzt der neueste verbleibende Datensatz, falls es einen gibt.',
  'app.tabs.workspaceDeleted':
    'Der Arbeitsbereich dieses Tabs wurde in einem anderen Tab gelöscht. Angezeigt wird jetzt ein anderer Arbeitsbereich.',
  'app.tabs.allDeleted': 'In einem anderen Tab wurden alle lokalen Daten gelöscht.',
  'app.viewError.title': 'Diese Ansicht konnte nicht angezeigt werden',
  'app.viewError.body':
    'Beim Aufbau der Ansicht „{view}“ ist ein unerwarteter Fehler aufgetreten. Die Navigation und die übrigen Ansichten funktionieren weiter.',
  'app.viewError.safe':
    'Es sind keine Daten verloren gegangen: Gelöscht wurde nichts, Ihre Datensätze und Eingaben sind unverändert gespeichert.',
  'app.viewError.hint':
    'Wählen Sie oben eine andere Ansicht oder kehren Sie zu den Daten zurück. Tritt der Fehler wieder auf, laden Sie die Seite neu.',
  'app.viewError.details': 'Technische Meldung',
  'app.viewError.back': 'Zu den Daten',
  'nav.label': 'Hauptnavigation',
  'nav.import': 'Daten',
  'nav.actions': 'Aktionen',
  'nav.economics': 'Wirtschaftlichkeit',
  'nav.settings': 'Einstellungen',
  'nav.overview': 'Übersicht',
  'nav.customers': 'Kunden',
  'nav.cohorts': 'Kohorten',
  'nav.segments': 'Segmente',
  'chart.showTable': 'Tabelle',
  'chart.showChart': 'Diagramm',
  'ctl.asOfReset': 'Stichtag zurücksetzen',
  'attr.master': '{label} (Stammdaten)',
  'attr.notInMaster': '(nicht in den Stammdaten)',
  'lang.label': 'Sprache',
  'ws.label': 'Arbeitsbereich',
  'ws.new': 'Neuer Arbeitsbereich',
  'ws.defaultName': 'Mein Arbeitsbereich',
  'ws.newName': 'Name des neuen Arbeitsbereichs',
  'common.cancel': 'Abbrechen',
  'common.delete': 'Löschen',
  'common.rename': 'Umbenennen',
  'common.save': 'Speichern',
  'common.back': 'Zurück',
  'common.none': '– keine –',
  'common.yes': 'Ja',
  'common.loading': 'Wird geladen …',
  'common.dismiss': 'Ausblenden',
  'common.formula': 'Formel',

  'error.emptyFile': 'Die Datei ist leer. Bitte wählen Sie einen Export, der Daten enthält.',
  'error.notCsv':
    'Das ist keine CSV-Datei, sondern eine Excel-Arbeitsmappe, ein PDF oder eine andere Binärdatei. Öffnen Sie sie in Excel und speichern Sie sie über „Speichern unter“ als „CSV UTF-8 (durch Trennzeichen getrennt)“.',
  'error.tooManyColumns':
    'Die Datei hat {columns} Spalten in einer Zeile, mehr als {max}: Das ist kein Bestellexport (vielleicht fehlen die Zeilenumbrüche oder das Trennzeichen stimmt nicht). Prüfen Sie den Export und wählen Sie die Datei erneut.',
  'error.headerOnly':
    'Die Datei enthält nur eine Kopfzeile und keine Daten. Bitte exportieren Sie die Bestellungen erneut mit Inhalt.',
  'error.missingRequired': 'Bitte ordnen Sie zuerst Kundennummer und Datum zu.',
  'error.encoding':
    'Ab Zeile {line} ist die Datei nicht UTF-8-kodiert, davor schon: Sie mischt zwei Zeichenkodierungen. Speichern Sie die Datei neu als „CSV UTF-8“ (Excel: Speichern unter) und importieren Sie sie erneut. Es wurde nichts gespeichert.',
  'error.quota':
    'Der Speicher des Browsers ist voll. Es wurde nichts gespeichert. Löschen Sie nicht mehr benötigte Datensätze (Einstellungen) oder geben Sie Speicherplatz frei und versuchen Sie es erneut.',
  'error.tooLarge':
    'Die Datei ist zu groß für den Arbeitsspeicher dieses Browsers: Nach {rows} Zeilen war er erschöpft. Es wurde nichts gespeichert. Schließen Sie andere Tabs und versuchen Sie es erneut, oder exportieren Sie einen kürzeren Zeitraum (z. B. die letzten drei Jahre) und importieren Sie diesen.',
  'error.importCrashed':
    'Die Rechen-Engine ist während des Imports dieser Datei ({size}) ausgefallen, höchstwahrscheinlich weil der Arbeitsspeicher des Browsers nicht ausreichte. Es wurde nichts gespeichert. Schließen Sie andere Tabs und versuchen Sie es erneut, oder exportieren Sie einen kürzeren Zeitraum und importieren Sie diesen.',
  'error.layoutNoRows':
    'Wenn {skip} Zeilen vor der Kopfzeile übersprungen werden, bleiben keine Datenzeilen übrig. Verringern Sie die Zahl der zu überspringenden Zeilen.',
  'error.cancelled': 'Der Import wurde abgebrochen. Es wurde nichts gespeichert.',
  'error.unclosedQuote':
    'Ab Zeile {line} ist ein Anführungszeichen nicht geschlossen, daher liest sich der Rest der Datei als eine Zelle. Korrigieren Sie die Zeile in der Datei und importieren Sie erneut. Es wurde nichts gespeichert.',
  'error.nothingImported':
    'Keine der {rows} Zeilen konnte übernommen werden (häufigster Grund: {reason}). Prüfen Sie Spaltenzuordnung, Datums- und Zahlenformat.',
  'error.notFound': 'Der Datensatz wurde nicht gefunden.',
  'error.campaignEmpty':
    'Die Liste ist leer: Es gibt keine Kunden, die als Kampagne gespeichert werden könnten. Ändern Sie die Kriterien der Liste oder den Stichtag.',
  'error.campaignInvalid':
    'Die Kampagne kann so nicht gespeichert werden: Sie braucht einen Namen, ein Messfenster von 1 bis 730 Tagen und einen zurückgehaltenen Anteil von 0 bis 50 %.',
  'error.workerCrashed':
    'Die Rechen-Engine wurde unerwartet beendet und neu gestartet. Ihre gespeicherten Daten sind unversehrt; ein laufender Import wurde vollständig verworfen. Öffnen Sie die Ansicht erneut, um sie neu zu berechnen.',
  'error.backupWrongPassphrase':
    'Die Passphrase öffnet diese Datei nicht. Prüfen Sie die Schreibweise (Groß- und Kleinschreibung) und versuchen Sie es erneut. Es wurde nichts verändert.',
  'error.backupTruncated':
    'Die Datei ist unvollständig: Sie endet vor ihrem letzten Teil, vermutlich wurde sie nicht ganz kopiert. Kopieren Sie die Datei erneut vom Original und versuchen Sie es dann noch einmal. Es wurde nichts verändert.',
  'error.backupTampered':
    'Die Datei wurde verändert, nachdem sie geschrieben wurde (ein Teil lässt sich nicht bestätigen). Verwenden Sie eine unveränderte Kopie der Sicherung. Es wurde nichts verändert.',
  'error.backupNotABackup':
    'Das ist keine Arbeitsbereich-Datei von Kundenwert. Wählen Sie die Datei mit der Endung „.kundenwert“. Es wurde nichts verändert.',
  'error.backupNewerVersion':
    'Die Datei wurde mit einer neueren Version von Kundenwert geschrieben. Aktualisieren Sie die App (Seite neu laden) und versuchen Sie es erneut. Es wurde nichts verändert.',
  'error.backupNewerSchema':
    'Die Datei enthält Daten im Datenstand {file}; diese Version von Kundenwert kennt nur Datenstände bis {app}. Sie wurde also mit einer neueren App geschrieben. Aktualisieren Sie die App (Seite neu laden, bei einer installierten App nach dem Update fragen) und versuchen Sie es erneut. Es wurde nichts verändert.',
  'error.unexpected':
    'Ein unerwarteter Fehler ist aufgetreten. Laden Sie die Seite neu und versuchen Sie es erneut. (Technische Meldung „{message}“)',
  'error.demoMissing':
    'Die Demodaten sind in dieser Installation nicht enthalten. Importieren Sie stattdessen eine eigene Datei.',
  'error.demoUnreachable':
    'Die Demodaten konnten nicht geladen werden: Der Server, von dem Kundenwert geöffnet wurde, ist nicht erreichbar (vermutlich ist dieses Gerät offline), und dieser Browser hat sie noch nicht für die Offline-Nutzung gespeichert. Das geschieht beim ersten Besuch mit Verbindung. Versuchen Sie es mit Verbindung erneut oder importieren Sie eine eigene Datei.',
  'update.ready':
    'Eine neue Version von Kundenwert ist bereit. Laden Sie die Seite neu, um sie zu verwenden; Ihre gespeicherten Daten bleiben erhalten.',
  'update.reload': 'Neu laden',

  'nav.forecast': 'Prognose',
  'nav.selfcheck': 'Selbstcheck',
  'nav.valuestream': 'Wertstrom',
  'nav.report': 'Bericht',
};

export const en: Texts<typeof de> = {
  'app.title': 'Kundenwert',
  'app.tagline': 'Understand customer value – your data stays on this device',
  'app.skip': 'Skip to content',
  'app.tabs.waitImport':
    'Another tab of Kundenwert is importing data; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitDelete':
    'Another tab of Kundenwert is deleting data; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitRename':
    'Another tab of Kundenwert is renaming something; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitDeleteAll':
    'Another tab of Kundenwert is deleting all local data; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitCreate':
    'Another tab of Kundenwert is creating a workspace; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitBackup':
    'Another tab of Kundenwert is backing up or restoring a workspace; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitOther':
    'Another tab of Kundenwert is saving data; please wait. Your change follows as soon as it is done.',
  'app.tabs.waitHere':
    'Another change in this tab is still running; please wait. Your change follows as soon as it is done.',
  'app.tabs.stopWaiting': 'Stop waiting',
  'app.tabs.datasetDeleted':
    'The dataset shown was deleted in another tab. The newest remaining dataset is shown now, if there is one.',
  'app.tabs.workspaceDeleted':
    "This tab's workspace was deleted in another tab. Another workspace is shown now.",
  'app.tabs.allDeleted': 'All local data was deleted in another tab.',
  'app.viewError.title': 'This view could not be shown',
  'app.viewError.body':
    'An unexpected error occurred while building the view “{view}”. The navigation and the other views keep working.',
  'app.viewError.safe':
    'No data was lost: nothing was deleted, your datasets and entries are stored as they were.',
  'app.viewError.hint':
    'Choose another view above or go back to the data. If the error comes back, reload the page.',
  'app.viewError.details': 'Technical message',
  'app.viewError.back': 'Back to the data',
  'nav.label': 'Main navigation',
  'nav.import': 'Data',
  'nav.actions': 'Actions',
  'nav.economics': 'Economics',
  'nav.settings': 'Settings',
  'nav.overview': 'Overview',
  'nav.customers': 'Customers',
  'nav.cohorts': 'Cohorts',
  'nav.segments': 'Segments',
  'chart.showTable': 'Table',
  'chart.showChart': 'Chart',
  'ctl.asOfReset': 'Reset the as-of date',
  'attr.master': '{label} (master data)',
  'attr.notInMaster': '(not in master data)',
  'lang.label': 'Language',
  'ws.label': 'Workspace',
  'ws.new': 'New workspace',
  'ws.defaultName': 'My workspace',
  'ws.newName': 'Name of the new workspace',
  'common.cancel': 'Cancel',
  'common.delete': 'Delete',
  'common.rename': 'Rename',
  'common.save': 'Save',
  'common.back': 'Back',
  'common.none': '– none –',
  'common.yes': 'Yes',
  'common.loading': 'Loading …',
  'common.dismiss': 'Dismiss',
  'common.formula': 'Formula',

  'error.emptyFile': 'The file is empty. Please choose an export that contains data.',
  'error.notCsv':
    'This is not a CSV file but an Excel workbook, a PDF or another binary file. Open it in Excel and use “Save As” → “CSV UTF-8 (comma delimited)”.',
  'error.tooManyColumns':
    'The file has {columns} columns in one row, more than {max}: this is not an order export (perhaps the line breaks are missing or the delimiter is wrong). Check the export and choose the file again.',
  'error.headerOnly':
    'The file holds only a header row and no data. Please export the orders again with content.',
  'error.missingRequired': 'Please map the customer id and the date first.',
  'error.encoding':
    'From line {line} on the file is not UTF-8, before it is: it mixes two character encodings. Save the file again as “CSV UTF-8” (Excel: Save As) and import it again. Nothing was stored.',
  'error.quota':
    'The browser storage is full. Nothing was stored. Delete datasets you no longer need (Settings) or free disk space, then try again.',
  'error.tooLarge':
    'The file is too large for the memory of this browser: it ran out after {rows} rows. Nothing was stored. Close other tabs and try again, or export a shorter period (for example the last three years) and import that.',
  'error.importCrashed':
    'The computing engine stopped during the import of this file ({size}), most likely because the browser ran out of memory. Nothing was stored. Close other tabs and try again, or export a shorter period and import that.',
  'error.layoutNoRows':
    'With {skip} rows skipped before the header, no data rows are left. Lower the number of rows to skip.',
  'error.cancelled': 'The import was cancelled. Nothing was stored.',
  'error.unclosedQuote':
    'From line {line} on a quote is never closed, so the rest of the file reads as one cell. Fix that line in the file and import again. Nothing was stored.',
  'error.nothingImported':
    'None of the {rows} rows could be imported (most common reason: {reason}). Check the column mapping and the date and number formats.',
  'error.notFound': 'The dataset was not found.',
  'error.campaignEmpty':
    'The list is empty: there are no customers to save as a campaign. Change the list’s criteria or the as-of date.',
  'error.campaignInvalid':
    'The campaign cannot be saved like this: it needs a name, an outcome window of 1 to 730 days and a held-back share of 0 to 50 %.',
  'error.workerCrashed':
    'The computing engine stopped unexpectedly and was restarted. Your stored data is intact; an import that was running was discarded completely. Open the view again to recompute it.',
  'error.backupWrongPassphrase':
    'The passphrase does not open this file. Check the spelling (upper and lower case) and try again. Nothing was changed.',
  'error.backupTruncated':
    'The file is incomplete: it ends before its last part, probably it was not copied completely. Copy the file again from the original and try once more. Nothing was changed.',
  'error.backupTampered':
    'The file was changed after it was written (a part cannot be verified). Use an unchanged copy of the backup. Nothing was changed.',
  'error.backupNotABackup':
    'This is not a Kundenwert workspace file. Choose the file ending in “.kundenwert”. Nothing was changed.',
  'error.backupNewerVersion':
    'The file was written by a newer version of Kundenwert. Update the app (reload the page) and try again. Nothing was changed.',
  'error.backupNewerSchema':
    'The file holds data of data version {file}; this version of Kundenwert knows data versions up to {app} only, so the file was written by a newer app. Update the app (reload the page; an installed app asks to update) and try again. Nothing was changed.',
  'error.unexpected':
    'An unexpected error occurred. Reload the page and try again. (Technical message “{message}”)',
  'error.demoMissing': 'The demo data is not part of this installation. Import a file of your own instead.',
  'error.demoUnreachable':
    'The demo data could not be loaded: the server Kundenwert was opened from cannot be reached (most likely this device is offline), and this browser has not stored it for offline use yet. That happens on the first visit with a connection. Try again when connected, or import a file of your own.',
  'update.ready':
    'A new version of Kundenwert is ready. Reload the page to use it; your stored data stays as it is.',
  'update.reload': 'Reload',

  'nav.forecast': 'Forecast',
  'nav.selfcheck': 'Self-check',
  'nav.valuestream': 'Value stream',
  'nav.report': 'Report',
};

type Key = keyof typeof de;

/** The message of each error code (parameters: those of the error, and {message}). */
export const ERROR_TEXT: Record<ErrorCode, Key> = {
  emptyFile: 'error.emptyFile',
  notCsv: 'error.notCsv',
  headerOnly: 'error.headerOnly',
  missingRequired: 'error.missingRequired',
  encoding: 'error.encoding',
  quota: 'error.quota',
  cancelled: 'error.cancelled',
  tooLarge: 'error.tooLarge',
  importCrashed: 'error.importCrashed',
  layoutNoRows: 'error.layoutNoRows',
  unclosedQuote: 'error.unclosedQuote',
  nothingImported: 'error.nothingImported',
  notFound: 'error.notFound',
  workerCrashed: 'error.workerCrashed',
  demoMissing: 'error.demoMissing',
  demoUnreachable: 'error.demoUnreachable',
  tooManyColumns: 'error.tooManyColumns',
  campaignEmpty: 'error.campaignEmpty',
  campaignInvalid: 'error.campaignInvalid',
  backupWrongPassphrase: 'error.backupWrongPassphrase',
  backupTruncated: 'error.backupTruncated',
  backupTampered: 'error.backupTampered',
  backupNotABackup: 'error.backupNotABackup',
  backupNewerVersion: 'error.backupNewerVersion',
  backupNewerSchema: 'error.backupNewerSchema',
  unexpected: 'error.unexpected',
};
