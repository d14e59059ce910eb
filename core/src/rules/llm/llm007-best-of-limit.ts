import type { GraphRule } from '../types';
import { nodesOf, optNumber } from '../graph/servable-nodes';

export const llm007: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-007',
    name: 'llm-best-of-limit-raised',
    severity: 'warning',
    impact: 'risk',
    tags: ['llm', 'dos'],
    cwe: 770,
    appliesTo: ['mediapipe-graph'],
    title: 'best_of_limit raised above the default 20',
    description: 'Reports an LLM node with `best_of_limit` above 20.',
    why: 'A request\'s `best_of` runs that many beams in parallel; OVMS caps it with best_of_limit (default 20, llm/reference.md). A higher cap lets one request multiply its compute and KV-cache use.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  best_of_limit: 100\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  best_of_limit: 4\n}',
    },
    fix: 'Keep best_of_limit at 20 or lower.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const b = optNumber(s, 'best_of_limit');
      if (!b || b.value <= 20) continue;
      ctx.report({ span: b.span, message: `LLM node ${s.node.label} allows best_of up to ${b.value} (default 20): one request can run that many parallel beams. Lower best_of_limit to 20 or less.` });
    }
  },
};
