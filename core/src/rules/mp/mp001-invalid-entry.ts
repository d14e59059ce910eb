import { graphModel, portLists } from '../../graph/model';
import type { GraphRule } from '../types';

const LIST_LABEL = { input_stream: 'input stream', output_stream: 'output stream', input_side_packet: 'input side packet', output_side_packet: 'output side packet' };

export const mp001: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-001',
    name: 'invalid-stream-entry',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'Stream or side-packet entry breaks MediaPipe\'s TAG:index:name grammar',
    description:
      'Checks every `input_stream`, `output_stream`, `input_side_packet` and `output_side_packet` entry of each node, and the graph-level `input_stream`/`output_stream` entries, against MediaPipe\'s grammar: `name`, `TAG:name` or `TAG:index:name`, where a name is `[a-z_][a-z0-9_]*`, a tag `[A-Z_][A-Z0-9_]*` and an index `0` or a number without leading zeros, at most 10000.',
    why:
      'MediaPipe builds a TagMap for every list when the graph is initialized (`tool/validate_name.cc`, `tag_map.cc`); a malformed entry fails with "TAG:index:name is invalid" and OVMS\'s dry initialization turns it into MEDIAPIPE_GRAPH_INITIALIZATION_ERROR: the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "PassThroughCalculator"\n  input_stream: "IMAGE:Input-Frame"\n  output_stream: "image:out"\n}',
      valid: 'node {\n  calculator: "PassThroughCalculator"\n  input_stream: "IMAGE:input_frame"\n  output_stream: "IMAGE:out"\n}',
    },
    fix: 'Write stream names in lower case with digits and underscores, tags in upper case, and indices as plain numbers (`TAG:1:name`).',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const all = portLists(m);
    for (const list of all) {
      for (const r of list) {
        if (!r.error) continue;
        const where = r.node ? `${LIST_LABEL[r.kind]} of node ${r.node.label}` : `graph ${LIST_LABEL[r.kind]}`;
        ctx.report({
          span: r.span,
          message: `Invalid ${where}: ${r.error} MediaPipe rejects the graph at initialization, so OVMS does not load it.`,
          key: r.node ? `node:${r.node.name?.value ?? r.node.id}/${r.kind}/${r.raw}` : `${r.kind}/${r.raw}`,
        });
      }
    }
  },
};
