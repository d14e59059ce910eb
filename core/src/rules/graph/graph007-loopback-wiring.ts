import { effectiveInputHandler, graphModel } from '../../graph/model';
import { parseTagIndex } from '../../graph/names';
import type { GraphRule } from '../types';

export const graph007: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-007',
    name: 'loopback-wiring',
    severity: 'warning',
    impact: 'request',
    tags: ['mediapipe', 'back-edge', 'stream-handlers', 'request-time'],
    appliesTo: ['mediapipe-graph'],
    title: 'LOOPBACK stream without its back edge, sync set or output',
    description:
      'A node with a `LOOPBACK` input (LLM, speech-to-text and Python generator nodes) needs the exact wiring OVMS\'s templates use: the same `LOOPBACK` on an output, `input_stream_info { tag_index: \'LOOPBACK:0\' back_edge: true }`, and a `SyncSetInputStreamHandler` whose `sync_set` holds `LOOPBACK:0` alone, so the request input and the loop are processed independently.',
    why:
      'OVMS docs: "MediaPipe does not validate all the settings during graph initialization … test before deployment" and SyncSetInputStreamHandler options "are not validated during graph validation, but graph creation". Without the sync set the default handler waits for LOOPBACK and the request payload together, and streaming generation stalls or misbehaves at request time. PythonExecutorCalculator also insists on LOOPBACK being on both inputs and outputs ("If LOOPBACK is used, it must be defined on both input and output of the node"), failing at load.',
    example: {
      language: 'pbtxt',
      invalid:
        'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  input_stream: "HTTP_REQUEST_PAYLOAD:input"\n  output_stream: "LOOPBACK:loopback"\n  input_stream_info: { tag_index: \'LOOPBACK:0\', back_edge: true }\n}',
      valid:
        'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_stream: "LOOPBACK:loopback"\n  input_stream: "HTTP_REQUEST_PAYLOAD:input"\n  output_stream: "LOOPBACK:loopback"\n  input_stream_info: { tag_index: \'LOOPBACK:0\', back_edge: true }\n  input_stream_handler {\n    input_stream_handler: "SyncSetInputStreamHandler",\n    options { [mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set { tag_index: "LOOPBACK:0" } } }\n  }\n}',
    },
    fix: 'Copy the LOOPBACK wiring of an exported graph: LOOPBACK on input and output, the back-edge input_stream_info, and the SyncSet handler with `sync_set { tag_index: "LOOPBACK:0" }`.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    for (const node of m.nodes) {
      const loopIn = node.inputs.find((r) => !r.error && r.tag === 'LOOPBACK');
      const loopOut = node.outputs.find((r) => !r.error && r.tag === 'LOOPBACK');
      if (!loopIn && !loopOut) continue;
      const python = node.calculator?.value === 'PythonExecutorCalculator';
      if (!loopIn || !loopOut) {
        const have = (loopIn ?? loopOut)!;
        ctx.report({
          span: have.span,
          ...(python ? { severity: 'error' as const, impact: 'load' as const } : {}),
          message: python
            ? `Node ${node.label} has LOOPBACK only on its ${loopIn ? 'inputs' : 'outputs'}; PythonExecutorCalculator requires it on both ("If LOOPBACK is used, it must be defined on both input and output of the node") and OVMS does not load the graph.`
            : `Node ${node.label} has LOOPBACK only on its ${loopIn ? 'inputs' : 'outputs'}; the loop that drives streaming generation is not closed, so ${loopIn ? 'the node waits for a LOOPBACK packet that never comes' : 'nothing consumes the loop'}. Put LOOPBACK on both the inputs and the outputs.`,
        });
        continue;
      }
      const info = node.streamInfos.find((si) => si.parsed && si.parsed.tag === 'LOOPBACK' && si.parsed.index === loopIn.index);
      if (!info || !info.backEdge) {
        // Without a back edge MediaPipe reports a cycle at load when the loop closes on this node (OVMS-MP-009).
        const closes = loopOut.name === loopIn.name;
        if (!closes) {
          ctx.report({
            span: info?.span ?? loopIn.span,
            message: `LOOPBACK input of node ${node.label} is not declared as a back edge; add \`input_stream_info: { tag_index: 'LOOPBACK:0', back_edge: true }\` so MediaPipe schedules the loop correctly.`,
          });
        }
      }
      const h = effectiveInputHandler(m, node);
      const sync = h?.name?.value === 'SyncSetInputStreamHandler';
      const loopSet = sync
        ? h.syncSets.find((s) =>
            s.tagIndices.some((t) => {
              const p = parseTagIndex(t.value);
              return p.ok && p.value.tag === 'LOOPBACK';
            }),
          )
        : undefined;
      if (!sync) {
        ctx.report({
          span: h?.name?.span ?? loopIn.span,
          message: `Node ${node.label} loops through LOOPBACK but runs the ${h?.name?.value ?? 'default'} input stream handler; OVMS graphs need \`SyncSetInputStreamHandler\` with \`sync_set { tag_index: "LOOPBACK:0" }\` so the loop and the request are synchronised separately — MediaPipe does not check this at load, and requests stall or fail.`,
        });
      } else if (!loopSet) {
        ctx.report({
          span: h.name!.span,
          message: `SyncSetInputStreamHandler of node ${node.label} has no sync_set holding LOOPBACK:0, so LOOPBACK stays in the default set together with the request input and the loop stalls at request time. Add \`sync_set { tag_index: "LOOPBACK:0" }\`.`,
        });
      }
    }
  },
};
