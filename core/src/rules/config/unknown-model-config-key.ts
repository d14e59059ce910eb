import type { ConfigRule } from '../types';
import { reportSchemaIssues } from './schema-analysis';

export const unknownModelConfigKey: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-003',
    name: 'unknown-model-config-key',
    severity: 'error',
    impact: 'startup',
    tags: ['schema'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'Unknown key in a model or graph entry',
    description:
      'Each model_config_list entry must be exactly {"config": {...}} and the config object may hold only name, base_path, batch_size, graph_path, subconfig, model_version_policy, shape, layout, nireq, target_device, allow_cache, plugin_config and custom_loader_options (mediapipe_config_list entries: name, base_path, graph_path, subconfig). Unknown keys get a did-you-mean; `mean`, `scale`, `color_format` and `precision` are explained as command-line-only options, `version` as unreachable. The stateful-model keys (`stateful`, `idle_sequence_cleanup`, `low_latency_transformation`, `max_sequence_number`) are left to OVMS-VER-003, which reports them only on OVMS 2026.3 or newer (older versions accept them). In subconfig.json unknown keys are warnings (OVMS ignores them there).',
    why:
      'The schema closes these objects with additionalProperties:false, so one unknown key makes OVMS reject the whole config.json and exit ("Keyword:additionalProperties Key: #/model_config_list/0/config/mean"). docs/parameters.md lists mean/scale/color_format/precision as model options although config.json refuses them, and OVMS 2026.3 removed stateful models (commit ddaeb173e), so configs that worked on 2026.2 stop loading. A subconfig.json has no working schema (src/schema.cpp:445-460): unknown keys there are silently ignored.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [\n  {"config": {"name": "resnet", "base_path": "/models/resnet", "mean": "[123.7,116.3,103.5]", "nireqs": 4}}\n]}',
      valid: '{"model_config_list": [\n  {"config": {"name": "resnet", "base_path": "/models/resnet", "nireq": 4}}\n]}',
    },
    fix: 'Remove the key or correct its spelling. Put preprocessing (mean/scale) into the model at conversion time, or serve the model with --model_path and the command-line option.',
  },
  check: (ctx) => reportSchemaIssues(ctx, 'OVMS-CFG-003'),
};
