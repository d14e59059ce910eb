import type { GraphRule } from '../types';
import { nodesOf, optNumber } from '../graph/servable-nodes';

export const llm016: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-016',
    name: 'llm-cache-interval-multiplier-range',
    severity: 'warning',
    impact: 'load',
    tags: ['llm'],
    appliesTo: ['mediapipe-graph'],
    title: 'cache_interval_multiplier outside 8–256',
    description: 'Reports an LLM node `cache_interval_multiplier` below 8 or above 256.',
    why: 'OVMS docs (performance_tuning.md): "Allowed range: 8-256".',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  cache_interval_multiplier: 4\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  cache_interval_multiplier: 16\n}',
    },
    fix: 'Use a value from 8 to 256.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const v = optNumber(s, 'cache_interval_multiplier');
      if (!v || (v.value >= 8 && v.value <= 256)) continue;
      ctx.report({ span: v.span, message: `cache_interval_multiplier ${v.value} of LLM node ${s.node.label} is outside the allowed range 8–256 (performance_tuning.md). Use a value in range.` });
    }
  },
};
