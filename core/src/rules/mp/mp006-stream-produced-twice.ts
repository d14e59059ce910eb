import { topologyOf } from '../../graph/topology';
import type { GraphRule } from '../types';

export const mp006: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-006',
    name: 'stream-produced-twice',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'A stream is produced more than once',
    description:
      'Reports a stream name produced by two nodes, by a node and a graph `input_stream`, or listed twice as a graph input. Stream names are global in a graph: each has exactly one producer.',
    why: 'MediaPipe fails initialization with `Output Stream "x" defined twice.` (`validated_graph_config.cc:605-666`); OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "in"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "in"\n}',
      valid: 'input_stream: "in"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Rename one of the streams; consumers may read a stream many times, but only one node (or graph input) may write it.',
  },
  check(ctx) {
    for (const { ref, first } of topologyOf(ctx.doc).duplicateStreams) {
      const by = (r: typeof ref) => (r.node ? `node ${r.node.label}` : 'a graph input_stream');
      ctx.report({
        span: ref.span,
        message: `Stream "${ref.name}" is produced by ${by(ref)} but already by ${by(first)}; MediaPipe fails initialization ("Output Stream \\"${ref.name}\\" defined twice") and OVMS does not load the graph. Give one of them another name.`,
        related: [{ file: ctx.file.path, span: first.span, message: `"${ref.name}" first produced here` }],
      });
    }
  },
};
