import { topologyOf } from '../../graph/topology';
import { boundedSuggester } from '../../text/suggest';
import type { GraphRule } from '../types';

export const mp008: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-008',
    name: 'unproduced-input-stream',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'A node consumes a stream that nothing produces',
    description:
      'Reports a node input stream whose name is neither a graph `input_stream` nor any node\'s `output_stream`, including inputs declared as back edges (a back edge still needs a producer).',
    why:
      'MediaPipe fails initialization: `Input Stream "x" for node … does not have a corresponding output stream.` (`validated_graph_config.cc:668-746`), or for a back edge `Unable to find upstream edge for back edge "x"` (`:880-896`); OVMS does not load the graph. Usually a typo in one of the two names.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "in"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "inn"\n  output_stream: "out"\n}',
      valid: 'input_stream: "in"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Fix the stream name so it matches a graph input or another node\'s output, or add the missing producer.',
  },
  check(ctx) {
    const t = topologyOf(ctx.doc);
    const suggest = boundedSuggester(t.streamProducer.keys());
    for (const { ref, backEdge } of t.unproducedInputs) {
      const hint = suggest(ref.name);
      ctx.report({
        span: ref.span,
        message: backEdge
          ? `Back edge "${ref.name}" of node ${ref.node!.label} has no producer: no node outputs "${ref.name}", so MediaPipe fails initialization ("Unable to find upstream edge for back edge") and OVMS does not load the graph.${hint}`
          : `Node ${ref.node!.label} consumes stream "${ref.name}", which no node and no graph input_stream produces; MediaPipe fails initialization ("does not have a corresponding output stream") and OVMS does not load the graph.${hint}`,
      });
    }
  },
};
