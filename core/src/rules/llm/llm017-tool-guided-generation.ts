import type { GraphRule } from '../types';
import { nodesOf, optBool, optString } from '../graph/servable-nodes';

export const llm017: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-017',
    name: 'llm-tool-guided-without-parser',
    severity: 'warning',
    impact: 'request',
    tags: ['llm', 'tools'],
    appliesTo: ['mediapipe-graph'],
    title: 'Tool-guided generation enabled without a tool parser',
    description: 'Reports `enable_tool_guided_generation: true` on an LLM node that sets no `tool_parser` (or `none`).',
    why: 'OVMS docs (parameters.md): tool-guided generation "Requires setting tool parser"; OVMS does not enforce it and silently disables guidance when no schema can be loaded (llm/reference.md), so tool calls come back unconstrained.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  enable_tool_guided_generation: true\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  enable_tool_guided_generation: true\n  tool_parser: "hermes3"\n}',
    },
    fix: 'Set the `tool_parser` matching the model, or turn tool-guided generation off.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const g = optBool(s, 'enable_tool_guided_generation');
      if (!g?.value) continue;
      const p = optString(s, 'tool_parser')?.value;
      if (p && p !== 'none') continue;
      ctx.report({ span: g.span, message: `LLM node ${s.node.label} enables tool-guided generation without a tool_parser; OVMS silently generates unguided tool calls. Set tool_parser (e.g. "hermes3") for the model.` });
    }
  },
};
