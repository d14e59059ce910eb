import type { EngineRule } from '../types';

export const syntaxJson: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-SYNTAX-JSON',
    name: 'json-syntax',
    severity: 'error',
    impact: 'startup',
    tags: ['syntax'],
    appliesTo: ['ovms-config', 'subconfig', 'settings'],
    aliases: ['OVMS-CFG-001'],
    title: 'config.json is not strict JSON',
    description:
      'Reports every place where a config.json or subconfig.json is not strict JSON as OVMS parses it: comments, trailing commas, single-quoted strings, a byte order mark, NaN or Infinity, leading zeros, raw control characters in strings, unbalanced brackets. The parser keeps going after an error, so all of them are shown at once.',
    why:
      'OVMS reads config.json with RapidJSON\'s default (strict) flags. Any of these makes it log "Configuration file is not a valid JSON file" and exit at start-up; on a hot reload the whole new configuration is ignored. In a subconfig.json the graph\'s models are not loaded. The official example in docs/mediapipe.md itself carries a trailing comma.',
    example: {
      language: 'json',
      invalid: '{\n  // models\n  "model_config_list": [\n    {"config": {"name": "resnet", "base_path": "/models/resnet"}},\n  ]\n}',
      valid: '{\n  "model_config_list": [\n    {"config": {"name": "resnet", "base_path": "/models/resnet"}}\n  ]\n}',
    },
    fix: 'Remove comments and trailing commas, use double quotes, save as UTF-8 without BOM. Safe fixes are offered for comments, trailing commas and the BOM.',
  },
};
