import { contractOf, portType, type PortSet } from '../../graph/contracts';
import { graphModel, type GraphNode, type PortRef } from '../../graph/model';
import type { GraphRule } from '../types';

interface Typed {
  ref: PortRef;
  type: string;
}

/** The declared packet type of a node's port, when its calculator's contract gives one. */
function typed(ref: PortRef, set: PortSet | undefined): string | undefined {
  if (!set || ref.error) return undefined;
  return portType(set, ref.tag, ref.index) ?? undefined;
}

export const mp021: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-021',
    name: 'packet-type-mismatch',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'calculators', 'streams', 'side-packets'],
    appliesTo: ['mediapipe-graph'],
    title: 'A stream or side packet connects ports of different packet types',
    description:
      'Where both ends of a stream or side packet are ports whose C++ packet type the calculators\' contracts fix (the OVMS GenAI, Python, converter, session and inference calculators), reports a consumer that expects another type than the producer emits: e.g. an `OVTENSOR` output (`ov::Tensor`) read as `TENSORS` (`std::vector<ov::Tensor>`) by OpenVINOTensorsToDetectionsCalculator, or a Python node\'s output (a Python object) fed straight into OpenVINOInferenceCalculator. Ports typed "any" (graph inputs, stock calculators) are not checked.',
    why:
      'MediaPipe compares the types of connected ports at initialization: `Input stream "x" of calculator "N" expects packets of type "A" but the connected output stream will contain packets of type "B"` (`ValidateStreamTypes`, `validated_graph_config.cc:962-978`) and the same for side packets (`ValidateSidePacketTypes`, `:898-919`), reference §3.3 rows 22-23. OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:image"\n  output_stream: "OVTENSOR:raw"\n}\nnode {\n  calculator: "OpenVINOTensorsToDetectionsCalculator"\n  input_stream: "TENSORS:raw"\n  output_stream: "DETECTIONS:detections"\n}',
      valid: 'node {\n  calculator: "OpenVINOInferenceCalculator"\n  input_side_packet: "SESSION:session"\n  input_stream: "OVTENSOR:image"\n  output_stream: "OVTENSORS:raw"\n}\nnode {\n  calculator: "OpenVINOTensorsToDetectionsCalculator"\n  input_stream: "TENSORS:raw"\n  output_stream: "DETECTIONS:detections"\n}',
    },
    fix: 'Change the producing tag so it emits the type the consumer reads (for OpenVINOInferenceCalculator the tag prefix picks the type: OVTENSORS = vector of ov::Tensor, OVTENSOR = ov::Tensor), or put a converter calculator in between.',
  },
  check(ctx) {
    const m = graphModel(ctx.doc);
    const streams = new Map<string, Typed>();
    const sidePackets = new Map<string, Typed>();
    const contracts = new Map<GraphNode, ReturnType<typeof contractOf>>();
    for (const node of m.nodes) {
      const c = contractOf(node.calculator?.value);
      if (!c) continue;
      contracts.set(node, c);
      for (const r of node.outputs) {
        const type = typed(r, c.output_stream);
        if (type && !streams.has(r.name)) streams.set(r.name, { ref: r, type });
      }
      for (const r of node.outputSidePackets) {
        const type = typed(r, c.output_side_packet);
        if (type && !sidePackets.has(r.name)) sidePackets.set(r.name, { ref: r, type });
      }
    }
    for (const [node, c] of contracts) {
      for (const [refs, set, producers, what] of [
        [node.inputs, c!.input_stream, streams, 'stream'],
        [node.inputSidePackets, c!.input_side_packet, sidePackets, 'side packet'],
      ] as const) {
        for (const r of refs) {
          const type = typed(r, set);
          const from = type ? producers.get(r.name) : undefined;
          if (!from || from.type === type) continue;
          ctx.report({
            span: r.span,
            message: `Input ${what} "${r.raw}" of node ${node.label} expects packets of type ${type}, but "${from.ref.raw}" of node ${from.ref.node!.label} produces ${from.type}; MediaPipe fails initialization (packet type mismatch) and OVMS does not load the graph. ${what === 'stream' ? `Make the producer emit ${type} or convert in between.` : `Connect a side packet of type ${type}.`}`,
            related: [{ file: ctx.file.path, span: from.ref.span, message: `produces ${from.type}` }],
          });
        }
      }
    }
  },
};
