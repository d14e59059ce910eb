import type { GraphRule } from '../types';
import { nodesOf, optionsAnchor, optNumber } from '../graph/servable-nodes';

export const llm001: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-001',
    name: 'llm-no-max-tokens-limit',
    severity: 'warning',
    impact: 'risk',
    tags: ['llm', 'dos'],
    cwe: 770,
    appliesTo: ['mediapipe-graph'],
    title: 'LLM node does not cap max_tokens',
    description: 'Reports an `HttpLLMCalculator` node whose `LLMCalculatorOptions` do not set `max_tokens_limit`.',
    why:
      'The default limit of 4096 was removed in 2025.1 (#3154); OVMS docs: it "is meant to avoid the result of memory overconsumption by invalid requests". A request without `max_tokens` then generates until end-of-sequence, holding KV cache and a scheduler slot for as long as the model rambles.',
    example: {
      language: 'pbtxt',
      invalid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n  }\n}',
      valid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n    max_tokens_limit: 4096\n  }\n}',
    },
    fix: 'Set `max_tokens_limit` to the model context or a product limit (e.g. 4096–8192).',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      if (!s.payload || optNumber(s, 'max_tokens_limit')) continue;
      ctx.report({
        span: optionsAnchor(s),
        message: `LLM node ${s.node.label} sets no max_tokens_limit: since OVMS 2025.1 there is no default cap, so a request without max_tokens generates until end-of-sequence, holding memory and a batch slot. Add \`max_tokens_limit: 4096\` (or your context length).`,
      });
    }
  },
};
