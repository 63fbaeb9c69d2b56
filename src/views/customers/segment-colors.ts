import type { Segment } from '../../analytics/rfm';

/** The colour of each RFM segment on the map and in the segment table (white text on it meets contrast). */
export const SEG_COLORS: Record<Segment, string> = {
  champions: '#1a7f37',
  loyal: '#2f9e55',
  potentialLoyalists: '#6cb47c',
  newCustomers: '#1d4e89',
  promising: '#4a78b0',
  needAttention: '#b38600',
  aboutToSleep: '#c99a2e',
  cantLoseThem: '#b42318',
  atRisk: '#d9542b',
  hibernating: '#8c959f',
  lost: '#57606a',
};
