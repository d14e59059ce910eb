/**
 * Graph topology: who produces each stream and side packet, what is consumed but never produced,
 * back edges, and cycles — MediaPipe's `ValidatedGraphConfig` steps (reference §3.3 rows 14-20)
 * computed once per model in linear time (hash maps and an iterative Tarjan SCC).
 */
import { graphModel, type GraphModel, type GraphNode, type PortRef } from './model';
import type { GraphDocument } from '../documents';

export interface Duplicate {
  ref: PortRef;
  first: PortRef;
}

export interface Topology {
  /** First producer of each stream name: a graph `input_stream` or a node's `output_stream`. */
  streamProducer: Map<string, PortRef>;
  duplicateStreams: Duplicate[];
  sidePacketProducer: Map<string, PortRef>;
  duplicateSidePackets: Duplicate[];
  /** Node input streams nobody produces (`backEdge` tells which case of §3.3 applies). */
  unproducedInputs: { ref: PortRef; backEdge: boolean }[];
  /** Node input side packets no node produces (OVMS supplies some itself; rules decide). */
  unproducedSidePackets: PortRef[];
  /** Node inputs declared as back edges. */
  backEdges: Set<PortRef>;
  /** Strongly connected groups of nodes not broken by back edges (each a cycle), in node order. */
  cycles: GraphNode[][];
}

const cache = new WeakMap<GraphModel, Topology>();

export function topologyOf(doc: GraphDocument): Topology {
  const model = graphModel(doc);
  let t = cache.get(model);
  if (!t) cache.set(model, (t = buildTopology(model)));
  return t;
}

function buildTopology(model: GraphModel): Topology {
  const t: Topology = {
    streamProducer: new Map(),
    duplicateStreams: [],
    sidePacketProducer: new Map(),
    duplicateSidePackets: [],
    unproducedInputs: [],
    unproducedSidePackets: [],
    backEdges: new Set(),
    cycles: [],
  };
  const produce = (map: Map<string, PortRef>, dups: Duplicate[], ref: PortRef) => {
    if (ref.error) return;
    const first = map.get(ref.name);
    if (first) dups.push({ ref, first });
    else map.set(ref.name, ref);
  };
  // Index loops: this runs once per lint, much of it before the optimizing compiler takes over,
  // and unoptimized for-of makes an iterator per loop and a result object per step.
  const nodes = model.nodes;
  for (let i = 0; i < model.inputs.length; i++) produce(t.streamProducer, t.duplicateStreams, model.inputs[i]!);
  for (let k = 0; k < nodes.length; k++) {
    const { outputs, outputSidePackets } = nodes[k]!;
    for (let i = 0; i < outputs.length; i++) produce(t.streamProducer, t.duplicateStreams, outputs[i]!);
    for (let i = 0; i < outputSidePackets.length; i++) produce(t.sidePacketProducer, t.duplicateSidePackets, outputSidePackets[i]!);
  }
  // Edges producer node -> consumer node, excluding back edges (§3.3 rows 17-20).
  const n = model.nodes.length;
  // most nodes have no outgoing edge or one: they share one empty list until they get their own
  const NONE: number[] = [];
  const adj: number[][] = new Array<number[]>(n).fill(NONE);
  const edge = (from: number, to: number) => {
    const list = adj[from]!;
    if (list === NONE) adj[from] = [to];
    else list.push(to);
  };
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    let back: Set<string> | undefined;
    const { streamInfos, inputs, inputSidePackets } = node;
    for (let i = 0; i < streamInfos.length; i++) {
      const si = streamInfos[i]!;
      if (si.backEdge && si.parsed) (back ??= new Set()).add(`${si.parsed.tag}:${si.parsed.index}`);
    }
    for (let i = 0; i < inputs.length; i++) {
      const r = inputs[i]!;
      if (r.error) continue;
      const isBack = back !== undefined && back.has(`${r.tag}:${r.index}`);
      if (isBack) t.backEdges.add(r);
      const p = t.streamProducer.get(r.name);
      if (!p) {
        t.unproducedInputs.push({ ref: r, backEdge: isBack });
        continue;
      }
      if (!isBack && p.node) edge(p.node.id, node.id);
    }
    for (let i = 0; i < inputSidePackets.length; i++) {
      const r = inputSidePackets[i]!;
      if (r.error) continue;
      const p = t.sidePacketProducer.get(r.name);
      if (!p) t.unproducedSidePackets.push(r);
      else if (p.node) edge(p.node.id, node.id);
    }
  }
  t.cycles = stronglyConnected(n, adj)
    .map((c) => c.sort((a, b) => a - b).map((i) => model.nodes[i]!))
    .sort((a, b) => a[0]!.id - b[0]!.id);
  return t;
}

/**
 * Tarjan's strongly connected components that are cycles (more than one node, or a node with an
 * edge to itself), iterative (no recursion depth limit). The single-node components of an
 * acyclic graph (every node of a typical one) are never materialised.
 */
export function stronglyConnected(n: number, adj: number[][]): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  const edgePos = new Int32Array(n);
  let counter = 0;
  const call: number[] = [];
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    call.push(s);
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    while (call.length) {
      const v = call[call.length - 1]!;
      const edges = adj[v]!;
      if (edgePos[v]! < edges.length) {
        const w = edges[edgePos[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          call.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      call.pop();
      if (call.length) {
        const u = call[call.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        if (stack[stack.length - 1] === v) {
          // a component of one node: a cycle only through a self-edge
          stack.pop();
          onStack[v] = 0;
          if (edges.includes(v)) out.push([v]);
          continue;
        }
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        out.push(comp);
      }
    }
  }
  return out;
}
