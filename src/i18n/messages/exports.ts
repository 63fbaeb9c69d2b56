/** File names of the exports (CSV and PNG), in the UI language; the extension is added where the file is written. */
import type { Texts } from '../texts';

export const de = {
  'file.heatmap': 'kohorten-{metric}',
  'file.cohortLtv': 'kohorten-ltv',
  'file.rfmMap': 'rfm-karte',
  'file.rfmSegments': 'rfm-segmente',
  'file.segments': 'segmente-{attribute}',
  'file.segmentChart': 'segmente-vergleich',
  'file.valueStream': 'wertstrom',
  'file.valueStreamTimes': 'wertstrom-zeiten',
  'file.trend': 'umsatz-trend',
  'file.lorenz': 'lorenzkurve',
  'file.holdout': 'holdout-nach-frequenz',
  'file.tracking': 'kumulierte-kaeufe',
  'file.pAlive': 'p-aktiv',
  'file.clvDistribution': 'clv-verteilung',
  'file.radar': 'selbstcheck-radar',
};

export const en: Texts<typeof de> = {
  'file.heatmap': 'cohorts-{metric}',
  'file.cohortLtv': 'cohort-ltv',
  'file.rfmMap': 'rfm-map',
  'file.rfmSegments': 'rfm-segments',
  'file.segments': 'segments-{attribute}',
  'file.segmentChart': 'segments-comparison',
  'file.valueStream': 'value-stream',
  'file.valueStreamTimes': 'value-stream-times',
  'file.trend': 'revenue-trend',
  'file.lorenz': 'lorenz-curve',
  'file.holdout': 'holdout-by-frequency',
  'file.tracking': 'cumulative-purchases',
  'file.pAlive': 'p-alive',
  'file.clvDistribution': 'clv-distribution',
  'file.radar': 'self-check-radar',
};
