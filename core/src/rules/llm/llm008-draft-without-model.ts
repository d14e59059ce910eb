import type { GraphRule } from '../types';
import { nodesOf, optString } from '../graph/servable-nodes';

const DRAFT = ['draft_max_num_batched_tokens', 'draft_cache_size', 'draft_dynamic_split_fuse', 'draft_max_num_seqs', 'draft_block_size', 'draft_device', 'draft_eagle3_mode'];

export const llm008: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-008',
    name: 'llm-draft-options-without-draft-model',
    severity: 'error',
    impact: 'load',
    tags: ['llm', 'speculative-decoding'],
    appliesTo: ['mediapipe-graph'],
    title: 'Draft-model options without draft_models_path',
    description: 'Reports `draft_*` scheduler options on an LLM node that has no `draft_models_path`.',
    why: 'OVMS fails the servable: "Draft model path is not provided, but draft scheduler options are set." (LLM_NODE_RESOURCE_STATE_INITIALIZATION_FAILED, `continuous_batching/servable_initializer.cpp:223-225`).',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  draft_max_num_seqs: 1\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  draft_models_path: "./draft"\n  draft_max_num_seqs: 1\n}',
    },
    fix: 'Add `draft_models_path` pointing at the draft model, or remove the draft options.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      if (!s.payload || optString(s, 'draft_models_path')?.value) continue;
      for (const f of s.payload.fields) {
        if (f.bracketed || !DRAFT.includes(f.name)) continue;
        ctx.report({ span: f.nameSpan, message: `LLM node ${s.node.label} sets \`${f.name}\` but no draft_models_path; OVMS fails the servable ("Draft model path is not provided, but draft scheduler options are set"). Add draft_models_path or remove the draft options.` });
      }
    }
  },
};
