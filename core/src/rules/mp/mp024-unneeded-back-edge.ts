import { graphModel, type GraphNode } from '../../graph/model';
import { stronglyConnected, topologyOf, type Topology } from '../../graph/topology';
import type { GraphRule } from '../types';

export const mp024: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-024',
    name: 'unneeded-back-edge',
    severity: 'info',
    impact: 'advice',
    tags: ['mediapipe', 'streams'],
    appliesTo: ['mediapipe-graph'],
    title: 'An input is marked as a back edge but closes no loop',
    description:
      'Reports an `input_stream_info { … back_edge: true }` whose stream comes from a graph input or from a node that the consuming node does not feed, directly or through other nodes: no cycle would form without the flag. LOOPBACK inputs of LLM and speech nodes, which loop back into their own node, are real back edges and are not reported.',
    why:
      'MediaPipe logs a warning at initialization: "…is marked as a back edge, but its output stream is already available. This means it was not necessary to mark it as a back edge." (`validated_graph_config.cc:668-746`, reference §3.3 row 18). The graph loads, but a needless back edge removes the stream from the topological ordering of nodes, which can change when the consumer runs; usually it is a copy-paste of the LOOPBACK wiring onto the wrong input.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "in"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n  input_stream_info: { tag_index: ":0" back_edge: true }\n}',
      valid: 'input_stream: "in"\nnode {\n  calculator: "PassThroughCalculator"\n  input_stream: "in"\n  output_stream: "out"\n}',
    },
    fix: 'Remove the `input_stream_info` entry (or its `back_edge: true`), or point it at the input that really closes a loop.',
  },
  check(ctx) {
    const t = topologyOf(ctx.doc);
    if (!t.backEdges.size) return;
    // A back edge from the consuming node's own output (the LOOPBACK pattern) closes a loop by
    // itself; only the others need the components of the node graph.
    let component: Int32Array | undefined;
    const inLoop = (from: GraphNode, to: GraphNode): boolean => {
      if (from === to) return true;
      component ??= cycleComponents(graphModel(ctx.doc).nodes, t);
      return component[to.id] !== 0 && component[from.id] === component[to.id];
    };
    for (const r of t.backEdges) {
      const producer = t.streamProducer.get(r.name);
      if (!producer || !r.node) continue; // unproduced back edges: OVMS-MP-008
      if (producer.node && inLoop(producer.node, r.node)) continue;
      const from = producer.node ? `node ${producer.node.label}, which node ${r.node.label} does not feed` : 'a graph input_stream';
      ctx.report({
        span: r.span,
        message: `Input "${r.raw}" of node ${r.node.label} is marked as a back edge, but its stream comes from ${from}, so it closes no loop and the flag is unnecessary (MediaPipe logs "it was not necessary to mark it as a back edge"). Remove back_edge: true for it (LOOPBACK-style back edges belong on a stream that loops back).`,
        related: [{ file: ctx.file.path, span: producer.span, message: 'produced here' }],
      });
    }
  },
};

/**
 * Components of the node graph with the back edges included (a back edge closes a loop exactly
 * when its producer and its consumer end up in one): 0 for a node on no cycle, else its cycle's number.
 */
function cycleComponents(nodes: GraphNode[], t: Topology): Int32Array {
  const adj: number[][] = nodes.map(() => []);
  for (const node of nodes) {
    for (const r of node.inputs) {
      const p = r.error ? undefined : t.streamProducer.get(r.name)?.node;
      if (p) adj[p.id]!.push(node.id);
    }
    for (const r of node.inputSidePackets) {
      const p = r.error ? undefined : t.sidePacketProducer.get(r.name)?.node;
      if (p) adj[p.id]!.push(node.id);
    }
  }
  const component = new Int32Array(nodes.length);
  stronglyConnected(nodes.length, adj).forEach((c, i) => {
    for (const v of c) component[v] = i + 1;
  });
  return component;
}
