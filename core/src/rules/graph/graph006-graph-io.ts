import { graphModel, type PortRef } from '../../graph/model';
import type { GraphRule } from '../types';
import { servableNodes } from './servable-nodes';

export const graph006: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-006',
    name: 'graph-io-structure',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'Graph inputs and outputs break OVMS\'s rules',
    description:
      'Checks the graph-level `input_stream`/`output_stream` entries the way OVMS does before MediaPipe sees the graph: at least one of each, output names unique, no `TFLITE_TENSOR` tags, a `REQUEST*` input only with a `RESPONSE*` output (and vice versa) and then exactly one of each. A graph served over HTTP/OpenAI (LLM, embeddings, rerank, image, audio) must have exactly one input, named `input`.',
    why:
      'OVMS rejects these at load (`mediapipegraphdefinition.cpp:336-474`: MEDIAPIPE_WRONG_OUTPUT_STREAM_PACKET_NAME, MEDIAPIPE_KFS_PASSTHROUGH_MISSING_*, MEDIAPIPE_KFS_PASS_WRONG_*_STREAM_COUNT, NOT_IMPLEMENTED for TfLiteTensor). The HTTP frontend pushes every request into a stream hard-coded as `input` (`http_graph_executor_impl.cpp:90-104`): any other name loads fine and fails every request.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "HTTP_REQUEST_PAYLOAD:request"\noutput_stream: "HTTP_RESPONSE_PAYLOAD:output"\nnode {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_stream: "HTTP_REQUEST_PAYLOAD:request"\n}',
      valid: 'input_stream: "HTTP_REQUEST_PAYLOAD:input"\noutput_stream: "HTTP_RESPONSE_PAYLOAD:output"\nnode {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_stream: "HTTP_REQUEST_PAYLOAD:input"\n}',
    },
    fix: 'Declare at least one graph input and output with unique names; pair REQUEST with RESPONSE; name the single input of an HTTP graph `input`.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    if (m.type) return; // a subgraph definition, not a graph OVMS serves
    if (ctx.doc.syntax.length) return; // OVMS stops at the parse error; the partial tree's I/O says nothing
    if (m.nodes.length === 0 && m.inputs.length === 0 && m.outputs.length === 0) return; // not a graph at all
    const anchor = m.nodes[0]?.keySpan ?? m.root.fields[0]?.nameSpan ?? { start: 0, end: 0 };
    const inputs = m.inputs.filter((r) => !r.error);
    const outputs = m.outputs.filter((r) => !r.error);
    if (m.inputs.length === 0 || m.outputs.length === 0) {
      const missing = m.inputs.length === 0 && m.outputs.length === 0 ? 'no graph input_stream and no graph output_stream' : m.inputs.length === 0 ? 'no graph input_stream' : 'no graph output_stream';
      ctx.report({
        span: anchor,
        message: `The graph has ${missing}; OVMS needs at least one of each to route requests ("having less than one input or output is disallowed") and does not load the graph.`,
      });
    }
    const seen = new Map<string, PortRef>();
    for (const r of outputs) {
      const first = seen.get(r.name);
      if (first) {
        ctx.report({
          span: r.span,
          message: `Graph output name "${r.name}" is already used by "${first.raw}"; OVMS names response outputs by stream name and rejects the graph ("Output with the same name already exists"). Rename one.`,
          related: [{ file: ctx.file.path, span: first.span, message: 'first used here' }],
        });
      } else seen.set(r.name, r);
    }
    for (const r of [...inputs, ...outputs]) {
      if (r.tag.startsWith('TFLITE_TENSOR')) {
        ctx.report({ span: r.span, message: `Graph ${r.kind === 'input_stream' ? 'input' : 'output'} "${r.raw}" uses a TFLITE_TENSOR tag; OVMS has no support for TfLiteTensor graph I/O (NOT_IMPLEMENTED) and does not load the graph. Use OVTENSOR or TENSOR.` });
      }
    }
    const reqIn = inputs.filter((r) => r.tag.startsWith('REQUEST'));
    const respOut = outputs.filter((r) => r.tag.startsWith('RESPONSE'));
    if (reqIn.length && !respOut.length) {
      ctx.report({ span: reqIn[0]!.span, message: `Graph input "${reqIn[0]!.raw}" is a KServe pass-through (REQUEST tag) but no graph output has a RESPONSE tag; OVMS rejects the graph (MEDIAPIPE_KFS_PASSTHROUGH_MISSING_OUTPUT_RESPONSE_TAG). Add a RESPONSE output.` });
    } else if (respOut.length && !reqIn.length) {
      ctx.report({ span: respOut[0]!.span, message: `Graph output "${respOut[0]!.raw}" is a KServe pass-through (RESPONSE tag) but no graph input has a REQUEST tag; OVMS rejects the graph (MEDIAPIPE_KFS_PASSTHROUGH_MISSING_INPUT_REQUEST_TAG). Add a REQUEST input.` });
    } else if (reqIn.length) {
      if (inputs.length > 1) ctx.report({ span: inputs[1]!.span, message: `A KServe pass-through graph (REQUEST/RESPONSE) must have exactly one input; this is input ${inputs.length > 2 ? 'number 2 of ' + inputs.length : 'number 2'}, so OVMS rejects the graph (MEDIAPIPE_KFS_PASS_WRONG_INPUT_STREAM_COUNT).` });
      if (outputs.length > 1) ctx.report({ span: outputs[1]!.span, message: `A KServe pass-through graph (REQUEST/RESPONSE) must have exactly one output; this is output ${outputs.length > 2 ? 'number 2 of ' + outputs.length : 'number 2'}, so OVMS rejects the graph (MEDIAPIPE_KFS_PASS_WRONG_OUTPUT_STREAM_COUNT).` });
    }
    const http = servableNodes(ctx.doc).find((s) => s.kind.http);
    if (http && inputs.length > 0) {
      const named = inputs.filter((r) => r.name === 'input');
      const httpNote = `node ${http.node.label} makes this an HTTP/OpenAI graph, and OVMS pushes each request into the graph input named "input"`;
      if (named.length === 0) {
        ctx.report({
          span: inputs[0]!.span,
          severity: 'warning',
          impact: 'request',
          message: `Graph input "${inputs[0]!.raw}" is not named "input": ${httpNote}, so OVMS loads the graph but every request fails ("AddPacketToInputStream called on input stream \\"input\\" which is not a graph input stream"). Rename the stream to "input" (here and in its consumer).`,
        });
      } else if (inputs.length > 1) {
        const extra = inputs.find((r) => r.name !== 'input')!;
        ctx.report({
          span: extra.span,
          severity: 'warning',
          impact: 'request',
          message: `Graph input "${extra.raw}" is one input too many: ${httpNote} and expects exactly one packet, so every request fails ("Not all input packets created"). Keep the single input "input".`,
        });
      }
    }
  },
};
