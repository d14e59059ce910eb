import type { PbDocument, PbField } from '../pbtxt/ast';
import type { FieldNode } from '../pbtxt/nodes';
import { checkGraph, declaredMessage, setCheckGraph, type SchemaCheck, type SchemaIssue } from '../proto/check';
import { fieldByName, GRAPH_CONFIG } from '../proto/descriptor';
import type { Span } from '../types';

/**
 * The schema check of a graph assembled from checks of its top-level fields, each made once per
 * field node and kept while the node lives (an incremental re-parse keeps the nodes of the
 * fields it did not touch, and moves them: their results move with them).
 *
 * The check of the root message (mediapipe.CalculatorGraphConfig, proto3, no extensions)
 * relates its fields only through non-repeated fields given twice, so when no such field
 * repeats (and no field is an extension or Any name, and no `# proto-message:` comment names a
 * type), the check of the file is the concatenation, in field order, of the checks of
 * one-field files. Otherwise undefined: the caller checks the whole file. Records the result
 * as checkGraph(doc).
 */
export function checkByField(doc: PbDocument): SchemaCheck | undefined {
  if (declaredMessage(doc) !== undefined) return undefined;
  const fields = doc.root.fields;
  const once = new Set<number>();
  for (const f of fields) {
    if (f.bracketed) return undefined;
    const fd = fieldByName(GRAPH_CONFIG, f.name);
    if (!fd || fd.label === 'repeated') continue;
    if (once.has(fd.number)) return undefined;
    once.add(fd.number);
  }
  const out: SchemaCheck = { checked: true, issues: [], unknownOptions: [], jsonStrings: [] };
  for (const f of fields) {
    const start = (f as FieldNode).ns;
    let fc = byField.get(f);
    if (!fc) {
      const one: PbDocument = { root: { kind: 'message', span: f.span, fields: [f] }, comments: [], errors: [] };
      fc = { at: start, check: checkGraph(one) };
      byField.set(f, fc);
    } else if (fc.at !== start) {
      fc.check = moved(fc.check, start - fc.at);
      fc.at = start;
    }
    const c = fc.check;
    if (c.issues.length) out.issues.push(...c.issues);
    if (c.unknownOptions.length) out.unknownOptions.push(...c.unknownOptions);
    if (c.jsonStrings.length) out.jsonStrings.push(...c.jsonStrings);
  }
  setCheckGraph(doc, out);
  return out;
}

/** A field's check, and where the field started when it was made. */
interface FieldCheck {
  at: number;
  check: SchemaCheck;
}

const byField = new WeakMap<PbField, FieldCheck>();

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
