import { graphModel, portLists, type PortRef } from '../../graph/model';
import type { GraphRule } from '../types';

export const mp003: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-003',
    name: 'tag-index-gap',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'Indices of a tag are not contiguous from 0',
    description:
      'Reports a tag whose explicit indices in one list leave a gap (e.g. `TENSORS:0:a` and `TENSORS:2:c` without `TENSORS:1:…`), or start above 0.',
    why:
      'MediaPipe requires the indices of each tag to run 0..n-1: "Not all indexes were assigned names. Tag \\"T\\" has the following: index 0 name <missing> …" (`tool/tag_map.cc`); the graph fails initialization and is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "ConcatenateVectorCalculator"\n  input_stream: "TENSORS:0:a"\n  input_stream: "TENSORS:2:c"\n  output_stream: "TENSORS:out"\n}',
      valid: 'node {\n  calculator: "ConcatenateVectorCalculator"\n  input_stream: "TENSORS:0:a"\n  input_stream: "TENSORS:1:c"\n  output_stream: "TENSORS:out"\n}',
    },
    fix: 'Renumber the entries of the tag from 0 without gaps.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const all = portLists(m);
    for (const list of all) {
      // a gap needs an index above 0: most lists have none, and need no map
      let above0 = false;
      for (const r of list) if (!r.error && r.tag !== '' && r.index > 0) above0 = true;
      if (!above0) continue;
      const byTag = new Map<string, PortRef[]>();
      for (const r of list) {
        if (r.error || r.tag === '') continue;
        let l = byTag.get(r.tag);
        if (!l) byTag.set(r.tag, (l = []));
        l.push(r);
      }
      for (const [tag, refs] of byTag) {
        const indices = new Set(refs.map((r) => r.index));
        let max = 0;
        for (const i of indices) if (i > max) max = i;
        const missing: number[] = [];
        for (let i = 0; i <= max && missing.length < 5; i++) if (!indices.has(i)) missing.push(i);
        if (!missing.length) continue;
        const at = refs.reduce((a, b) => (b.index > a.index ? b : a));
        const where = at.node ? `node ${at.node.label}` : 'the graph';
        ctx.report({
          span: at.span,
          message: `Tag "${tag}" of ${where} has index ${max} but no entry for index ${missing.join(', ')}; MediaPipe requires indices 0..${max} ("Not all indexes were assigned names") and rejects the graph at initialization. Renumber the entries from 0.`,
        });
      }
    }
  },
};
