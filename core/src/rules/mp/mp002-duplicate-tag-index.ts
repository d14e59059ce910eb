import { graphModel, portLists, type PortRef } from '../../graph/model';
import type { GraphRule } from '../types';

const NONE: { ref: PortRef; first: PortRef }[] = [];

/** Entries of one list that reuse a TAG:index already named (MediaPipe `tag_map.cc`), each with the first. */
export function reassigned(list: PortRef[]): { ref: PortRef; first: PortRef }[] {
  if (list.length < 2) return NONE;
  let out = NONE;
  if (list.length <= 8) {
    // a node's lists hold a few entries: compare pairs, no map and no keys
    for (let i = 1; i < list.length; i++) {
      const r = list[i]!;
      if (r.error) continue;
      for (let j = 0; j < i; j++) {
        const q = list[j]!;
        if (q.error || q.index !== r.index || q.tag !== r.tag) continue;
        if (out === NONE) out = [];
        out.push({ ref: r, first: q });
        break;
      }
    }
    return out;
  }
  const seen = new Map<string, PortRef>();
  for (const r of list) {
    if (r.error) continue;
    const k = `${r.tag}:${r.index}`;
    const first = seen.get(k);
    if (first) (out === NONE ? (out = []) : out).push({ ref: r, first });
    else seen.set(k, r);
  }
  return out;
}

export const mp002: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-002',
    name: 'duplicate-tag-index',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'Two entries of one list claim the same TAG:index',
    description:
      'Reports an entry that names a TAG:index already taken in the same list of a node (or of the graph\'s input/output streams). `TAG:name` always means index 0 of TAG, so two `TAG:x` entries collide; several streams of one tag need explicit indices.',
    why:
      'MediaPipe fails to build the TagMap: `tag "TAG" index 0 already had a name "a" but is being reassigned a name "b"` (`tool/tag_map.cc`); the graph fails initialization and OVMS does not load it.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "ConcatenateVectorCalculator"\n  input_stream: "TENSORS:a"\n  input_stream: "TENSORS:b"\n  output_stream: "TENSORS:c"\n}',
      valid: 'node {\n  calculator: "ConcatenateVectorCalculator"\n  input_stream: "TENSORS:0:a"\n  input_stream: "TENSORS:1:b"\n  output_stream: "TENSORS:c"\n}',
    },
    fix: 'Number entries that share a tag explicitly (`TAG:0:a`, `TAG:1:b`), or give them distinct tags.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const all = portLists(m);
    for (const list of all) {
      for (const { ref, first } of reassigned(list)) {
        const where = ref.node ? `node ${ref.node.label}` : 'the graph';
        ctx.report({
          span: ref.span,
          message: `"${ref.raw}" reuses tag "${ref.tag}" index ${ref.index} of ${where}, already named "${first.name}" by "${first.raw}"; MediaPipe rejects the graph at initialization ("is being reassigned a name"). ${ref.tag ? `Use explicit indices (\`${ref.tag}:0:${first.name}\`, \`${ref.tag}:1:${ref.name}\`) or distinct tags.` : 'Remove the duplicate.'}`,
          related: [{ file: ctx.file.path, span: first.span, message: `tag "${ref.tag}" index ${ref.index} first named here` }],
        });
      }
    }
  },
};
