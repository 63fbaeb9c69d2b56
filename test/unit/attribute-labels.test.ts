// How attributes and their values are named in the UI: a master field by its name in the UI language, a further
// master column by its header, both marked as master data; customers without a master row in words.
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.svelte';
import { attributeLabel, attributeValueText } from '../../src/app/app-state.svelte';
import { NOT_IN_MASTER } from '../../src/shared/attributes';

afterAll(() => (i18n.locale = 'en'));

describe('attribute labels', () => {
  it('a mapped master field is named in the UI language, whatever the header of the file', () => {
    i18n.locale = 'en';
    expect(attributeLabel({ key: 'master:industry', label: 'Branche' })).toBe('Industry (master data)');
    expect(attributeLabel({ key: 'master:acquisitionChannel', label: 'Akquisekanal' })).toBe(
      'Acquisition channel (master data)',
    );
    i18n.locale = 'de';
    expect(attributeLabel({ key: 'master:industry', label: 'Sektor' })).toBe('Branche (Stammdaten)');
    expect(attributeLabel({ key: 'master:companySize', label: 'Size' })).toBe(
      'Unternehmensgröße (Stammdaten)',
    );
  });
  it('a further master column keeps its header; an order attribute is its header alone', () => {
    i18n.locale = 'de';
    expect(attributeLabel({ key: 'master:attr:Kundengruppe', label: 'Kundengruppe' })).toBe(
      'Kundengruppe (Stammdaten)',
    );
    expect(attributeLabel({ key: 'attr:Branche', label: 'Branche' })).toBe('Branche');
  });
  it('customers without a master row and blank values in words', () => {
    i18n.locale = 'de';
    expect(attributeValueText(NOT_IN_MASTER)).toBe('(nicht in den Stammdaten)');
    expect(attributeValueText('')).toBe('–');
    i18n.locale = 'en';
    expect(attributeValueText(NOT_IN_MASTER)).toBe('(not in master data)');
    expect(attributeValueText('Bau')).toBe('Bau');
  });
});
