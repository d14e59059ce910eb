/**
 * parseTagIndexName reads valid entries with a hand-written scanner (the hot path on large graphs)
 * and falls back to the regular expressions of MediaPipe's grammar for everything else. These tests
 * hold the scanner to the grammar: on every entry of a systematic set, the result must equal what
 * the regular expressions alone decide.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_RE, MAX_INDEX, NAME_RE, parseTagIndexName, scanTagIndexName, TAG_RE } from '../../core/src/graph/names';

/** The grammar of validate_name.cc, written only with the exported regular expressions. */
function oracle(text: string): { tag: string; index: number; name: string; explicitIndex: boolean } | undefined {
  const parts = text.split(':');
  if (parts.length > 3 || !NAME_RE.test(parts[parts.length - 1]!)) return undefined;
  const name = parts[parts.length - 1]!;
  if (parts.length === 1) return { tag: '', index: -1, name, explicitIndex: false };
  if (!TAG_RE.test(parts[0]!)) return undefined;
  if (parts.length === 2) return { tag: parts[0]!, index: 0, name, explicitIndex: false };
  if (!INDEX_RE.test(parts[1]!) || Number(parts[1]) > MAX_INDEX) return undefined;
  return { tag: parts[0]!, index: Number(parts[1]), name, explicitIndex: true };
}

const pieces = ['', 'a', 'z9', '_x', 'A', 'TAG', 'T_1', '1A', 'aB', 'x-y', '0', '7', '01', '10000', '10001', '99999', ':', 'é'];

describe('parseTagIndexName', () => {
  it('agrees with the grammar on every combination of one to three pieces', () => {
    let checked = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          for (const text of [a, `${a}:${b}`, `${a}:${b}:${c}`, `${a}${b}`, `${a}:${b}${c}`]) {
            const p = parseTagIndexName(text);
            const want = oracle(text);
            expect(p.ok ? p.value : undefined, text).toEqual(want);
            if (!p.ok) expect(p.error, text).toContain(`"${text}" is not a valid TAG:index:name entry`);
            checked++;
          }
        }
    expect(checked).toBe(pieces.length ** 3 * 5);
  });

  it('scans an entry inside a larger text exactly as the entry alone (nothing outside the range counts)', () => {
    let checked = 0;
    for (const a of pieces)
      for (const b of pieces)
        for (const text of [a, `${a}:${b}`, `A:${a}:${b}`, `${a}${b}`]) {
          // neighbours that would change the answer if the scanner read past either end
          for (const [before, after] of [['', ''], ['X:', ':y'], ['a', 'B'], [':', ':']]) {
            const whole = `${before}${text}${after}`;
            const got = scanTagIndexName(whole, before.length, before.length + text.length);
            expect(got, JSON.stringify([before, text, after])).toEqual(scanTagIndexName(text));
            checked++;
          }
        }
    expect(checked).toBe(pieces.length ** 2 * 4 * 4);
  });

  it('reads the three forms', () => {
    expect(parseTagIndexName('VIDEO:2:frame_b')).toEqual({ ok: true, value: { tag: 'VIDEO', index: 2, name: 'frame_b', explicitIndex: true } });
    expect(parseTagIndexName('IMAGE:img')).toEqual({ ok: true, value: { tag: 'IMAGE', index: 0, name: 'img', explicitIndex: false } });
    expect(parseTagIndexName('longer_name')).toEqual({ ok: true, value: { tag: '', index: -1, name: 'longer_name', explicitIndex: false } });
    expect(parseTagIndexName('IMAGE:01:x')).toEqual({ ok: false, error: expect.stringContaining('the index "01" must be 0 or a number without leading zeros') });
  });
});
