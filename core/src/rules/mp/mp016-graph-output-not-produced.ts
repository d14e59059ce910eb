import { graphModel } from '../../graph/model';
import { topologyOf } from '../../graph/topology';
import { boundedSuggester } from '../../text/suggest';
import type { GraphRule } from '../types';

export const mp016: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-016',
    name: 'graph-output-not-produced',
    severity: 'warning',
    impact: 'request',
    tags: ['mediapipe', 'streams', 'request-time'],
    appliesTo: ['mediapipe-graph'],
    title: 'A graph output_stream is produced by no node',
    description: 'Reports a graph-level `output_stream` whose name no node outputs (and that is not a graph input either).',
    why:
      'MediaPipe does not check graph outputs at initialization (reference §3.3 row 21), so OVMS loads the graph; every request then fails when OVMS attaches a poller: `Unable to attach observer to output stream "x" because it doesn\'t exist.` (MEDIAPIPE_GRAPH_ADD_OUTPUT_STREAM_ERROR). With a graph pool the failure moves to load time.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "in"\noutput_stream: "result"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
      valid: 'input_stream: "in"\noutput_stream: "out"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Name a stream a node outputs, or add the node that produces it.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const t = topologyOf(ctx.doc);
    const suggest = boundedSuggester(t.streamProducer.keys());
    const pool = m.queue !== undefined && m.queue.value !== '0';
    for (const r of m.outputs) {
      if (r.error || t.streamProducer.has(r.name)) continue;
      ctx.report({
        span: r.span,
        message: `Graph output "${r.name}" is produced by no node; MediaPipe accepts this at load, but ${pool ? 'the graph pool fails to start (OVMS does not load the graph)' : 'every request fails ("Unable to attach observer to output stream")'}.${suggest(r.name)}`,
        ...(pool ? { impact: 'load' as const, severity: 'error' as const } : {}),
      });
    }
  },
};
