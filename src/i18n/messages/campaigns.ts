/** Texts of the campaigns: saving a list, the staged workflow, the message fields and the measured outcome. */
import type { Texts } from '../texts';

export const de = {
  'cp.title': 'Kampagnen',
};

export const en: Texts<typeof de> = {
  'cp.title': 'Campaigns',
};
