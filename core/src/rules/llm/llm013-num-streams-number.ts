import { SERVABLE_CALCULATORS } from '../../graph/calculators';
import type { GraphRule } from '../types';
import { versionAtLeast } from '../graph/graph012-removed-calculator';
import { pluginConfig, servableNodes } from '../graph/servable-nodes';

export const llm013: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-013',
    name: 'num-streams-as-number',
    severity: 'warning',
    impact: 'load',
    tags: ['llm', 'plugin-config', 'version'],
    appliesTo: ['mediapipe-graph'],
    title: 'NUM_STREAMS given as a JSON number in plugin_config',
    description: 'Reports `"NUM_STREAMS": 1` (a number) in a GenAI node\'s plugin_config. Error-prone before OVMS 2025.2 (warning); newer versions convert it (info).',
    why: 'Issue #3224: "Invalid value: 1 for property: NUM_STREAMS" on GPU with 2025.1 — the property expects a string; since 2025.2 OVMS converts numbers to strings (`src/json_parser.cpp:36-45`).',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.EmbeddingsCalculatorOVOptions]: {\n  models_path: "./"\n  plugin_config: \'{"NUM_STREAMS": 1}\'\n}',
      valid: '[type.googleapis.com / mediapipe.EmbeddingsCalculatorOVOptions]: {\n  models_path: "./"\n  plugin_config: \'{"NUM_STREAMS": "1"}\'\n}',
    },
    fix: 'Quote the value: `"NUM_STREAMS": "1"`.',
  },
  check(ctx) {
    const old = !versionAtLeast(ctx.options.ovmsVersion, '2025.2');
    for (const s of servableNodes(ctx.doc)) {
      if (s.kind === SERVABLE_CALCULATORS[6]) continue;
      const pc = pluginConfig(s);
      const v = pc?.value['NUM_STREAMS'];
      if (typeof v !== 'number') continue;
      ctx.report({
        span: pc!.span,
        severity: old ? 'warning' : 'info',
        impact: old ? 'load' : 'advice',
        message: old
          ? `plugin_config of node ${s.node.label} gives NUM_STREAMS as the number ${v}; OVMS ${ctx.options.ovmsVersion} passes it through and OpenVINO rejects it ("Invalid value: ${v} for property: NUM_STREAMS"). Write "NUM_STREAMS": "${v}".`
          : `plugin_config of node ${s.node.label} gives NUM_STREAMS as the number ${v}; OVMS ${ctx.options.ovmsVersion} converts it, but releases before 2025.2 fail to load it. Write "NUM_STREAMS": "${v}" to stay portable.`,
      });
    }
  },
};
