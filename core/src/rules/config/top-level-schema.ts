import type { ConfigRule } from '../types';
import { reportSchemaIssues } from './schema-analysis';

export const topLevelSchema: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-002',
    name: 'config-top-level-schema',
    severity: 'error',
    impact: 'startup',
    tags: ['schema'],
    appliesTo: ['ovms-config'],
    title: 'config.json top level does not match the OVMS schema',
    description:
      'Checks the top level of config.json against the schema OVMS 2026.3 enforces at load: it must be an object with `model_config_list` (an array, may be empty) and no keys other than model_config_list, mediapipe_config_list, pipeline_config_list, custom_node_library_config_list, custom_loader_config_list and monitoring. Also checks the custom_loader_config_list entries ({"config": {loader_name, library_path, loader_config_file}}) and reports duplicated top-level keys.',
    why:
      'OVMS validates config.json against MODELS_CONFIG_SCHEMA (src/schema.cpp) before loading anything; a violation logs "Configuration file is not in valid configuration format" and the server exits at start-up (on a hot reload the new file is ignored). Duplicate keys are not a JSON error for RapidJSON: it keeps every copy, the C++ reads only the first (a warning at each later copy), yet the schema validation checks every copy, so a later copy that breaks the schema rejects the whole file (an error inside that copy, from the rule owning that key), and in an object limited to one member (a model_config_list entry, model_version_policy, monitoring) the second copy alone fails the schema.',
    example: {
      language: 'json',
      invalid: '{\n  "models": [\n    {"config": {"name": "resnet", "base_path": "/models/resnet"}}\n  ]\n}',
      valid: '{\n  "model_config_list": [\n    {"config": {"name": "resnet", "base_path": "/models/resnet"}}\n  ]\n}',
    },
    fix: 'Rename or remove the unknown key; add "model_config_list": [] when the file only serves graphs or pipelines.',
  },
  check: (ctx) => reportSchemaIssues(ctx, 'OVMS-CFG-002'),
};
