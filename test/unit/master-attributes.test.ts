// The master data's attributes as line attributes: a hand-computed join of four order customers to three master rows.
import { describe, expect, it } from 'vitest';
import { lineCodes, masterAttributes } from '../../src/analytics/master-attributes';
import { joinMaster } from '../../src/analytics/master-join';
import { NOT_IN_MASTER } from '../../src/shared/attributes';
import type { RecordColumns } from '../../src/shared/economics';

/** Master rows: A Bau/Nord, C Handel/'' (blank region), Z Bau/Süd (a prospect without orders); B has no row. */
const MASTER: RecordColumns = {
  n: 3,
  codes: {
    customer: Int32Array.from([0, 1, 2]),
    name: Int32Array.from([0, 1, 2]),
    industry: Int32Array.from([0, 1, 0]),
    region: Int32Array.from([0, 1, 2]),
    'attr:Kundengruppe': Int32Array.from([0, 0, 1]),
  },
  dicts: {
    customer: ['A', 'C', 'Z'],
    name: ['Alpha GmbH', 'Cäsar KG', 'Zeta AG'],
    industry: ['Bau', 'Handel'],
    region: ['Nord', '', 'Süd'],
    'attr:Kundengruppe': ['Gold', 'Silber'],
  },
  days: { firstContact: Int32Array.from([1, 2, 3]) },
  numbers: { tickets: Float64Array.from([1, 2, 3]) },
  labels: { customer: 'Kundennummer', name: 'Firma', industry: 'Branche', region: 'Region' },
};

describe('masterAttributes', () => {
  // The orders' customer dictionary: A, B, C, D (code order); B and D have no master row.
  const customers = ['A', 'B', 'C', 'D'];
  const { rowOf } = joinMaster(customers, MASTER);
  const attrs = masterAttributes(MASTER, rowOf);

  it('makes the attribute columns master:<key> (not the id, the name, days or numbers), labelled by the header', () => {
    expect(attrs.map((a) => [a.key, a.label])).toEqual([
      ['master:industry', 'Branche'],
      ['master:region', 'Region'],
      ['master:attr:Kundengruppe', 'attr:Kundengruppe'],
    ]);
  });

  it("gives each customer its master value, NOT_IN_MASTER without a row, and keeps a blank cell ''", () => {
    const [industry, region, group] = attrs;
    // Only values that a customer of the orders carries (Z's Süd is left out), then NOT_IN_MASTER.
    expect(industry.dict).toEqual(['Bau', 'Handel', NOT_IN_MASTER]);
    expect([...industry.ofCustomer]).toEqual([0, 2, 1, 2]); // A Bau, B –, C Handel, D –
    expect(region.dict).toEqual(['Nord', '', NOT_IN_MASTER]);
    expect([...region.ofCustomer]).toEqual([0, 2, 1, 2]);
    expect(group.dict).toEqual(['Gold', NOT_IN_MASTER]);
    expect([...group.ofCustomer]).toEqual([0, 1, 0, 1]);
  });

  it('leaves NOT_IN_MASTER out when every customer has a master row', () => {
    const { rowOf: all } = joinMaster(['C', 'A'], MASTER);
    const [industry] = masterAttributes(MASTER, all);
    expect(industry.dict).toEqual(['Bau', 'Handel']);
    expect([...industry.ofCustomer]).toEqual([1, 0]);
  });

  it('broadcasts a customer code to the lines', () => {
    const [industry] = attrs;
    const lineCustomer = Int32Array.from([0, 0, 1, 2, 3, 2]);
    expect([...lineCodes(lineCustomer, industry.ofCustomer)]).toEqual([0, 0, 2, 1, 2, 1]);
  });
});
