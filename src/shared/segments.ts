/**
 * The eleven RFM segments (METRICS.md, "RFM"), in the order of the METRICS table. Here so that the contract types
 * of every layer (src/shared/actions.ts, the storage of campaigns) can name a segment; src/analytics/rfm.ts
 * assigns them.
 */
export const SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'newCustomers',
  'promising',
  'needAttention',
  'aboutToSleep',
  'cantLoseThem',
  'atRisk',
  'hibernating',
  'lost',
] as const;
export type Segment = (typeof SEGMENTS)[number];

export function isSegment(s: unknown): s is Segment {
  return typeof s === 'string' && (SEGMENTS as readonly string[]).includes(s);
}
