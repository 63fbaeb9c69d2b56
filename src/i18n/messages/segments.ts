/** Texts of the Segments view. */
import type { Texts } from '../texts';

export const de = {
  'sg.title': 'Segmente: Welche Gruppen schaffen Wert?',
  'sg.kpiTable': 'Kennzahlen je Wert',
  'sg.attribute': 'Merkmal',
  'sg.compare': 'Vergleichen nach',
  'sg.none':
    'Dieser Datensatz hat kein Merkmal (Kanal, Warengruppe, Region, …). Ordnen Sie beim Import eine solche Spalte zu.',
};

export const en: Texts<typeof de> = {
  'sg.title': 'Segments: which groups create value?',
  'sg.kpiTable': 'KPIs per value',
  'sg.attribute': 'Attribute',
  'sg.compare': 'Compare by',
  'sg.none':
    'This dataset has no attribute (channel, category, region, …). Map such a column when importing.',
};
