import type { PbDocument } from '../pbtxt/ast';
import type { FieldNode } from '../pbtxt/nodes';
import { checkGraph, declaredMessage, setCheckGraph, type SchemaCheck, type SchemaIssue } from '../proto/check';
import { fieldByName, GRAPH_CONFIG } from '../proto/descriptor';
import type { Span } from '../types';

/**
 * The schema check of an edited graph, assembled from the checks of its top-level fields: the
 * fields an incremental re-parse kept (moved, their results moved with them) keep their part of
 * the previous check, only the new ones are checked.
 *
 * The check of the root message (mediapipe.CalculatorGraphConfig, proto3, no extensions)
 * relates its fields only through non-repeated fields given twice, so when no such field
 * repeats (and no field is an extension or Any name, and no `# proto-message:` comment names a
 * type), the check of the file is the concatenation, in field order, of the checks of one-field
 * files, and each field's part of it lies within the field's text.
 */

/** A field's part of the check, and where the field started then (-1: nothing in it, nothing to move). */
interface FieldCheck {
  at: number;
  check: SchemaCheck;
}

const NOTHING: FieldCheck = { at: -1, check: { checked: true, issues: [], unknownOptions: [], jsonStrings: [] } };

/** Per document, the part of its check in each top-level field (aligned with root.fields). */
const parts = new WeakMap<PbDocument, FieldCheck[]>();

function separable(doc: PbDocument): boolean {
  if (declaredMessage(doc) !== undefined) return false;
  const once = new Set<number>();
  for (const f of doc.root.fields) {
    if (f.bracketed) return false;
    const fd = fieldByName(GRAPH_CONFIG, f.name);
    if (!fd || fd.label === 'repeated') continue;
    if (once.has(fd.number)) return false;
    once.add(fd.number);
  }
  return true;
}

/** Remember the per-field parts of `check`, the whole check of `doc`, for checkByField after the next edit. Returns `check`. */
export function keepFieldChecks(doc: PbDocument, check: SchemaCheck): SchemaCheck {
  if (!check.checked || !separable(doc)) return check;
  const fields = doc.root.fields as FieldNode[];
  const out: FieldCheck[] = new Array<FieldCheck>(fields.length).fill(NOTHING);
  // each list is in field order; an item belongs to the field its position is in
  const split = <T>(items: T[], start: (item: T) => number, list: (c: SchemaCheck) => T[]): boolean => {
    let j = -1;
    for (const item of items) {
      const s = start(item);
      while (j + 1 < fields.length && fields[j + 1]!.ns <= s) j++;
      if (j < 0) return false;
      if (out[j] === NOTHING) out[j] = { at: fields[j]!.ns, check: { checked: true, issues: [], unknownOptions: [], jsonStrings: [] } };
      list(out[j]!.check).push(item);
    }
    return true;
  };
  const ok =
    split(check.issues, (i) => i.span.start, (c) => c.issues) &&
    split(check.unknownOptions, (u) => u.span.start, (c) => c.unknownOptions) &&
    split(check.jsonStrings, (j) => j.value.span.start, (c) => c.jsonStrings);
  if (ok) parts.set(doc, out);
  return check;
}

/**
 * The check of `doc`, re-parsed incrementally from `prev` (pbtxt/incremental.ts: the fields it
 * did not re-parse are the same nodes), from the parts of prev's check; undefined when prev's
 * parts are not known or the fields are not separable. Records the result as checkGraph(doc).
 */
export function checkByField(doc: PbDocument, prev: PbDocument): SchemaCheck | undefined {
  const before = parts.get(prev);
  if (!before || !separable(doc)) return undefined;
  const fields = doc.root.fields as FieldNode[];
  const old = prev.root.fields;
  const n = fields.length;
  const checks = new Array<FieldCheck | undefined>(n);
  // the fields kept: a common prefix and suffix of the two field lists
  let p = 0;
  while (p < n && p < old.length && fields[p] === old[p]) checks[p] = before[p++];
  for (let s = 1; s <= n - p && s <= old.length - p && fields[n - s] === old[old.length - s]; s++) checks[n - s] = before[old.length - s];
  const out: SchemaCheck = { checked: true, issues: [], unknownOptions: [], jsonStrings: [] };
  for (let k = 0; k < n; k++) {
    const f = fields[k]!;
    let fc = checks[k];
    if (!fc) {
      const one: PbDocument = { root: { kind: 'message', span: f.span, fields: [f] }, comments: [], errors: [] };
      const c = checkGraph(one);
      fc = c.issues.length || c.unknownOptions.length || c.jsonStrings.length ? { at: f.ns, check: c } : NOTHING;
    } else if (fc.at >= 0 && fc.at !== f.ns) fc = { at: f.ns, check: moved(fc.check, f.ns - fc.at) };
    checks[k] = fc;
    const c = fc.check;
    if (c.issues.length) out.issues.push(...c.issues);
    if (c.unknownOptions.length) out.unknownOptions.push(...c.unknownOptions);
    if (c.jsonStrings.length) out.jsonStrings.push(...c.jsonStrings);
  }
  parts.set(doc, checks as FieldCheck[]);
  setCheckGraph(doc, out);
  return out;
}

const move = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

/** A check's positions moved by `d` (new objects: findings may hold the old spans). jsonStrings hold nodes, moved with the tree. */
function moved(c: SchemaCheck, d: number): SchemaCheck {
  if (!c.issues.length && !c.unknownOptions.length) return c;
  return {
    checked: c.checked,
    issues: c.issues.map((i): SchemaIssue => ({ ...i, span: move(i.span, d), ...(i.related ? { related: i.related.map((r) => ({ ...r, span: move(r.span, d) })) } : {}) })),
    unknownOptions: c.unknownOptions.map((u) => ({ ...u, span: move(u.span, d) })),
    jsonStrings: c.jsonStrings,
  };
}
