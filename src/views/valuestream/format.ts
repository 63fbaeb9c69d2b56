/** How the parts of the value stream view word phases, ratings, days and hours, and the columns of the steps. */
import { i18n } from '../../i18n/i18n.svelte';
import { PHASE_LABEL, RATING_LABEL } from '../../i18n/messages/valuestream';
import type { Phase, ValueRating } from '../../shared/valuestream';

export const phaseLabel = (p: Phase) => i18n.t(PHASE_LABEL[p]);
export const ratingLabel = (r: ValueRating) => i18n.t(RATING_LABEL[r]);
/** Hours and days with as many decimals as they have (up to two): 0.25 h stays 0.25 h, and 1.1 h stays 1.1 h
 * (1.1 × 10 is 11.000000000000002 in floating point, so a whole tenth is recognised with a tolerance). */
const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;
export const decimals = (n: number) => (whole(n) ? 0 : whole(n * 10) ? 1 : 2);
export const days = (d: number) => i18n.t('vs.daysShort', { n: i18n.num(d, d >= 10 ? 0 : decimals(d)) });
export const hours = (h: number) => i18n.t('vs.hoursShort', { n: i18n.num(h, decimals(h)) });

/** The columns of the steps, in the editor and in the print table. */
export const STEP_COLUMNS = [
  { key: 'name', num: false },
  { key: 'phase', num: false },
  { key: 'owner', num: false },
  { key: 'processHours', num: true },
  { key: 'waitDays', num: true },
  { key: 'costPerCustomer', num: true },
  { key: 'rating', num: false },
  { key: 'handoff', num: false },
] as const;
