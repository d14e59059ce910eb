/**
 * What OVMS checks when it builds a DAG pipeline (reference ovms-config.md §2.15,
 * src/dags/pipelinedefinition.cpp): node names, connections to existing nodes and data items,
 * referenced models and libraries, gather nodes, cycles and unconnected nodes. A failure makes
 * the pipeline unavailable ("Validation of pipeline: {} definition failed."); the server runs on.
 * Linear in the size of the pipeline.
 */
import type { JsonNode } from '../../documents';
import type { JsonIndex } from './json-index';
import { valueAt } from './schema-messages';

export interface DagProblem {
  node: JsonNode;
  pointer: string;
  message: string;
  /** Set for what OVMS only warns about (the default is an error that fails the pipeline). */
  advice?: boolean;
}

const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const REQUEST = 'request';
const RESPONSE = 'response';

interface Edge {
  from: string;
  item: string;
  /** pointer of the {"node_name", "data_item"} object */
  ptr: string;
}

export function dagProblems(ix: JsonIndex, models: Map<string, Record<string, unknown>>, libraries: Set<string>): DagProblem[] {
  const out: DagProblem[] = [];
  const pipelines = valueAt(ix.value, ['pipeline_config_list']);
  if (!Array.isArray(pipelines)) return out;
  pipelines.forEach((p, pi) => {
    if (!obj(p) || !Array.isArray(p.nodes)) return;
    const base = `/pipeline_config_list/${pi}`;
    const pname = typeof p.name === 'string' ? p.name : `#${pi}`;
    const fail = `OVMS does not load pipeline \`${pname}\` ("Validation of pipeline: ${pname} definition failed.")`;
    const at = (ptr: string, message: string, advice = false) => {
      const n = ix.nodes.get(ptr)?.node;
      if (n) out.push({ node: n, pointer: ptr, message, ...(advice ? { advice } : {}) });
    };

    // nodes by name, with their output aliases
    const nodes = new Map<string, { i: number; aliases: Set<string>; demultiply: boolean; deps: Edge[] }>();
    p.nodes.forEach((n, i) => {
      if (!obj(n) || typeof n.name !== 'string') return;
      const ptr = `${base}/nodes/${i}`;
      if (n.name === REQUEST || n.name === RESPONSE) {
        at(`${ptr}/name`, `Node name \`${n.name}\` is reserved for the pipeline's implicit ${n.name === REQUEST ? 'entry' : 'exit'} node (PIPELINE_NODE_NAME_DUPLICATE); ${fail}. Rename the node.`);
        return;
      }
      if (nodes.has(n.name)) {
        at(`${ptr}/name`, `Node name \`${n.name}\` is used twice in pipeline \`${pname}\` (PIPELINE_NODE_NAME_DUPLICATE); ${fail}. Rename one of them.`);
        return;
      }
      const aliases = new Set<string>();
      if (Array.isArray(n.outputs)) for (const o of n.outputs) if (obj(o) && typeof o.alias === 'string') aliases.add(o.alias);
      const demultiply = typeof n.demultiply_count === 'number';
      nodes.set(n.name, { i, aliases, demultiply, deps: [] });
    });
    const inputs = new Set(Array.isArray(p.inputs) ? p.inputs.filter((x): x is string => typeof x === 'string') : []);

    const edgesOf = (list: unknown, listPtr: string): Edge[] => {
      const edges: Edge[] = [];
      if (!Array.isArray(list)) return edges;
      list.forEach((m, j) => {
        if (!obj(m)) return;
        const [key, src] = Object.entries(m)[0] ?? [];
        if (key === undefined || !obj(src) || typeof src.node_name !== 'string' || typeof src.data_item !== 'string') return;
        edges.push({ from: src.node_name, item: src.data_item, ptr: `${listPtr}/${j}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
      });
      return edges;
    };
    const checkEdge = (e: Edge) => {
      if (e.from === RESPONSE) {
        at(`${e.ptr}/node_name`, `\`response\` is the pipeline's exit and cannot feed a node (PIPELINE_EXIT_USED_AS_NODE_DEPENDENCY); ${fail}.`);
        return false;
      }
      if (e.from === REQUEST) {
        if (!inputs.has(e.item)) at(`${e.ptr}/data_item`, `\`${e.item}\` is not an input of pipeline \`${pname}\` (its inputs: ${[...inputs].join(', ') || 'none'}); ${fail}. Add it to "inputs" or fix data_item.`);
        return true;
      }
      const src = nodes.get(e.from);
      if (!src) {
        at(`${e.ptr}/node_name`, `Node \`${e.from}\` does not exist in pipeline \`${pname}\` (PIPELINE_NODE_REFERING_TO_MISSING_NODE); ${fail}. Use "request" or the name of a node.`);
        return false;
      }
      if (!src.aliases.has(e.item)) at(`${e.ptr}/data_item`, `Node \`${e.from}\` has no output \`${e.item}\` (its outputs: ${[...src.aliases].join(', ') || 'none'}); ${fail}. Use one of the aliases in its "outputs".`);
      return true;
    };

    if (p.demultiply_count === 0) at(`${base}/demultiply_count`, 'demultiply_count 0 is deprecated: OVMS treats it as -1 (dynamic) with a warning. Write -1.', true);

    // per node: dependencies, model / library, gather
    p.nodes.forEach((n, i) => {
      if (!obj(n) || typeof n.name !== 'string') return;
      const info = nodes.get(n.name);
      const ptr = `${base}/nodes/${i}`;
      for (const e of edgesOf(n.inputs, `${ptr}/inputs`)) if (checkEdge(e) && info && info.i === i) info.deps.push(e);
      if (n.type === 'DL model' && typeof n.model_name === 'string') {
        const model = models.get(n.model_name);
        if (!model) {
          at(`${ptr}/model_name`, `Model \`${n.model_name}\` is not served by this config (PIPELINE_NODE_REFERING_TO_MISSING_MODEL); ${fail}. Add it to model_config_list or fix model_name.`);
        } else if (model.batch_size === 'auto' || model.shape === 'auto' || (obj(model.shape) && Object.values(model.shape).includes('auto'))) {
          at(`${ptr}/model_name`, `Model \`${n.model_name}\` uses batch_size or shape "auto", which is forbidden in a pipeline; ${fail}. Give the model a dynamic shape instead.`);
        }
      }
      if (n.type === 'custom' && typeof n.library_name === 'string' && !libraries.has(n.library_name)) {
        at(`${ptr}/library_name`, `Custom node library \`${n.library_name}\` is not in custom_node_library_config_list ("refers to non existing custom node library"); ${fail}. Add the library or fix library_name.`);
      }
      if (n.demultiply_count === 0) {
        at(`${ptr}/demultiply_count`, `demultiply_count 0 is deprecated: OVMS treats it as -1 (dynamic) with a warning. Write -1.`, true);
      }
      if (typeof n.gather_from_node === 'string') {
        const g = nodes.get(n.gather_from_node);
        if (!g) at(`${ptr}/gather_from_node`, `gather_from_node names \`${n.gather_from_node}\`, which is not a node of pipeline \`${pname}\`; ${fail}.`);
        else if (!g.demultiply) at(`${ptr}/gather_from_node`, `gather_from_node names \`${n.gather_from_node}\`, which has no demultiply_count, so there is nothing to gather; ${fail}.`);
      }
    });
    const outEdges = edgesOf(p.outputs, `${base}/outputs`).filter(checkEdge);

    // cycles (iterative DFS over dependencies)
    const state = new Map<string, 1 | 2>();
    let cycleReported = false;
    for (const start of nodes.keys()) {
      if (state.has(start) || cycleReported) continue;
      const stack: { name: string; k: number }[] = [{ name: start, k: 0 }];
      const path: string[] = [start];
      state.set(start, 1);
      while (stack.length && !cycleReported) {
        const top = stack[stack.length - 1]!;
        const deps = nodes.get(top.name)!.deps;
        if (top.k >= deps.length) {
          state.set(top.name, 2);
          stack.pop();
          path.pop();
          continue;
        }
        const next = deps[top.k++]!.from;
        if (!nodes.has(next)) continue;
        const s = state.get(next);
        if (s === 1) {
          const cycle = [...path.slice(path.indexOf(next)), next];
          at(`${base}/nodes/${nodes.get(next)!.i}/name`, `Pipeline \`${pname}\` has a cycle: ${cycle.join(' → ')} (PIPELINE_CYCLE_FOUND); ${fail}. Break the cycle.`);
          cycleReported = true;
        } else if (s === undefined) {
          state.set(next, 1);
          stack.push({ name: next, k: 0 });
          path.push(next);
        }
      }
    }
    if (cycleReported) return;

    // unconnected nodes: not fed (transitively) from request, or not leading to response
    const consumers = new Map<string, string[]>();
    for (const [name, info] of nodes) for (const e of info.deps) consumers.set(e.from, [...(consumers.get(e.from) ?? []), name]);
    const fromRequest = new Set<string>();
    const queue = [...(consumers.get(REQUEST) ?? [])];
    while (queue.length) {
      const n = queue.pop()!;
      if (fromRequest.has(n)) continue;
      fromRequest.add(n);
      queue.push(...(consumers.get(n) ?? []));
    }
    const toResponse = new Set<string>();
    const back = outEdges.map((e) => e.from).filter((n) => nodes.has(n));
    while (back.length) {
      const n = back.pop()!;
      if (toResponse.has(n)) continue;
      toResponse.add(n);
      for (const e of nodes.get(n)!.deps) if (nodes.has(e.from)) back.push(e.from);
    }
    for (const [name, info] of nodes) {
      if (fromRequest.has(name) && toResponse.has(name)) continue;
      at(`${base}/nodes/${info.i}/name`, `Node \`${name}\` is not connected ${fromRequest.has(name) ? 'to the pipeline outputs' : 'to the pipeline inputs'} (PIPELINE_CONTAINS_UNCONNECTED_NODES); ${fail}. Wire it between request and response or remove it.`);
    }
  });
  return out;
}
