import type { GraphRule } from '../types';
import { llmDevice, nodesOf, optNumber } from '../graph/servable-nodes';

export const llm003: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-003',
    name: 'llm-oversized-kv-cache',
    severity: 'info',
    impact: 'risk',
    tags: ['llm', 'memory'],
    appliesTo: ['mediapipe-graph'],
    title: 'Static KV cache larger than typical memory',
    description: 'Reports a static `cache_size` above 16 GB on a GPU device, or above 32 GB on any device.',
    why:
      'The KV cache is allocated up front: issue #2770 (a GPU demo with `cache_size: 8` failed; maintainers advised ~2 GB), PR #2496 ("16 maybe? For someone with 32 GBs RAM"), and PR #3738 dropped the default from 10 to 0 "to avoid OOM on hosts with limited RAM".',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  device: "GPU"\n  cache_size: 50\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  device: "GPU"\n  cache_size: 8\n}',
    },
    fix: 'Size cache_size to the memory of the target device (watch the "Cache usage" log lines), or use a lower KV cache precision.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const c = optNumber(s, 'cache_size');
      if (!c) continue;
      const gpu = /GPU/.test(llmDevice(s) ?? '');
      const limit = gpu ? 16 : 32;
      if (c.value <= limit) continue;
      ctx.report({
        span: c.span,
        message: `LLM node ${s.node.label} allocates a static ${c.value} GB KV cache${gpu ? ' on GPU' : ''}, above the ${limit} GB most ${gpu ? 'GPUs' : 'hosts'} can spare; the servable fails to load or starves the host. Lower cache_size to what the device can hold.`,
      });
    }
  },
};
