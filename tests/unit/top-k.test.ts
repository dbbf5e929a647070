// The k smallest rows by key, as a full sort would give them.
import { describe, expect, it } from 'vitest';
import { smallestK } from '../../src/lib/search/top-k';

describe('smallestK', () => {
  it('gives the same rows, in the same order, as sorting everything', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows = Array.from({ length: 2000 }, (_, i) => i * 3);
    const keys = new Map(rows.map((row) => [row, Math.floor(random() * 500)])); // many ties
    const sorted = rows.slice().sort((a, b) => keys.get(a)! - keys.get(b)! || rows.indexOf(a) - rows.indexOf(b));
    for (const k of [1, 5, 20, 100, 2000, 5000]) {
      expect(
        smallestK(rows, (row) => keys.get(row)!, k),
        `k = ${k}`,
      ).toEqual(sorted.slice(0, k));
    }
  });

  it('gives nothing for no rows or k of 0', () => {
    expect(smallestK([], () => 0, 5)).toEqual([]);
    expect(smallestK([1, 2, 3], () => 0, 0)).toEqual([]);
  });

  it('keeps the given order among equal keys', () => {
    expect(smallestK([9, 8, 7, 6], () => 1, 3)).toEqual([9, 8, 7]);
  });

  it('orders equal keys by the tie-breaker when given, even when they would not fit', () => {
    const rows = [1, 2, 3, 4, 5, 6];
    const key = (row: number) => (row <= 3 ? 1 : 0); // 4, 5, 6 first
    const tie = (row: number) => -row; // higher rows first among equals
    expect(smallestK(rows, key, 4, tie)).toEqual([6, 5, 4, 3]);
    expect(smallestK(rows, () => 0, 2, tie)).toEqual([6, 5]);
  });
});
