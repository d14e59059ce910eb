import { describe, expect, it } from 'vitest';
import { exactCopy } from '../../core/src/text/exact';

describe('exactCopy', () => {
  it('copies any slice exactly, as a new array, for every length around the literal cases', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (let from = 0; from <= 2; from++) {
      for (let n = 0; n <= 6; n++) {
        const copy = exactCopy(items, from, n);
        expect(copy, `${from}+${n}`).toEqual(items.slice(from, from + n));
        expect(copy).not.toBe(items);
        copy.push('x');
        expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
      }
    }
  });
});
