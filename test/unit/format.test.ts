import { describe, expect, it } from 'vitest';
import { formatMoneyCompact, formatPercent } from '../../src/i18n/format';

describe('formatting', () => {
  it('short money for small spaces', () => {
    const nb = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(nb(formatMoneyCompact('de', 7674.9))).toBe('8 T€');
    expect(nb(formatMoneyCompact('de', 2_320_846))).toBe('2,3 Mio. €');
    expect(nb(formatMoneyCompact('de', 850))).toBe('850 €');
    expect(formatMoneyCompact('en', 36_375.8, 'GBP')).toBe('£36.4k');
    expect(formatMoneyCompact('en', null)).toBe('–');
  });
  it('percentages keep tiny shares visible', () => {
    const nb = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(nb(formatPercent('de', 6 / 35288))).toBe('0,02 %');
    expect(nb(formatPercent('de', 0.000001))).toBe('< 0,01 %');
    expect(formatPercent('en', 0.149)).toBe('14.9%');
  });
});
