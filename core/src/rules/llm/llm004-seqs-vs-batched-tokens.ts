import type { GraphRule } from '../types';
import { isNpu, nodesOf, optNumber } from '../graph/servable-nodes';

export const llm004: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-004',
    name: 'llm-max-num-seqs-above-batched-tokens',
    severity: 'warning',
    impact: 'risk',
    tags: ['llm', 'performance'],
    appliesTo: ['mediapipe-graph'],
    title: 'max_num_seqs is higher than max_num_batched_tokens',
    description: 'Compares `max_num_seqs` (default 256) with `max_num_batched_tokens` (default 256) of an LLM node, defaults included.',
    why: 'OVMS docs (llm/reference.md §Scheduling settings) on max_num_seqs: "This value should not be higher than max_num_batched_tokens" — each scheduled sequence needs at least one token of the step budget, so the extra sequences only queue.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  max_num_seqs: 512\n  max_num_batched_tokens: 256\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  max_num_seqs: 256\n  max_num_batched_tokens: 8192\n}',
    },
    fix: 'Lower max_num_seqs or raise max_num_batched_tokens so that max_num_seqs <= max_num_batched_tokens.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      if (!s.payload || isNpu(s)) continue;
      const seqs = optNumber(s, 'max_num_seqs');
      const tokens = optNumber(s, 'max_num_batched_tokens');
      const sv = seqs?.value ?? 256;
      const tv = tokens?.value ?? 256;
      if (sv <= tv || (!seqs && !tokens)) continue;
      ctx.report({
        span: (seqs ?? tokens)!.span,
        message: `LLM node ${s.node.label}: max_num_seqs ${sv} is higher than max_num_batched_tokens ${tv}${tokens ? '' : ' (default)'}; OVMS docs say it should not be, since every scheduled sequence needs a token of the per-step budget. Lower max_num_seqs to ${tv} or raise max_num_batched_tokens.`,
        related: tokens ? [{ file: ctx.file.path, span: tokens.span, message: 'max_num_batched_tokens set here' }] : [],
      });
    }
  },
};
