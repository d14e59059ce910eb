import type { ConfigRule } from '../types';
import { reportSchemaIssues } from './schema-analysis';

export const dagSchema: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-014',
    name: 'dag-definition-schema',
    severity: 'error',
    impact: 'startup',
    tags: ['schema', 'dag'],
    appliesTo: ['ovms-config'],
    title: 'DAG pipeline or custom node library entry does not match the OVMS schema',
    description:
      'Checks pipeline_config_list and custom_node_library_config_list against OVMS\'s schema: pipelines need name, nodes, inputs, outputs; nodes need name, type ("DL model" or "custom"), inputs, outputs; a custom node needs library_name and no model_name, a DL model node needs model_name and no library_name; version ≥ 1; demultiply_count between -1 and 10000; params values are strings; each input/output mapping is exactly one {"name": {"node_name", "data_item"}}; library entries are {name, base_path}.',
    why:
      'These definitions are part of MODELS_CONFIG_SCHEMA (src/schema.cpp:41-183); a violation makes OVMS reject the whole config.json and exit, and for the node kind it logs only "#/definitions/node_config. Keyword:oneOf".',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [], "pipeline_config_list": [{"name": "p", "inputs": ["image"],\n  "nodes": [{"name": "n", "type": "DL model", "library_name": "lib", "inputs": [], "outputs": []}],\n  "outputs": []}]}',
      valid: '{"model_config_list": [], "pipeline_config_list": [{"name": "p", "inputs": ["image"],\n  "nodes": [{"name": "n", "type": "DL model", "model_name": "resnet", "inputs": [], "outputs": []}],\n  "outputs": []}]}',
    },
    fix: 'Give every node the keys of its type, and write params values as strings.',
  },
  check: (ctx) => reportSchemaIssues(ctx, 'OVMS-CFG-014'),
};
