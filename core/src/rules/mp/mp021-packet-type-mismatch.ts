import { contractOf, portType, type PortSet } from '../../graph/contracts';
import { graphModel, type PortRef } from '../../graph/model';
import type { GraphRule } from '../types';

interface Typed {
  ref: PortRef;
  type: string;
}

/** Record the first typed producer of each name. */
function produce(into: Map<string, Typed>, refs: PortRef[], set: PortSet): void {
  for (const r of refs) {
    if (r.error || r.index !== 0 || into.has(r.name)) continue;
    const type = portType(set, r.tag, 0);
    if (type) into.set(r.name, { ref: r, type });
  }
}

const NONE: [PortRef, string, Typed][] = [];

/** Inputs whose declared type differs from their producer's: [input, its type, the producer]. */
function consume(producers: Map<string, Typed>, refs: PortRef[], set: PortSet): [PortRef, string, Typed][] {
  let out = NONE;
  for (const r of refs) {
    if (r.error || r.index !== 0) continue;
    const from = producers.get(r.name);
    if (!from) continue;
    const type = portType(set, r.tag, 0);
    if (type && type !== from.type) (out === NONE ? (out = []) : out).push([r, type, from]);
  }
  return out;
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
    const streams = new Map<string, Typed>();
    const sidePackets = new Map<string, Typed>();
    const nodes = graphModel(ctx.doc).nodes;
    for (const node of nodes) {
      const contract = contractOf(node.calculator?.value);
      if (!contract) continue;
      produce(streams, node.outputs, contract.output_stream);
      produce(sidePackets, node.outputSidePackets, contract.output_side_packet);
    }
    if (!streams.size && !sidePackets.size) return;
    for (const node of nodes) {
      const contract = contractOf(node.calculator?.value);
      if (!contract) continue;
      for (const [r, type, from] of consume(streams, node.inputs, contract.input_stream)) {
        ctx.report({
          span: r.span,
          message: `Input stream "${r.raw}" of node ${node.label} expects packets of type ${type}, but "${from.ref.raw}" of node ${from.ref.node!.label} produces ${from.type}; MediaPipe fails initialization (packet type mismatch) and OVMS does not load the graph. Make the producer emit ${type} or convert in between.`,
          related: [{ file: ctx.file.path, span: from.ref.span, message: `produces ${from.type}` }],
        });
      }
      for (const [r, type, from] of consume(sidePackets, node.inputSidePackets, contract.input_side_packet)) {
        ctx.report({
          span: r.span,
          message: `Input side packet "${r.raw}" of node ${node.label} expects packets of type ${type}, but "${from.ref.raw}" of node ${from.ref.node!.label} produces ${from.type}; MediaPipe fails initialization (packet type mismatch) and OVMS does not load the graph. Connect a side packet of type ${type}.`,
          related: [{ file: ctx.file.path, span: from.ref.span, message: `produces ${from.type}` }],
        });
      }
    }
  },
};
