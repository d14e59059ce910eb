import { graphModel, type OptionsPayload } from '../../graph/model';
import type { GraphRule } from '../types';

export const mp005: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-MP-005',
    name: 'duplicate-node-options-type',
    severity: 'error',
    impact: 'load',
    tags: ['mediapipe', 'options'],
    appliesTo: ['mediapipe-graph'],
    title: 'node_options holds the same options type more than once',
    description: 'Reports a second `node_options { [type.googleapis.com/X] {…} }` entry of a type already given in the same node.',
    why:
      'MediaPipe RET_CHECKs it in `NodeTypeInfo::Initialize` (`validated_graph_config.cc:207-212`): "Options type: \'URL\' specified more than once for a single calculator node config."; the graph is not loaded.',
    example: {
      language: 'pbtxt',
      invalid:
        'node {\n  calculator: "RerankCalculatorOV"\n  node_options: { [type.googleapis.com/mediapipe.RerankCalculatorOVOptions] { models_path: "./" } }\n  node_options: { [type.googleapis.com/mediapipe.RerankCalculatorOVOptions] { target_device: "GPU" } }\n}',
      valid: 'node {\n  calculator: "RerankCalculatorOV"\n  node_options: { [type.googleapis.com/mediapipe.RerankCalculatorOVOptions] { models_path: "./" target_device: "GPU" } }\n}',
    },
    fix: 'Merge the fields of both entries into one `node_options` entry.',
  },
  check(ctx) {
    for (const node of graphModel(ctx.doc).nodes) {
      if (node.nodeOptions.length < 2) continue;
      const seen = new Map<string, OptionsPayload>();
      for (const o of node.nodeOptions) {
        const first = seen.get(o.typeName);
        if (!first) {
          seen.set(o.typeName, o);
          continue;
        }
        ctx.report({
          span: o.field.nameSpan,
          message: `Node ${node.label} gives options of type ${o.typeName} twice; MediaPipe fails initialization ("specified more than once for a single calculator node config") and OVMS does not load the graph. Merge them into one node_options entry.`,
          related: [{ file: ctx.file.path, span: first.field.nameSpan, message: 'first given here' }],
        });
      }
    }
  },
};
