import type { Segment } from '../../analytics/rfm';

/**
 * The colour of each RFM segment on the map and in the segment table. White text on every one of them meets WCAG AA
 * for normal text (contrast at least 4.5 : 1; the lightest, hibernating, is about 5.0 : 1), so they are drawn as they
 * are, never lightened.
 */
export const SEG_COLORS: Record<Segment, string> = {
  champions: '#0f5a26',
  loyal: '#1f7a3a',
  potentialLoyalists: '#2a7a6f',
  newCustomers: '#1d4e89',
  promising: '#3f6ea5',
  needAttention: '#8a6500',
  aboutToSleep: '#a35c00',
  cantLoseThem: '#b42318',
  atRisk: '#c2410c',
  hibernating: '#66707a',
  lost: '#454c54',
};
