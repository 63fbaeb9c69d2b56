/** Texts of backing up and restoring a workspace (Settings); they load with the Settings view. */
import type { Texts } from '../texts';

export const de = {
  'bk.title': 'Arbeitsbereich sichern und wiederherstellen',
  'bk.intro':
    'Eine Sicherung ist eine verschlüsselte Datei mit allen Datensätzen, Einstellungen, Selbstchecks, Wertstromkarten und Kampagnen des Arbeitsbereichs. Mit ihr nehmen Sie einen Arbeitsbereich auf ein anderes Gerät mit.',
  'bk.backup': 'Arbeitsbereich sichern …',
  'bk.restore': 'Sicherung wiederherstellen …',
  'bk.backupTitle': 'Arbeitsbereich „{name}“ sichern',
  'bk.why':
    'Die Datei enthält Kundendaten und reist per USB-Stick oder E-Mail. Sie wird deshalb mit einer Passphrase verschlüsselt. Ohne die Passphrase lässt sich die Datei nicht öffnen – es gibt keine Wiederherstellung. Notieren Sie sie sicher und geben Sie sie nicht mit der Datei weiter.',
  'bk.passphrase': 'Passphrase (mindestens {min} Zeichen)',
  'bk.passphraseAgain': 'Passphrase wiederholen',
  'bk.tooShort': 'Die Passphrase braucht mindestens {min} Zeichen.',
  'bk.mismatch': 'Die beiden Eingaben stimmen nicht überein.',
  'bk.start': 'Sichern und herunterladen',
  'bk.writing': 'Die Sicherung wird verschlüsselt … {rows} Zeilen geschrieben.',
  'bk.done': 'Gesichert: Die Datei „{file}“ wurde heruntergeladen.',
  'bk.downloadAgain': 'Erneut herunterladen',
  'bk.restoreTitle': 'Sicherung wiederherstellen',
  'bk.restoreIntro':
    'Wählen Sie eine Sicherungsdatei (Endung „.kundenwert“). Vorhandene Arbeitsbereiche bleiben unverändert, außer Sie wählen ausdrücklich „Ersetzen“.',
  'bk.file': 'Sicherungsdatei',
  'bk.fileInfo': 'Gesichert am {date} · Dateiformat {format} · Datenstand {schema}',
  'bk.reading': 'Die Datei wird geprüft …',
  'bk.restorePassphrase': 'Passphrase der Sicherung',
  'bk.next': 'Wiederherstellen',
  'bk.restoring': 'Die Sicherung wird entschlüsselt und wiederhergestellt …',
  'bk.exists':
    'Es gibt hier schon einen Arbeitsbereich „{name}“. Stellen Sie die Sicherung daneben wieder her (der vorhandene bleibt unverändert) oder ersetzen Sie ihn.',
  'bk.beside': 'Daneben als „{name}“ wiederherstellen',
  'bk.replace': 'Den vorhandenen „{name}“ ersetzen …',
  'bk.confirmReplace':
    'Arbeitsbereich „{name}“ mit allen Datensätzen durch die Sicherung ersetzen? Der vorhandene wird gelöscht, sobald die Sicherung vollständig wiederhergestellt ist.',
  'bk.replaceConfirm': 'Ja, ersetzen',
  'bk.restoredName': '{name} (wiederhergestellt)',
  'bk.restoredNameN': '{name} (wiederhergestellt {n})',
  'bk.tight':
    'Der Speicher wird vermutlich nicht reichen: Wiederhergestellt braucht die Sicherung etwa {needed} (rund das {factor}-Fache der Datei von {size}), der Browser hat für Kundenwert noch {free} frei. Geben Sie Speicher frei, etwa indem Sie nicht mehr benötigte Arbeitsbereiche löschen, oder versuchen Sie es trotzdem: Reicht der Speicher nicht, bricht die Wiederherstellung ab und es wird nichts verändert.',
  'bk.restored': 'Wiederhergestellt: Angezeigt wird jetzt der Arbeitsbereich „{name}“.',
  'bk.restoredSettingsLost':
    'Die Daten sind vollständig zurück, aber der Browser hat die lokalen Einstellungen des Arbeitsbereichs (Aktionstexte, Berichtsangaben mit Logo) nicht gespeichert, weil sein lokaler Speicher voll oder gesperrt ist. Geben Sie sie bei Bedarf neu ein, oder schaffen Sie Platz und stellen Sie die Sicherung noch einmal daneben wieder her.',
  'bk.close': 'Schließen',
};

export const en: Texts<typeof de> = {
  'bk.title': 'Back up and restore a workspace',
  'bk.intro':
    'A backup is one encrypted file with every dataset, setting, self-check, value stream map and campaign of the workspace. With it you carry a workspace to another device.',
  'bk.backup': 'Back up workspace …',
  'bk.restore': 'Restore a backup …',
  'bk.backupTitle': 'Back up workspace “{name}”',
  'bk.why':
    'The file holds customer data and travels by USB stick or e-mail, so it is encrypted with a passphrase. Without the passphrase the file cannot be opened – there is no recovery. Note it down safely and do not send it with the file.',
  'bk.passphrase': 'Passphrase (at least {min} characters)',
  'bk.passphraseAgain': 'Repeat the passphrase',
  'bk.tooShort': 'The passphrase needs at least {min} characters.',
  'bk.mismatch': 'The two entries do not match.',
  'bk.start': 'Back up and download',
  'bk.writing': 'Encrypting the backup … {rows} rows written.',
  'bk.done': 'Backed up: the file “{file}” was downloaded.',
  'bk.downloadAgain': 'Download again',
  'bk.restoreTitle': 'Restore a backup',
  'bk.restoreIntro':
    'Choose a backup file (ending in “.kundenwert”). Existing workspaces stay unchanged unless you explicitly choose “Replace”.',
  'bk.file': 'Backup file',
  'bk.fileInfo': 'Backed up on {date} · file format {format} · data version {schema}',
  'bk.reading': 'Checking the file …',
  'bk.restorePassphrase': 'Passphrase of the backup',
  'bk.next': 'Restore',
  'bk.restoring': 'Decrypting and restoring the backup …',
  'bk.exists':
    'A workspace “{name}” already exists here. Restore the backup beside it (the existing one stays unchanged) or replace it.',
  'bk.beside': 'Restore beside it as “{name}”',
  'bk.replace': 'Replace the existing “{name}” …',
  'bk.confirmReplace':
    'Replace workspace “{name}” and all its datasets with the backup? The existing one is deleted once the backup is completely restored.',
  'bk.replaceConfirm': 'Yes, replace',
  'bk.restoredName': '{name} (restored)',
  'bk.restoredNameN': '{name} (restored {n})',
  'bk.tight':
    'The storage will probably not suffice: restored, the backup takes about {needed} (around {factor} times the file of {size}), and the browser has {free} left for Kundenwert. Free some storage, for instance by deleting workspaces you no longer need, or try anyway: if the storage runs out, the restore stops and nothing is changed.',
  'bk.restored': 'Restored: the workspace “{name}” is shown now.',
  'bk.restoredSettingsLost':
    "All data is back, but the browser did not keep the workspace's local settings (action texts, report details with logo) because its local storage is full or blocked. Enter them again if needed, or free some space and restore the backup beside it once more.",
  'bk.close': 'Close',
};
