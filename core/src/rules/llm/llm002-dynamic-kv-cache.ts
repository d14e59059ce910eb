import type { GraphRule } from '../types';
import { isNpu, nodesOf, optionsAnchor, optNumber } from '../graph/servable-nodes';

export const llm002: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-002',
    name: 'llm-unbounded-kv-cache',
    severity: 'warning',
    impact: 'risk',
    tags: ['llm', 'dos', 'memory'],
    cwe: 770,
    appliesTo: ['mediapipe-graph'],
    title: 'Dynamic KV cache without a memory bound',
    description:
      'Reports an LLM node whose `cache_size` is 0 or absent (dynamic KV cache) — the cache then grows with concurrent sequences and context length. NPU servables (which ignore cache_size) are skipped.',
    why:
      'OVMS docs (llm/reference.md §Caching settings): "The dynamic allocation … could lead however to consuming all available RAM"; performance_tuning.md: static sizing "is safer when you need hard memory limits". Without a container memory limit the host itself runs out of memory.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  cache_size: 0\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  cache_size: 8\n}',
    },
    fix: 'Set a static `cache_size` in GB sized to the RAM/VRAM you can spare, or run the container with a memory limit.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      if (!s.payload || isNpu(s)) continue;
      const c = optNumber(s, 'cache_size');
      if (c && c.value > 0) continue;
      const seqs = optNumber(s, 'max_num_seqs')?.value ?? 256;
      ctx.report({
        span: c?.span ?? optionsAnchor(s),
        message: `LLM node ${s.node.label} uses a dynamic KV cache (cache_size ${c ? '0' : 'unset, default 0'}) with up to ${seqs} concurrent sequences; OVMS docs warn it can consume all available RAM. Set a static cache_size in GB, or make sure the container has a memory limit.`,
      });
    }
  },
};
