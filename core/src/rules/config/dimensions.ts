/**
 * The string grammars OVMS parses after the schema passed (reference ovms-config.md §2.6-2.8):
 * batch_size dimensions, shape strings and layout strings. Each returns a reason when the
 * string does not parse, undefined when it does.
 */

/** Dimension::fromString (src/shape.cpp:123-200): "N", "-1" or "min:max". */
export function batchProblem(s: string): string | undefined {
  if (s === '' || s === 'auto') return undefined;
  if (/^\d+$/.test(s)) return undefined;
  if (s === '-1') return undefined;
  const m = /^(\d+):(\d+)$/.exec(s);
  if (m) {
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    if (lo <= 0 || hi <= 0) return 'both ends of a range must be > 0';
    if (lo > hi) return 'the range minimum is above its maximum';
    return undefined;
  }
  if (/^-\d+$/.test(s)) return 'the only negative value is "-1" (dynamic)';
  return 'it is neither a number, "-1" nor a range "min:max"';
}

/** Shape string grammar (src/shape.cpp:436-514). */
export function shapeProblem(raw: string): string | undefined {
  if (raw === 'auto') return undefined;
  const s = raw.replace(/ /g, '');
  if (/[^0-9(),\-:]/.test(s)) return 'only digits and ( ) , - : are allowed';
  if (s.length <= 2 || s[0] !== '(' || s[s.length - 1] !== ')') return 'it must be enclosed in one pair of parentheses, e.g. "(1,3,224,224)"';
  const body = s.slice(1, -1);
  if (/[()]/.test(body)) return 'it must be enclosed in one pair of parentheses, e.g. "(1,3,224,224)"';
  for (const d of body.split(',')) {
    if (/^\d+$/.test(d) || d === '-1') continue;
    const m = /^(\d+):(\d+)$/.exec(d);
    if (m) {
      if (Number(m[1]) >= Number(m[2])) return `in the range "${d}" the minimum must be below the maximum`;
      continue;
    }
    return `"${d}" is not a dimension (a number ≥ 0, -1, or min:max)`;
  }
  return undefined;
}

/** Layout string: load-time character check, then the structure OpenVINO enforces at model load. */
export function layoutProblem(raw: string): { problem: string; atParse: boolean } | undefined {
  const s = raw.replace(/ /g, '').toUpperCase();
  if (/[^NCHWD?.:]/.test(s)) return { problem: 'only the letters N C H W D, ?, . and one : are allowed', atParse: true };
  const parts = s.split(':');
  if (parts.length > 2) return { problem: 'at most one ":" (target:source) is allowed', atParse: true };
  for (const p of parts) {
    for (const letter of 'NCHWD') {
      if (p.split(letter).length > 2) return { problem: `"${letter}" appears more than once in "${p}"`, atParse: false };
    }
    const dots = p.replace(/[^.]/g, '').length;
    if (dots > 0 && (dots !== 3 || !p.includes('...'))) return { problem: `"." may only appear as one "..." in "${p}"`, atParse: false };
  }
  return undefined;
}
