import { topologyOf } from '../../graph/topology';
import type { GraphRule } from '../types';

export const mp009: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-009',
    name: 'cycle-without-back-edge',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams', 'back-edge'],
    appliesTo: ['mediapipe-graph'],
    title: 'Nodes form a cycle not broken by a declared back edge',
    description:
      'Finds cycles among nodes through streams and side packets (including a node consuming its own output) where no input on the cycle is declared as a back edge with `input_stream_info { tag_index: "…" back_edge: true }`.',
    why:
      'MediaPipe sorts nodes topologically at initialization and fails with "Generator side packet cycle or calculator stream cycle detected in graph" (`validated_graph_config.cc:769-878`); OVMS does not load the graph. LLM and speech graphs loop their LOOPBACK stream and must mark it as a back edge.',
    example: {
      language: 'pbtxt',
      invalid:
        'node {\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  output_stream: "LOOPBACK:loopback"\n}',
      valid:
        'node {\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  output_stream: "LOOPBACK:loopback"\n  input_stream_info: { tag_index: "LOOPBACK:0" back_edge: true }\n}',
    },
    fix: 'Declare the stream that closes the loop as a back edge on the consuming node: `input_stream_info { tag_index: "TAG:0" back_edge: true }`.',
  },
  check(ctx) {
    for (const cycle of topologyOf(ctx.doc).cycles) {
      const first = cycle[0]!;
      const members = new Set(cycle);
      // Anchor at the first input of the first node that is fed from inside the cycle.
      const t = topologyOf(ctx.doc);
      const inside = first.inputs.find((r) => {
        const p = r.error || t.backEdges.has(r) ? undefined : t.streamProducer.get(r.name)?.node;
        return p !== undefined && members.has(p);
      });
      const names = cycle.slice(0, 6).map((n) => n.label).join(' -> ');
      ctx.report({
        span: inside?.span ?? first.keySpan,
        message: `${cycle.length === 1 ? `Node ${first.label} consumes its own output` : `Nodes ${names}${cycle.length > 6 ? ' -> …' : ''} form a cycle`}${inside ? ` through stream "${inside.name}"` : ''} without a declared back edge; MediaPipe fails initialization ("calculator stream cycle detected") and OVMS does not load the graph. Mark the looping input with \`input_stream_info { tag_index: "${inside ? `${inside.tag}:${inside.index}` : 'TAG:0'}" back_edge: true }\`.`,
      });
    }
  },
};
