// The RFM segment colours carry white text (the map's cells): each must reach WCAG AA for normal text, 4.5 : 1.
import { describe, expect, it } from 'vitest';
import { SEG_COLORS } from '../../src/views/customers/segment-colors';
import { SEGMENTS } from '../../src/analytics/rfm';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('segment colours', () => {
  it('the contrast formula gives the published values (black 21 : 1, #767676 about 4.54 : 1)', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 6);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
  });
  it('every segment has a colour on which white text reaches 4.5 : 1, and no two segments share one', () => {
    for (const s of SEGMENTS) expect(contrastWithWhite(SEG_COLORS[s]), s).toBeGreaterThanOrEqual(4.5);
    expect(new Set(SEGMENTS.map((s) => SEG_COLORS[s])).size).toBe(SEGMENTS.length);
  });
});
