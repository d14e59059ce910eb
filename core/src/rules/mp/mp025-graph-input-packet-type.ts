import { contractOf, graphInputPrefixFor, graphInputType, portType, T } from '../../graph/contracts';
import { graphModel, type PortRef } from '../../graph/model';
import type { GraphRule } from '../types';

export const mp025: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-025',
    name: 'graph-input-packet-type',
    severity: 'error',
    impact: 'request',
    tags: ['mediapipe', 'streams', 'request-time'],
    appliesTo: ['mediapipe-graph'],
    title: 'A graph input\'s tag gives its packets another type than the consuming calculator reads',
    description:
      'OVMS turns each KServe input into a packet whose C++ type follows the graph `input_stream` tag prefix: `OVTENSOR` or no/another tag = `ov::Tensor`, `TENSOR` = `mediapipe::Tensor`, `TFTENSOR` = `tensorflow::Tensor`, `OVMS_PY_TENSOR` = a Python object, `IMAGE` = `mediapipe::ImageFrame`, `REQUEST` = the whole request. This rule reports a graph input consumed by a port of a calculator with a known contract (Python, converter, inference calculators) that reads another type, e.g. an untagged input feeding a PythonExecutorCalculator. Inputs read as HTTP payloads (OpenAI endpoints) are not checked: OVMS builds those packets itself.',
    why:
      'MediaPipe types graph inputs as "any", so initialization accepts the graph and OVMS loads it; the first request then fails with `Packet type mismatch on a calculator receiving from stream "x"` (reference §3.3 note, §4.3 and §4.5 table).',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "text"\noutput_stream: "OVMS_PY_TENSOR:upper"\nnode {\n  name: "upper"\n  calculator: "PythonExecutorCalculator"\n  input_side_packet: "PYTHON_NODE_RESOURCES:py"\n  input_stream: "INPUT:text"\n  output_stream: "OUTPUT:upper"\n}',
      valid: 'input_stream: "OVMS_PY_TENSOR:text"\noutput_stream: "OVMS_PY_TENSOR:upper"\nnode {\n  name: "upper"\n  calculator: "PythonExecutorCalculator"\n  input_side_packet: "PYTHON_NODE_RESOURCES:py"\n  input_stream: "INPUT:text"\n  output_stream: "OUTPUT:upper"\n}',
    },
    fix: 'Tag the graph input with the prefix of the type its consumer reads (e.g. `OVMS_PY_TENSOR:` for Python nodes, `OVTENSOR:` or no tag for OpenVINOInferenceCalculator, `IMAGE:` for image calculators).',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    if (!m.inputs.length) return;
    // the node inputs reading each graph input, in node order
    const consumers = new Map<string, PortRef[]>();
    for (const input of m.inputs) if (!input.error) consumers.set(input.name, []);
    for (const node of m.nodes) for (const r of node.inputs) if (!r.error) consumers.get(r.name)?.push(r);
    for (const input of m.inputs) {
      if (input.error || input.tag.startsWith('TFLITE_TENSOR')) continue; // OVMS-GRAPH-006
      const sent = graphInputType(input.tag);
      for (const r of consumers.get(input.name) ?? []) {
        if (!r.node || r.index !== 0) continue;
        const contract = contractOf(r.node.calculator?.value);
        const wants = contract ? portType(contract.input_stream, r.tag, 0) : undefined;
        if (!wants || wants === sent || wants === T.httpPayload) continue;
        const prefix = graphInputPrefixFor(wants);
        ctx.report({
          span: input.span,
          message: `Graph input "${input.raw}" reaches the graph as ${sent} (its ${input.tag ? `tag ${input.tag}` : 'lack of a tag'} decides), but node ${r.node.label} reads "${r.raw}" as ${wants}; the graph loads, then every KServe request fails (Packet type mismatch on a calculator receiving from stream "${input.name}"). ${prefix ? `Tag the input ${prefix}:… (e.g. "${prefix}:${input.name}").` : `No graph input tag yields ${wants}: convert the input with a calculator first.`}`,
          related: [{ file: ctx.file.path, span: r.span, message: `read as ${wants} here` }],
        });
        break;
      }
    }
  },
};
