import type { GraphRule } from '../types';
import { nodesOf, optNumber, pluginConfig } from '../graph/servable-nodes';

export const llm011: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-011',
    name: 'llm-kv-cache-precision',
    severity: 'info',
    impact: 'advice',
    tags: ['llm', 'memory'],
    appliesTo: ['mediapipe-graph'],
    title: 'Large static KV cache at full precision',
    description:
      'Reports an LLM node with a static `cache_size` of 8 GB or more whose `plugin_config` does not lower `KV_CACHE_PRECISION` (e.g. to `u8`). (The command-line side of this rule — `--kv_cache_precision` together with `KV_CACHE_PRECISION` in `--plugin_config` — is checked with the command lines.)',
    why: 'OVMS docs (parameters.md): a `u8` KV cache "lowers the cache size consumption"; the demos use `{"KV_CACHE_PRECISION": "u8", "DYNAMIC_QUANTIZATION_GROUP_SIZE": "32"}`, and the long-context demo `u4`. A large static cache at full precision holds memory the same sequences could fit in a fraction of.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  cache_size: 16\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  cache_size: 16\n  plugin_config: \'{"KV_CACHE_PRECISION": "u8"}\'\n}',
    },
    fix: 'Add `"KV_CACHE_PRECISION": "u8"` to plugin_config (check accuracy), or lower cache_size.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const c = optNumber(s, 'cache_size');
      if (!c || c.value < 8) continue;
      const pc = pluginConfig(s);
      const p = pc?.value['KV_CACHE_PRECISION'];
      if (typeof p === 'string' && /^(u8|u4|i8|i4)$/i.test(p)) continue;
      ctx.report({ span: c.span, message: `LLM node ${s.node.label} reserves a static ${c.value} GB KV cache at ${typeof p === 'string' ? p : 'full'} precision; \`"KV_CACHE_PRECISION": "u8"\` in plugin_config roughly halves the memory per token.` });
    }
  },
};
