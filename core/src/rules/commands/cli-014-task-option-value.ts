import { isKnown } from '../../flags/words';
import { didYouMeanSuffix } from '../../text/suggest';
import { commandRule } from './define';

/** Exact-value checks of the task parsers and Config::validate (reference §3.5). */
const VALUE_MESSAGES: Record<string, (v: string) => string> = {
  task: (v) => `error parsing options - --task parameter unsupported value: ${v}`,
  pipeline_type: (v) => `pipeline_type: ${v} is not allowed. Supported types: LM, LM_CB, VLM, VLM_CB, OMNI, AUTO`,
  enable_prefix_caching: (v) => `enable_prefix_caching: ${v} is not allowed. Supported values: true, false`,
  dynamic_split_fuse: (v) => `dynamic_split_fuse: ${v} is not allowed. Supported values: true, false`,
  normalize: (v) => `normalize: ${v} is not allowed. Supported values: true, false`,
  truncate: (v) => `truncate: ${v} is not allowed. Supported values: true, false`,
  pooling: () => 'Only CLS, LAST and MEAN pooling modes are supported',
  reasoning_parser: (v) => `Unsupported reasoning_parser: "${v}"`,
  tool_parser: (v) => `Unsupported tool_parser: "${v}"`,
  model_type: () => '--model_type must be one of: speecht5, kokoro',
};

/** `--target_device` for text_generation (src/config.cpp:207-227). */
function textGenerationDeviceOk(v: string): boolean {
  return v === '' || ['CPU', 'GPU', 'NPU', 'AUTO'].includes(v) || /^GPU\.\d+$/.test(v) || v.startsWith('HETERO') || v.startsWith('AUTO');
}

export const cli014 = commandRule(
  {
    id: 'OVMS-CLI-014',
    name: 'task-option-value',
    severity: 'error',
    impact: 'startup',
    tags: ['cli', 'llm'],
    title: 'Task option with a value OVMS refuses',
    description:
      'Checks the values of `--task` and the task options: `--pipeline_type` (LM, LM_CB, VLM, VLM_CB, OMNI, AUTO), `--target_device` for text_generation (CPU, GPU, NPU, AUTO, GPU.<n>, HETERO…/AUTO…), `--enable_prefix_caching`/`--dynamic_split_fuse`/`--normalize`/`--truncate` (exactly true/false), `--pooling`, `--reasoning_parser`, `--tool_parser`, `--model_type`, the WxH resolutions of image generation and its counts that must be above 0.',
    why: 'Config::validate() and the task parsers stop start-up with messages such as "pipeline_type: X is not allowed. Supported types: …", "target_device: X is not allowed. Supported devices: CPU, GPU, NPU, HETERO, AUTO", "enable_prefix_caching: X is not allowed. Supported values: true, false" (src/config.cpp:194-257, src/graph_export/*_cli_parser.cpp; reference ovms-config.md §3.5). `MULTI:…` and `NPU.0` are rejected for text generation.',
    example: { language: 'shell', invalid: 'ovms --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --pipeline_type CB', valid: 'ovms --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --pipeline_type LM_CB' },
    fix: 'Use one of the values listed in the message (they are case-sensitive).',
  },
  (ctx, cmd, a) => {
    if (a.mode === 'help') return;
    for (const u of cmd.args.uses) {
      if (!u.value || !isKnown(u.value)) continue;
      const v = u.value.value;
      const def = u.def;
      if (!def) continue;
      const span = u.value.span;
      const key = u.name;
      const msg = VALUE_MESSAGES[u.name];
      if (msg && def.values && !def.values.includes(v)) {
        if (def.group === 'task' && a.task && def.tasks && !def.tasks.includes(a.task)) continue; // CLI-010
        ctx.report({ span, key, message: `\`--${u.name} ${v}\` is not accepted: OVMS refuses to start ("${msg(v)}"). Allowed: ${def.values.join(', ')}.${didYouMeanSuffix(v, def.values)}` });
        continue;
      }
      if (u.name === 'target_device' && a.task === 'text_generation' && !textGenerationDeviceOk(v)) {
        ctx.report({ span, key, message: `\`--target_device ${v}\` is not accepted for text generation: OVMS refuses to start ("target_device: ${v} is not allowed. Supported devices: CPU, GPU, NPU, HETERO, AUTO"). Use CPU, GPU, GPU.<n>, NPU, AUTO or HETERO:….` });
        continue;
      }
      if ((u.name === 'max_resolution' || u.name === 'default_resolution') && !/^\d+x\d+$/.test(v)) {
        ctx.report({ span, key, message: `\`--${u.name} ${v}\`: OVMS refuses to start ("Invalid ${u.name} format. Expected WxH, e.g., 1024x1024").` });
        continue;
      }
      if (def.min === 1 && def.group === 'task' && /^0+$/.test(v)) {
        ctx.report({ span, key, message: `\`--${u.name} 0\`: OVMS refuses to start ("${u.name} must be greater than 0").` });
      }
    }
  },
);
