import type { ConfigRule } from '../types';
import { reportSchemaIssues } from './schema-analysis';

export const pluginConfigTypes: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-004',
    name: 'plugin-config-value-type',
    severity: 'error',
    impact: 'startup',
    tags: ['schema'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'plugin_config value is not a string, boolean or number',
    description:
      'Every value of a model\'s plugin_config must be a string, a boolean or a number. Arrays, null and nested objects are reported; a nested DEVICE_PROPERTIES object gets its own explanation, because OVMS\'s parser supports it but config.json\'s schema does not.',
    why:
      'src/schema.cpp:227-234 declares each plugin_config value as anyOf string|boolean|number, so an array, null or object makes OVMS reject the whole config.json and exit. The C++ parser (src/json_parser.cpp:80-118) and docs/llm/reference.md use a nested DEVICE_PROPERTIES object for NPU, which works only with --plugin_config on the command line, in a graph\'s subconfig.json or in graph.pbtxt.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "plugin_config": {"DEVICE_PROPERTIES": {"NPU": {"NPU_USE_NPUW": "YES"}}}}}]}',
      valid: '{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m",\n  "plugin_config": {"NPU_USE_NPUW": "YES"}}}]}',
    },
    fix: 'Write each value as a string, boolean or number; move per-device properties to the top level of plugin_config, or into a subconfig.json / the command line.',
  },
  check: (ctx) => reportSchemaIssues(ctx, 'OVMS-CFG-004'),
};
