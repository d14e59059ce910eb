import { effectiveInputHandler, graphModel } from '../../graph/model';
import { parseTagIndex } from '../../graph/names';
import type { GraphRule } from '../types';

export const mp013: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-013',
    name: 'invalid-timestamp-align-base',
    severity: 'error',
    impact: 'startup',
    tags: ['mediapipe', 'stream-handlers', 'crash'],
    appliesTo: ['mediapipe-graph'],
    title: 'TimestampAlignInputStreamHandler base tag_index names no input',
    description: 'For nodes running `TimestampAlignInputStreamHandler` (their own or the graph-wide one), `timestamp_base_tag_index` must parse and name an input stream of the node.',
    why: 'The handler\'s constructor checks it with ABSL_CHECK (`timestamp_align_input_stream_handler.cc:40-57`): a bad value aborts the whole OVMS process while the graph is initialized, taking every other servable down with it.',
    example: {
      language: 'pbtxt',
      invalid:
        'node {\n  calculator: "X"\n  input_stream: "A:a"\n  input_stream_handler {\n    input_stream_handler: "TimestampAlignInputStreamHandler"\n    options { [mediapipe.TimestampAlignInputStreamHandlerOptions.ext] { timestamp_base_tag_index: "B" } }\n  }\n}',
      valid:
        'node {\n  calculator: "X"\n  input_stream: "A:a"\n  input_stream_handler {\n    input_stream_handler: "TimestampAlignInputStreamHandler"\n    options { [mediapipe.TimestampAlignInputStreamHandlerOptions.ext] { timestamp_base_tag_index: "A" } }\n  }\n}',
    },
    fix: 'Set `timestamp_base_tag_index` to the TAG:index of one of the node\'s input streams.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    for (const node of m.nodes) {
      const h = effectiveInputHandler(m, node);
      if (h?.name?.value !== 'TimestampAlignInputStreamHandler') continue;
      const base = h.timestampBase;
      const text = base?.value ?? '';
      const p = parseTagIndex(text);
      const inputs = new Set(node.inputs.filter((r) => !r.error).map((r) => `${r.tag}:${r.index}`));
      if (p.ok && inputs.has(`${p.value.tag}:${p.value.index}`)) continue;
      const why = !base
        ? `no timestamp_base_tag_index is set, so the default "" (the first untagged input) is used, and node ${node.label} has no untagged input`
        : p.ok
          ? `"${text}" is not an input stream of node ${node.label}`
          : p.error;
      ctx.report({
        span: base?.span ?? h.name.span,
        message: `TimestampAlignInputStreamHandler of node ${node.label}: ${why}. The handler aborts the OVMS process (ABSL_CHECK) when the graph is initialized. Name one of the node's inputs.`,
      });
    }
  },
};
