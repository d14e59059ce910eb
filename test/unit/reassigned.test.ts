import { describe, expect, it } from 'vitest';
import type { PortRef } from '../../core/src/graph/model';
import { reassigned } from '../../core/src/rules/mp/mp002-duplicate-tag-index';

/** The definition: each valid entry whose TAG:index an earlier valid entry already has, with the first such entry. */
function oracle(list: PortRef[]): { ref: PortRef; first: PortRef }[] {
  const out: { ref: PortRef; first: PortRef }[] = [];
  list.forEach((r, i) => {
    if (r.error) return;
    const first = list.slice(0, i).find((q) => !q.error && q.tag === r.tag && q.index === r.index);
    if (first) out.push({ ref: r, first });
  });
  return out;
}

describe('reassigned (OVMS-MP-002)', () => {
  it('agrees with its definition on short lists (pairwise) and long ones (map)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 2000; k++) {
      const list = Array.from({ length: rnd(20) }, (_, i) => ({ kind: 'input_stream', raw: '', span: { start: i, end: i }, node: undefined, tag: ['', 'A', 'B'][rnd(3)]!, index: rnd(3), name: 'x', ...(rnd(6) === 0 ? { error: 'bad' } : {}) }) as PortRef);
      expect(reassigned(list)).toEqual(oracle(list));
    }
  });
});
