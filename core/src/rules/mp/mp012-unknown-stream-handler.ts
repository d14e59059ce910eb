import { graphModel, type HandlerConfig } from '../../graph/model';
import { didYouMeanSuffix } from '../../text/suggest';
import type { GraphRule } from '../types';

/** Input stream handlers registered by MediaPipe's framework/stream_handler. */
export const INPUT_HANDLERS = [
  'DefaultInputStreamHandler',
  'ImmediateInputStreamHandler',
  'SyncSetInputStreamHandler',
  'FixedSizeInputStreamHandler',
  'TimestampAlignInputStreamHandler',
  'MuxInputStreamHandler',
  'BarrierInputStreamHandler',
  'EarlyCloseInputStreamHandler',
];
export const OUTPUT_HANDLERS = ['InOrderOutputStreamHandler'];

export const mp012: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-012',
    name: 'unknown-stream-handler',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'stream-handlers'],
    appliesTo: ['mediapipe-graph'],
    title: 'Input or output stream handler is not a registered handler',
    description: 'Checks `input_stream_handler: "…"` and `output_stream_handler: "…"` (per node and graph-wide) against the handlers MediaPipe registers.',
    why: 'MediaPipe fails `CalculatorNode::Initialize` with `"X" is not a registered input stream handler.` (`calculator_node.cc:345-380`); OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "HttpLLMCalculator"\n  input_stream_handler { input_stream_handler: "SyncSetInputStreamHandlr" }\n}',
      valid: 'node {\n  calculator: "HttpLLMCalculator"\n  input_stream_handler { input_stream_handler: "SyncSetInputStreamHandler" }\n}',
    },
    fix: 'Use a registered handler name (e.g. `SyncSetInputStreamHandler`, `ImmediateInputStreamHandler`, `DefaultInputStreamHandler`).',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const check = (h: HandlerConfig | undefined, known: string[], what: string) => {
      const n = h?.name;
      if (!n || known.includes(n.value) || known.includes(n.value.replace(/^\.?mediapipe\./, ''))) return;
      ctx.report({
        span: n.span,
        message: `"${n.value}" is not a registered ${what} stream handler; MediaPipe fails initialization and OVMS does not load the graph.${didYouMeanSuffix(n.value, known)}`,
      });
    };
    check(m.inputStreamHandler, INPUT_HANDLERS, 'input');
    check(m.outputStreamHandler, OUTPUT_HANDLERS, 'output');
    for (const node of m.nodes) {
      check(node.inputStreamHandler, INPUT_HANDLERS, 'input');
      check(node.outputStreamHandler, OUTPUT_HANDLERS, 'output');
    }
  },
};
