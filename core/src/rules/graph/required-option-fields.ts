import { checkGraph } from '../../proto/check';
import type { GraphRule } from '../types';

export const requiredOptionFields: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-005',
    name: 'required-option-field-missing',
    severity: 'error',
    impact: 'load',
    tags: ['schema', 'mediapipe'],
    appliesTo: ['mediapipe-graph'],
    title: 'Required calculator option missing',
    description:
      'Reports calculator options that lack a field their schema marks `required`: `models_path` of the LLM, embeddings, rerank, image generation, speech-to-text and text-to-speech options, `handler_path` of the Python executor, `servable_name` of the OpenVINO session calculator, and the required fields of nested entries (LoRA adapters, voices, cache eviction config).',
    why:
      'The options are proto2 messages. Inside node_options (a google.protobuf.Any) protobuf checks required fields while parsing ("Value of type ... stored in google.protobuf.Any has missing required fields"); elsewhere the parse ends with "Message missing required fields". Either way OVMS does not load the graph. `protoc --encode` does not show this (it allows partial messages).',
    example: {
      language: 'pbtxt',
      invalid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    device: "CPU"\n  }\n}',
      valid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n    device: "CPU"\n  }\n}',
    },
    fix: 'Add the missing field; `models_path` is usually "./" (the graph\'s directory).',
  },
  check(ctx) {
    for (const issue of checkGraph(ctx.doc.ast).issues) {
      if (issue.kind !== 'required') continue;
      ctx.report({
        message: `${issue.message} It is a required field, so protobuf refuses to parse the options and OVMS does not load the graph. Add ${issue.field}: ….`,
        span: issue.span,
      });
    }
  },
};
