import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput } from '../../src/i18n/number-input';
import { plausibilityQuestion } from '../../src/shared/plausibility';

const ok = (value: number | null) => ({ ok: true, value });

describe('parseNumberInput, German', () => {
  it('reads the decimal comma and the thousands point', () => {
    expect(parseNumberInput('de', '1.250')).toEqual(ok(1250));
    expect(parseNumberInput('de', '1,5')).toEqual(ok(1.5));
    expect(parseNumberInput('de', '0,25')).toEqual(ok(0.25));
    expect(parseNumberInput('de', '1.250,50')).toEqual(ok(1250.5));
    expect(parseNumberInput('de', '12.500.000')).toEqual(ok(12_500_000));
    expect(parseNumberInput('de', '1 250')).toEqual(ok(1250));
    expect(parseNumberInput('de', '1\u00a0250,5 €')).toEqual(ok(1250.5));
    expect(parseNumberInput('de', ',5')).toEqual(ok(0.5));
    expect(parseNumberInput('de', '42 %')).toEqual(ok(42));
    expect(parseNumberInput('de', '  ')).toEqual(ok(null));
  });
  it('refuses a point that is not a thousands point, with the English reading as a suggestion', () => {
    expect(parseNumberInput('de', '1.25')).toEqual({ ok: false, problem: 'wrongDecimal', suggestion: 1.25 });
    expect(parseNumberInput('de', '1.2345')).toEqual({
      ok: false,
      problem: 'wrongDecimal',
      suggestion: 1.2345,
    });
    expect(parseNumberInput('de', '1.5')).toEqual({ ok: false, problem: 'wrongDecimal', suggestion: 1.5 });
    expect(parseNumberInput('de', '1,250.50')).toEqual({
      ok: false,
      problem: 'wrongDecimal',
      suggestion: 1250.5,
    });
  });
  it('refuses junk', () => {
    for (const s of ['1,2,3', '1.25.0', '12.34.567', 'abc', '1e3', '5,', '1..250', '0x10', '1.250,5,0'])
      expect(parseNumberInput('de', s), s).toEqual({ ok: false, problem: 'invalid' });
  });
  it('checks sign and bounds', () => {
    expect(parseNumberInput('de', '-3')).toEqual({ ok: false, problem: 'negative' });
    expect(parseNumberInput('de', '-3,5', { allowNegative: true })).toEqual(ok(-3.5));
    expect(parseNumberInput('de', '101', { max: 100 })).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseNumberInput('de', '100', { max: 100 })).toEqual(ok(100));
  });
});

describe('parseNumberInput, English', () => {
  it('reads the decimal point and the thousands comma', () => {
    expect(parseNumberInput('en', '1,250')).toEqual(ok(1250));
    expect(parseNumberInput('en', '1.5')).toEqual(ok(1.5));
    expect(parseNumberInput('en', '1.250')).toEqual(ok(1.25));
    expect(parseNumberInput('en', '1,250.50')).toEqual(ok(1250.5));
    expect(parseNumberInput('en', '£1,250')).toEqual(ok(1250));
  });
  it('refuses a comma that is not a thousands comma', () => {
    expect(parseNumberInput('en', '1,5')).toEqual({ ok: false, problem: 'wrongDecimal', suggestion: 1.5 });
    expect(parseNumberInput('en', '1.250,5')).toEqual({
      ok: false,
      problem: 'wrongDecimal',
      suggestion: 1250.5,
    });
    expect(parseNumberInput('en', '1,2345')).toEqual({
      ok: false,
      problem: 'wrongDecimal',
      suggestion: 1.2345,
    });
    expect(parseNumberInput('en', '1,25,0')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('formatNumberInput', () => {
  it('shows the language’s separators and reads back the same value', () => {
    expect(formatNumberInput('de', 0.25)).toBe('0,25');
    expect(formatNumberInput('de', 1250)).toBe('1.250');
    expect(formatNumberInput('en', 1250.5)).toBe('1,250.5');
    expect(formatNumberInput('de', null)).toBe('');
    for (const n of [0, 0.25, 1.5, 1250, 1250.75, 12_500_000, 3.1416])
      for (const l of ['de', 'en'] as const)
        expect(parseNumberInput(l, formatNumberInput(l, n))).toEqual(ok(n));
  });

  it('shows money with its two decimals, also trailing zeros, and reads back the same value', () => {
    expect(formatNumberInput('de', 1234.5, 2, 2)).toBe('1.234,50');
    expect(formatNumberInput('en', 1234.5, 2, 2)).toBe('1,234.50');
    expect(formatNumberInput('de', 1250, 2, 2)).toBe('1.250,00');
    expect(formatNumberInput('de', 0, 2, 2)).toBe('0,00');
    expect(formatNumberInput('de', 2.345, 2, 2)).toBe('2,35');
    expect(formatNumberInput('de', null, 2, 2)).toBe('');
    // More decimals may show than the minimum, never more than the maximum; a minimum above it is capped.
    expect(formatNumberInput('de', 1.125, 4, 2)).toBe('1,125');
    expect(formatNumberInput('de', 1.5, 0, 2)).toBe('2');
    for (const n of [0, 1.5, 1250, 1250.75, 12_500_000])
      for (const l of ['de', 'en'] as const)
        expect(parseNumberInput(l, formatNumberInput(l, n, 2, 2))).toEqual(ok(n));
  });
});

describe('plausibilityQuestion', () => {
  it('asks about a CAC below 1 % of the CLV and suggests the thousands reading', () => {
    expect(plausibilityQuestion('cac', 1.25, { clv: 1000 })).toEqual({ id: 'cacTiny', suggestion: 1250 });
    expect(plausibilityQuestion('cac', 9, { clv: 1000 })).toEqual({ id: 'cacTiny', suggestion: 9000 });
    // 0,001 × 1000 = 1 is still below 1 % of the CLV: no suggestion.
    expect(plausibilityQuestion('cac', 0.001, { clv: 1000 })).toEqual({ id: 'cacTiny' });
    expect(plausibilityQuestion('cac', 10, { clv: 1000 })).toBeNull();
    expect(plausibilityQuestion('cac', 0.5)).toEqual({ id: 'cacBelowOne' });
    expect(plausibilityQuestion('cac', 1250, { clv: 1000 })).toBeNull();
    expect(plausibilityQuestion('cac', null, { clv: 1000 })).toBeNull();
  });
  it('asks about a margin of 0 %, 100 % or a share typed as a percentage', () => {
    expect(plausibilityQuestion('marginPercent', 0)).toEqual({ id: 'marginZero' });
    expect(plausibilityQuestion('marginPercent', 100)).toEqual({ id: 'marginFull' });
    expect(plausibilityQuestion('marginPercent', 0.25)).toEqual({ id: 'marginFraction', suggestion: 25 });
    expect(plausibilityQuestion('marginPercent', 35)).toBeNull();
  });
  it('asks about a monthly discount over 10 % and a budget split over 100 %', () => {
    expect(plausibilityQuestion('discountPercent', 12)).toEqual({ id: 'discountHigh', suggestion: 1 });
    expect(plausibilityQuestion('discountPercent', 10)).toBeNull();
    expect(plausibilityQuestion('acquisitionShare', 70, { otherShare: 40 })).toEqual({ id: 'budgetOver100' });
    expect(plausibilityQuestion('existingShare', 60, { otherShare: 40 })).toBeNull();
  });
});
