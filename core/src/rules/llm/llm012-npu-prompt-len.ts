import type { GraphRule } from '../types';
import { isNpu, nodesOf, optString, pluginConfig } from '../graph/servable-nodes';

export const llm012: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-012',
    name: 'llm-npu-prompt-len-placement',
    severity: 'warning',
    impact: 'load',
    tags: ['llm', 'npu'],
    appliesTo: ['mediapipe-graph'],
    title: 'MAX_PROMPT_LEN at the top level of plugin_config on an NPU VLM',
    description: 'For an LLM node on NPU with a VLM pipeline (`pipeline_type: VLM` or `VLM_CB`), reports `MAX_PROMPT_LEN` given at the top level of plugin_config instead of under `DEVICE_PROPERTIES.NPU`.',
    why: 'A VLM runs its vision encoder on another device, which rejects the NPU-only property: "Unsupported property MAX_PROMPT_LEN by CPU plugin" (openvinotoolkit/openvino#34167, openvino.genai#3366). OVMS docs use `{"DEVICE_PROPERTIES": {"NPU": {"MAX_PROMPT_LEN": 2048}}}`.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  device: "NPU"\n  pipeline_type: VLM\n  plugin_config: \'{"MAX_PROMPT_LEN": 2048}\'\n}',
      valid: '[type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n  models_path: "./"\n  device: "NPU"\n  pipeline_type: VLM\n  plugin_config: \'{"DEVICE_PROPERTIES": {"NPU": {"MAX_PROMPT_LEN": 2048}}}\'\n}',
    },
    fix: 'Move MAX_PROMPT_LEN under `DEVICE_PROPERTIES.NPU` in plugin_config.',
  },
  check(ctx) {
    for (const s of nodesOf(ctx.doc, 'HttpLLMCalculator')) {
      const pt = optString(s, 'pipeline_type')?.value;
      if (!isNpu(s) || (pt !== 'VLM' && pt !== 'VLM_CB')) continue;
      const pc = pluginConfig(s);
      if (!pc || !('MAX_PROMPT_LEN' in pc.value)) continue;
      ctx.report({ span: pc.span, message: `LLM node ${s.node.label} (NPU, ${pt}) sets MAX_PROMPT_LEN at the top level of plugin_config; the VLM's other devices reject it ("Unsupported property MAX_PROMPT_LEN by CPU plugin"). Write \`{"DEVICE_PROPERTIES": {"NPU": {"MAX_PROMPT_LEN": …}}}\`.` });
    }
  },
};
