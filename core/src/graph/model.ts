/**
 * The MediaPipe graph model: what a graph.pbtxt declares, read from the text-format AST once per
 * document (memoised) in one pass (build.ts). Names are parsed with MediaPipe's rules (names.ts);
 * nothing here judges: rules do (core/src/rules/mp, core/src/rules/graph).
 */
import type { GraphDocument } from '../documents';
import { buildModel } from './build';
import type { GraphModel, GraphNode, HandlerConfig, OptionsPayload, PortRef } from './types';

export type * from './types';

const cache = new WeakMap<GraphDocument, GraphModel>();

/** The graph model of a document, built once. */
export function graphModel(doc: GraphDocument): GraphModel {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = buildModel(doc)));
  return m;
}

const listsCache = new WeakMap<GraphModel, PortRef[][]>();

/** Every port list of the graph (graph inputs/outputs, then each node's four lists), non-empty ones only. */
export function portLists(model: GraphModel): PortRef[][] {
  let lists = listsCache.get(model);
  if (!lists) {
    lists = [];
    if (model.inputs.length) lists.push(model.inputs);
    if (model.outputs.length) lists.push(model.outputs);
    for (const n of model.nodes) {
      if (n.inputs.length) lists.push(n.inputs);
      if (n.outputs.length) lists.push(n.outputs);
      if (n.inputSidePackets.length) lists.push(n.inputSidePackets);
      if (n.outputSidePackets.length) lists.push(n.outputSidePackets);
    }
    listsCache.set(model, lists);
  }
  return lists;
}

/** The input stream handler a node runs with: its own, else the graph-level one (copied by MediaPipe). */
export function effectiveInputHandler(model: GraphModel, node: GraphNode): HandlerConfig | undefined {
  return node.inputStreamHandler ?? model.inputStreamHandler;
}

/** The options payload of a given type: node_options first, then options. */
export function optionsOf(node: GraphNode, typeName: string): OptionsPayload | undefined {
  return node.nodeOptions.find((o) => o.typeName === typeName) ?? node.options.find((o) => o.typeName === typeName);
}

/** Whether a valid entry of `refs` is `tag` at `index` (a node's lists hold a few entries: a scan, no set or keys). */
export function hasPort(refs: readonly PortRef[], tag: string, index: number): boolean {
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (!r.error && r.index === index && r.tag === tag) return true;
  }
  return false;
}

/** The distinct `"TAG:index"` of the valid entries of `refs`, for messages (`"A:0", "B:0"`). */
export function portKeysText(refs: readonly PortRef[]): string {
  return [...new Set(refs.filter((r) => !r.error).map((r) => `"${r.tag}:${r.index}"`))].join(', ');
}
