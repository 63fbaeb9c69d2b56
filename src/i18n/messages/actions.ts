/** Texts of the Actions view ("Whom do I contact now?"): the lists, their reasons and notes, cross-sell and exports. */
import type { Texts } from '../texts';

export const de = {
  'ac.title': 'Wen spreche ich jetzt an?',
};

export const en: Texts<typeof de> = {
  'ac.title': 'Whom do I contact now?',
};
