import { servableCalculator } from '../../graph/calculators';
import { graphModel, type GraphNode } from '../../graph/model';
import type { GraphRule } from '../types';
import { servableNodes, type ServableNode } from './servable-nodes';

export const graph004: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-004',
    name: 'servable-node-name-or-options',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'ovms-calculators'],
    appliesTo: ['mediapipe-graph'],
    title: 'Servable node without a unique name or without node_options',
    description:
      'GenAI nodes (calculators ending in `LLMCalculator`, `EmbeddingsCalculatorOV`, `RerankCalculatorOV`, `ImageGenCalculator`, `S2tCalculator`, `T2sCalculator`) and `PythonExecutorCalculator` nodes need a non-empty `name`, unique in the graph, and a `node_options` entry.',
    why:
      'OVMS\'s node initializers fail the graph load with LLM_NODE_MISSING_NAME, LLM_NODE_MISSING_OPTIONS, LLM_NODE_NAME_ALREADY_EXISTS (or the PYTHON_NODE_* equivalents) (`llm_node_initializer.cpp:44-56`, `python_node_initializer.cpp:41-53`). Names are checked per calculator kind only: two kinds sharing a name load, but MediaPipe renames them `name_1`/`name_2` and every request fails with "Could not find initialized … node named".',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "HttpLLMCalculator"\n  input_side_packet: "LLM_NODE_RESOURCES:llm"\n}',
      valid:
        'node {\n  name: "LLMExecutor"\n  calculator: "HttpLLMCalculator"\n  input_side_packet: "LLM_NODE_RESOURCES:llm"\n  node_options: {\n    [type.googleapis.com / mediapipe.LLMCalculatorOptions]: { models_path: "./" }\n  }\n}',
    },
    fix: 'Give every servable node a distinct `name` and its options as the first `node_options` entry.',
  },
  check(ctx) {
    const all = graphModel(ctx.doc).nodes;
    // the first two nodes of each name (most names are unique: no list for them)
    const firstByName = new Map<string, GraphNode>();
    const secondByName = new Map<string, GraphNode>();
    for (const n of all) {
      if (!n.name?.value) continue;
      if (!firstByName.has(n.name.value)) firstByName.set(n.name.value, n);
      else if (!secondByName.has(n.name.value)) secondByName.set(n.name.value, n);
    }
    const servableByName = new Map<string, ServableNode>();
    for (const s of servableNodes(ctx.doc)) {
      const n = s.node;
      const kindName = s.kind.calculator === 'PythonExecutorCalculator' ? 'PYTHON_NODE' : 'LLM_NODE';
      if (n.nodeOptions.length === 0) {
        ctx.report({
          span: n.calculator?.span ?? n.keySpan,
          message: `Node ${n.label} has no node_options; OVMS's initializer rejects it (${kindName}_MISSING_OPTIONS) and the graph is not loaded. Add \`node_options: { [type.googleapis.com / ${s.kind.options}]: { … } }\`.`,
        });
      }
      if (!n.name || n.name.value === '') {
        ctx.report({
          span: n.name?.span ?? n.calculator?.span ?? n.keySpan,
          message: `Node ${n.label} has no name; OVMS looks servable nodes up by name and rejects the graph (${kindName}_MISSING_NAME). Add \`name: "…"\`.`,
        });
        continue;
      }
      const name = n.name.value;
      const sameKind = servableByName.get(name);
      if (!sameKind || sameKind.kind !== s.kind) servableByName.set(name, s);
      if (sameKind && sameKind.kind === s.kind) {
        ctx.report({
          span: n.name.span,
          message: `Node name "${name}" is already used by another ${s.kind.calculator} node; OVMS rejects the graph (${kindName}_NAME_ALREADY_EXISTS). Give each node its own name.`,
          related: [{ file: ctx.file.path, span: sameKind.node.name!.span, message: 'first used here' }],
        });
        continue;
      }
      const first = firstByName.get(name);
      const other = first !== n ? first : secondByName.get(name);
      if (other && servableCalculator(other.calculator?.value) !== s.kind) {
        ctx.report({
          span: n.name.span,
          impact: 'request',
          severity: 'warning',
          message: `Node name "${name}" of ${s.kind.calculator} node is shared with node ${other.label}; OVMS loads the graph, but MediaPipe renames duplicate nodes "${name}_1", "${name}_2", … and every request fails ("Could not find initialized … node named"). Give each node its own name.`,
          related: [{ file: ctx.file.path, span: other.name!.span, message: 'same name here' }],
        });
      }
    }
  },
};
