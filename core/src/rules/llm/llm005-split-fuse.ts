import type { GraphRule } from '../types';
import { isNpu, nodesOf, optBool, optNumber, pluginConfig } from '../graph/servable-nodes';

export const llm005: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-005',
    name: 'llm-split-fuse-off-small-budget',
    severity: 'warning',
    impact: 'request',
    tags: ['llm', 'performance'],
    appliesTo: ['mediapipe-graph'],
    title: 'Split-fuse disabled with a small batched-token budget',
    description: 'Reports an LLM node with `dynamic_split_fuse: false` (or `prompt_lookup` enabled in plugin_config) whose `max_num_batched_tokens` is absent (256) or below 4096.',
    why:
      'With split-fuse off the prompt "must get processed fully in one step", so max_num_batched_tokens must cover the longest prompt (llm/reference.md); the GPU demo pairs `dynamic_split_fuse: false` with `max_num_batched_tokens: 8192`. Longer prompts are rejected or never scheduled.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  dynamic_split_fuse: false\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  dynamic_split_fuse: false\n  max_num_batched_tokens: 8192\n}',
    },
    fix: 'Raise max_num_batched_tokens to the model context length (e.g. 8192), or keep dynamic_split_fuse on.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      if (!s.payload || isNpu(s)) continue;
      const fuse = optBool(s, 'dynamic_split_fuse');
      const pc = pluginConfig(s);
      const lookup = pc && (pc.value['prompt_lookup'] === true || pc.value['prompt_lookup'] === 'true');
      if (!(fuse && fuse.value === false) && !lookup) continue;
      const tokens = optNumber(s, 'max_num_batched_tokens');
      if (tokens && tokens.value >= 4096) continue;
      const why = fuse && fuse.value === false ? 'dynamic_split_fuse is off' : 'prompt_lookup is on';
      ctx.report({
        span: (fuse && fuse.value === false ? fuse.span : pc?.span)!,
        message: `LLM node ${s.node.label}: ${why}, so each prompt must fit into one scheduler step, but max_num_batched_tokens is ${tokens ? tokens.value : 'unset (256)'}; prompts longer than that cannot be processed. Set max_num_batched_tokens to the context length (e.g. 8192).`,
      });
    }
  },
};
