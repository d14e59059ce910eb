import { describe, expect, it } from 'vitest';
import { Interner } from '../../core/src/text/intern';

describe('Interner', () => {
  it('returns the text of every range, whatever was interned before (recent cache, buckets, the cap)', () => {
    const words = ['node', 'node_options', 'a', 'b', 'ab', 'ba', 'LOOPBACK', '123', '0', '', 'toString', '__proto__', 'constructor', 'x1', '1x', 'é'];
    const text = words.join(' ') + ' ' + words.slice().reverse().join('  ');
    let seed = 3;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const exact = new Interner();
    for (const w of words) {
      const at = text.indexOf(w === '' ? ' ' : w);
      expect(exact.range(text, at, at + w.length), w).toBe(w);
      expect(exact.range(text, at, at + w.length), w).toBe(w);
    }
    for (const max of [Infinity, 4, 0]) {
      const interner = new Interner(max);
      for (let k = 0; k < 5000; k++) {
        const a = rnd(text.length);
        const b = a + rnd(Math.min(14, text.length - a + 1));
        expect(interner.range(text, a, b), `${max} ${a} ${b}`).toBe(text.slice(a, b));
      }
    }
  });
});
