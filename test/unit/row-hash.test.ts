import { describe, expect, it } from 'vitest';
import { RowHashes } from '../../src/ingest/row-hash';

function dupsOf(rows: string[]): number[] {
  const text = rows.join('\n');
  const h = new RowHashes();
  let pos = 0;
  for (const r of rows) {
    h.add(text, pos, pos + r.length);
    pos += r.length + 1;
  }
  return [...h.duplicates()];
}

describe('RowHashes', () => {
  it('flags every later copy of a row, wherever it stands, and keeps the first', () => {
    expect(dupsOf(['a,1', 'b,2', 'a,1', 'c,3', 'b,2', 'a,1', 'a,1 '])).toEqual([2, 4, 5]);
  });

  it('tells apart rows that differ in one character, order or length', () => {
    expect(dupsOf(['ab', 'ba', 'ab,', 'a', 'b', ''])).toEqual([]);
    expect(dupsOf(['', 'x', ''])).toEqual([2]);
  });

  it('finds the exact number of duplicates among 200,000 rows with a known pattern', () => {
    // Row i repeats row i - 1000 whenever i % 7 === 0 and i >= 1000: 28,429 duplicates by construction.
    const rows: string[] = [];
    for (let i = 0; i < 200_000; i++)
      rows.push(i % 7 === 0 && i >= 1000 ? rows[i - 1000] : `row ${i};${i * 31}`);
    const expected = rows.map((_, i) => i).filter((i) => i % 7 === 0 && i >= 1000);
    expect(expected).toHaveLength(28_429);
    expect(dupsOf(rows)).toEqual(expected);
  });
});
