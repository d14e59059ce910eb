import { didYouMeanSuffix } from '../../text/suggest';
import type { GraphRule } from '../types';
import { nodesOf, optString } from '../graph/servable-nodes';

/** `parser_config_validation.cpp:24-51` (OVMS snapshot 7e4df0c). */
export const TOOL_PARSERS = ['llama3', 'hermes3', 'phi4', 'mistral', 'gptoss', 'qwen3coder', 'devstral', 'lfm2', 'gemma4', 'onyx', 'minicpm5', 'none'];
export const REASONING_PARSERS = ['qwen3', 'gemma4', 'gptoss', 'onyx', 'minicpm5', 'lfm2', 'none'];

export const llm009: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-009',
    name: 'llm-unknown-parser',
    severity: 'error',
    impact: 'load',
    tags: ['llm', 'tools'],
    appliesTo: ['mediapipe-graph'],
    title: 'Unknown tool_parser or reasoning_parser',
    description: `Checks \`tool_parser\` against ${TOOL_PARSERS.join(', ')} and \`reasoning_parser\` against ${REASONING_PARSERS.join(', ')}.`,
    why: 'OVMS validates parser names when the servable loads (`parser_config_validation.cpp:24-51`, `servable_initializer.cpp:147-160`); an unknown name fails the graph load. The lists grow between versions.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  tool_parser: "hermes"\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  tool_parser: "hermes3"\n}',
    },
    fix: 'Use a parser name OVMS knows (matching the model family), or remove the option.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      for (const [field, known] of [['tool_parser', TOOL_PARSERS], ['reasoning_parser', REASONING_PARSERS]] as const) {
        const v = optString(s, field);
        if (!v || known.includes(v.value)) continue;
        ctx.report({ span: v.span, message: `${field} "${v.value}" of LLM node ${s.node.label} is not one OVMS knows (${known.join(', ')}); the graph fails to load.${didYouMeanSuffix(v.value, known)}` });
      }
    }
  },
};
