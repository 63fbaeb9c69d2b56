/**
 * What is a cross-sell column (docs/actions.md): a blank category or product is none (no cross, no buyer, no pair,
 * not among the usual or last products), the matrix shows only the columns bought in scope, and the 200-product
 * limit counts the products bought in scope. Hand-made files through the real worker API; counted by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  actionsRequest as scope,
  freshDatabasePerTest,
  restoreActionRecordsAfterEach,
  unwrap,
} from '../worker-fixture';
import { api } from '../../../src/worker/api';

freshDatabasePerTest('actions-blank-columns');
restoreActionRecordsAfterEach();

describe('cross-sell columns', () => {
  it('a line without a category makes no column, no pair and no usual or last product', async () => {
    // A buys Food and a blank; B buys Food and Toys; C buys only a blank line.
    const req = await scope(
      [
        'Kunde;Datum;Betrag;Kategorie',
        'A;10.01.2024;100,00;Food',
        'A;10.01.2024;30,00;',
        'B;12.01.2024;50,00;Food',
        'B;12.01.2024;20,00;Toys',
        'C;15.01.2024;40,00;',
      ].join('\n'),
    );
    const o = unwrap(await api.actionsOverview(req));
    // Buyers: Food 2 (A, B), Toys 1 (B); the blank has none and is not a column.
    expect(o.matrixColumns).toEqual(['Food', 'Toys']);
    expect(o.heatmap?.labels).toEqual(['Food', 'Toys']);
    expect(o.whitespace.map((p) => [p.a, p.b, p.whitespace])).toEqual([['Food', 'Toys', 1]]);
    const m = unwrap(
      await api.actionMatrix({
        ...req,
        query: { sort: { by: 'id' }, descending: false },
        offset: 0,
        limit: 10,
      }),
    );
    // Three customers in the matrix; C bought no column.
    expect(m.columns).toEqual(['Food', 'Toys']);
    expect(m.rows.map((r) => [r.id, r.bought])).toEqual([
      ['A', [0]],
      ['B', [0, 1]],
      ['C', []],
    ]);
    const list = unwrap(
      await api.actionPage({
        ...req,
        query: { list: 'whitespace', pair: { a: 'Food', b: 'Toys' } },
        offset: 0,
        limit: 5,
      }),
    );
    expect(list.rows.map((r) => [r.id, r.usualProducts, r.lastProducts])).toEqual([
      ['A', ['Food'], ['Food']],
    ]);
  });

  it('the matrix shows only the columns bought in the filtered scope', async () => {
    const req = await scope(
      [
        'Kunde;Datum;Betrag;Kategorie;Region',
        'A;10.01.2024;100,00;Food;Nord',
        'B;12.01.2024;50,00;Toys;Süd',
        'B;12.01.2024;20,00;Garden;Süd',
      ].join('\n'),
    );
    const nord = unwrap(
      await api.actionsOverview({ ...req, filters: [{ attribute: 'region', values: ['Nord'] }] }),
    );
    expect(nord.matrixColumns).toEqual(['Food']);
    const sued = unwrap(
      await api.actionsOverview({ ...req, filters: [{ attribute: 'region', values: ['Süd'] }] }),
    );
    // Garden and Toys one buyer each: equal buyers in dictionary order (Toys was read first).
    expect(sued.matrixColumns).toEqual(['Toys', 'Garden']);
  });

  it('the 200-product limit counts the products bought in scope', async () => {
    // 201 products P1 … P201 in region Nord (one customer each), 3 products in Süd; no category column.
    const rows = ['Kunde;Datum;Betrag;Produkt;Region'];
    for (let i = 1; i <= 201; i++) rows.push(`N${i};10.01.2024;10,00;P${i};Nord`);
    rows.push('S1;11.01.2024;10,00;Q1;Süd', 'S1;11.01.2024;10,00;Q2;Süd', 'S2;12.01.2024;10,00;Q3;Süd');
    const req = await scope(rows.join('\n'));
    const all = unwrap(await api.actionsOverview(req));
    expect(all.crossSellKey).toBeNull();
    expect(all.crossSellUnavailable).toBe('tooManyProducts');
    const sued = unwrap(
      await api.actionsOverview({ ...req, filters: [{ attribute: 'region', values: ['Süd'] }] }),
    );
    expect(sued.crossSellKey).toBe('product');
    expect(sued.crossSellUnavailable).toBeNull();
    expect([...sued.matrixColumns].sort()).toEqual(['Q1', 'Q2', 'Q3']);
  });
});
