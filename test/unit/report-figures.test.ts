// The report takes "your figures" (the JSON the app downloads) where no flag set a CAC or margin; flags override.
import { describe, expect, it } from 'vitest';
import { withFigures } from '../../src/report/report';

describe('report: your figures', () => {
  it('fills CAC and margin rate from the figures, percent to rate', () => {
    expect(withFigures({}, { cac: 1250, marginPercent: 35 })).toEqual({ cac: 1250, marginRate: 0.35 });
  });
  it('keeps --cac and --margin as overrides and ignores figures not entered or out of range', () => {
    expect(withFigures({ cac: 80, marginRate: 0.2 }, { cac: 1250, marginPercent: 35 })).toEqual({
      cac: 80,
      marginRate: 0.2,
    });
    expect(withFigures({ asOf: '2025-01-01' }, { cac: null, marginPercent: 140 })).toEqual({
      asOf: '2025-01-01',
    });
  });
});
