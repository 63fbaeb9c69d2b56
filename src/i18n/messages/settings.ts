/** Texts of settings and "Delete all local data". */
import type { Texts } from '../texts';

export const de = {
  'settings.title': 'Einstellungen',
  'settings.language': 'Sprache der Oberfläche',
  'settings.workspaces': 'Arbeitsbereiche',
  'settings.datasets': '{n} Datensätze',
  'settings.datasetOne': '1 Datensatz',
  'settings.active': 'aktiv',
  'settings.deleteWorkspace': 'Arbeitsbereich löschen',
  'settings.confirmDeleteWorkspace': 'Arbeitsbereich „{name}“ mit allen Datensätzen löschen?',
  'settings.storage': 'Lokaler Speicher',
  'settings.storageUsage': '{usage} von {quota} belegt',
  'settings.persisted': 'Der Browser hält die Daten dauerhaft vor.',
  'settings.notPersisted':
    'Der Browser darf die Daten bei Speichermangel löschen; Ihre Originaldateien bleiben davon unberührt.',
  'settings.privacy':
    'Kundenwert arbeitet vollständig in diesem Browser. Es werden keine Daten an einen Server gesendet; die App lädt nichts von fremden Adressen.',
  'settings.deleteAll': 'Alle lokalen Daten löschen',
  'settings.deleteAllHint':
    'Löscht alle Arbeitsbereiche, Datensätze, Selbstchecks, Wertstromkarten, Maßnahmentexte und Einstellungen auf diesem Gerät. Nur die Spracheinstellung bleibt erhalten.',
  'settings.confirmDeleteAll':
    'Wirklich alle lokalen Daten löschen? Alle Arbeitsbereiche und Datensätze auf diesem Gerät gehen verloren.',
  'settings.deleteAllConfirm': 'Ja, alles löschen',
  'settings.deletedAll': 'Alle lokalen Daten wurden gelöscht.',
};

export const en: Texts<typeof de> = {
  'settings.title': 'Settings',
  'settings.language': 'Interface language',
  'settings.workspaces': 'Workspaces',
  'settings.datasets': '{n} datasets',
  'settings.datasetOne': '1 dataset',
  'settings.active': 'active',
  'settings.deleteWorkspace': 'Delete workspace',
  'settings.confirmDeleteWorkspace': 'Delete workspace “{name}” with all its datasets?',
  'settings.storage': 'Local storage',
  'settings.storageUsage': '{usage} of {quota} used',
  'settings.persisted': 'The browser keeps the data persistently.',
  'settings.notPersisted':
    'The browser may evict the data when space runs low; your original files are not affected.',
  'settings.privacy':
    'Kundenwert runs entirely in this browser. No data is sent to any server; the app loads nothing from other addresses.',
  'settings.deleteAll': 'Delete all local data',
  'settings.deleteAllHint':
    'Deletes all workspaces, datasets, self-checks, value stream maps, action texts and settings on this device. Only the language stays.',
  'settings.confirmDeleteAll':
    'Really delete all local data? Every workspace and dataset on this device will be lost.',
  'settings.deleteAllConfirm': 'Yes, delete everything',
  'settings.deletedAll': 'All local data was deleted.',
};
