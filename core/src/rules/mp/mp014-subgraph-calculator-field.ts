import { KNOWN_SUBGRAPHS } from '../../graph/calculators';
import { graphModel } from '../../graph/model';
import type { GraphRule } from '../types';

export const mp014: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-014',
    name: 'subgraph-calculator-only-field',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'subgraphs'],
    appliesTo: ['mediapipe-graph'],
    title: 'A subgraph node uses a field only calculators accept',
    description:
      'Reports `source_layer`, `buffer_size_hint`, `output_stream_handler` or `input_stream_info` on a node whose `calculator` names a subgraph (a stock subgraph OVMS ships, such as `HolisticLandmarkCpu`, or a graph with that `type:` in the linted files).',
    why: 'Subgraph expansion rejects them: `Subgraph "N" has a field that is only applicable to calculators.` (`tool/subgraph_expansion.cc:189-199`); OVMS does not load the graph.',
    example: {
      language: 'pbtxt',
      invalid: 'node {\n  calculator: "HolisticLandmarkCpu"\n  input_stream: "IMAGE:input_video"\n  buffer_size_hint: 4\n}',
      valid: 'node {\n  calculator: "HolisticLandmarkCpu"\n  input_stream: "IMAGE:input_video"\n}',
    },
    fix: 'Remove the field from the subgraph node (set it on the calculators inside the subgraph instead).',
  },
  check(ctx) {
    const local = new Set<string>();
    for (const d of ctx.project.documents()) {
      if (d.kind !== 'mediapipe-graph') continue;
      const t = graphModel(d).type?.value;
      if (t) local.add(t);
    }
    for (const node of graphModel(ctx.doc).nodes) {
      const c = node.calculator?.value;
      if (!c || !(KNOWN_SUBGRAPHS.has(c) || local.has(c))) continue;
      for (const f of node.calculatorOnlyFields) {
        ctx.report({
          span: f.nameSpan,
          message: `Node ${node.label} invokes the subgraph ${c}, and \`${f.name}\` applies only to calculators; subgraph expansion fails ("has a field that is only applicable to calculators") and OVMS does not load the graph. Remove it.`,
        });
      }
    }
  },
};
