import type { GraphRule } from '../types';
import { isNpu, nodesOf, optString } from '../graph/servable-nodes';

const CB_OPTIONS = ['cache_size', 'dynamic_split_fuse', 'max_num_batched_tokens', 'max_num_seqs', 'enable_prefix_caching', 'cache_eviction_config', 'sparse_attention_config'];

export const llm006: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-006',
    name: 'llm-npu-ignored-options',
    severity: 'info',
    impact: 'advice',
    tags: ['llm', 'npu'],
    appliesTo: ['mediapipe-graph'],
    title: 'Continuous-batching options on an NPU or stateful LLM servable',
    description: 'Reports continuous-batching options (`cache_size`, `dynamic_split_fuse`, `max_num_batched_tokens`, `max_num_seqs`, `enable_prefix_caching`, `cache_eviction_config`, `sparse_attention_config`) on an LLM node with `device: "NPU"` or `pipeline_type: LM|VLM` (stateful pipelines).',
    why: 'OVMS docs (llm/reference.md §Scheduling settings): on NPU these options are ignored; stateful servables process one request at a time. Setting them suggests a capacity the servable does not have.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  device: "NPU"\n  max_num_seqs: 256\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  device: "NPU"\n}',
    },
    fix: 'Remove the ignored options (or use a continuous-batching device and pipeline).',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      if (!s.payload) continue;
      const pt = optString(s, 'pipeline_type')?.value;
      const stateful = pt === 'LM' || pt === 'VLM';
      if (!isNpu(s) && !stateful) continue;
      const why = isNpu(s) ? 'device NPU' : `pipeline_type ${pt}`;
      for (const f of s.payload.fields) {
        if (f.bracketed || !CB_OPTIONS.includes(f.name)) continue;
        ctx.report({
          span: f.nameSpan,
          message: `LLM node ${s.node.label}: \`${f.name}\` is ignored with ${why} (a stateful pipeline that serves one request at a time); remove it to avoid implying batching capacity.`,
        });
      }
    }
  },
};
