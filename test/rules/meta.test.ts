import { describe, expect, it } from 'vitest';
import { allRules, findRule } from '../../core/src';

describe('rule metadata', () => {
  it('ids, names and aliases are unique', () => {
    const seen = new Set<string>();
    for (const r of allRules) {
      for (const k of [r.meta.id, r.meta.name, ...(r.meta.aliases ?? [])]) {
        expect(seen.has(k), `duplicate ${k}`).toBe(false);
        seen.add(k);
      }
    }
  });
  for (const r of allRules) {
    it(`${r.meta.id} is complete`, () => {
      const m = r.meta;
      expect(m.id).toMatch(/^OVMS-[A-Z]+-(\d{3}|[A-Z]+)$/);
      expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.title.length).toBeGreaterThan(10);
      expect(m.title).not.toMatch(/\.$/);
      for (const k of ['description', 'why', 'fix'] as const) expect(m[k].length, k).toBeGreaterThan(20);
      expect(m.example.invalid).not.toEqual(m.example.valid);
      expect(m.appliesTo.length).toBeGreaterThan(0);
      expect(findRule(m.id)).toBe(r);
      expect(findRule(m.name)).toBe(r);
    });
  }
});
