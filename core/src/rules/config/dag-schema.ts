import { spanOf } from '../../json/parse';
import type { ConfigRule } from '../types';
import { dagProblems } from './dag-semantics';
import { configIndex, reportSchemaIssues, schemaIssues } from './schema-analysis';
import { valueAt } from './schema-messages';
import { servables } from './servables';

export const dagSchema: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-014',
    name: 'dag-definition-schema',
    severity: 'error',
    impact: 'startup',
    tags: ['schema', 'dag'],
    appliesTo: ['ovms-config'],
    title: 'DAG pipeline or custom node library entry is invalid',
    description:
      'Checks pipeline_config_list and custom_node_library_config_list against OVMS\'s schema: pipelines need name, nodes, inputs, outputs; nodes need name, type ("DL model" or "custom"), inputs, outputs; a custom node needs library_name and no model_name, a DL model node needs model_name and no library_name; version ≥ 1; demultiply_count between -1 and 10000; params values are strings; each input/output mapping is exactly one {"name": {"node_name", "data_item"}}; library entries are {name, base_path}. Then what OVMS validates when it builds the pipeline (impact load): unique node names other than request/response, inputs wired to existing nodes and their output aliases (or to the pipeline inputs), models served by the config and not using "auto" shape/batch, libraries that exist, gather_from_node naming a demultiplexer, no cycles, no unconnected nodes.',
    why:
      'These definitions are part of MODELS_CONFIG_SCHEMA (src/schema.cpp:41-183); a violation makes OVMS reject the whole config.json and exit, and for the node kind it logs only "#/definitions/node_config. Keyword:oneOf". The graph checks (src/dags/pipelinedefinition.cpp:299-933) run later: a failure logs "Validation of pipeline: {} definition failed." and the pipeline is not available, while the server keeps running.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [], "pipeline_config_list": [{"name": "p", "inputs": ["image"],\n  "nodes": [{"name": "n", "type": "DL model", "library_name": "lib", "inputs": [], "outputs": []}],\n  "outputs": []}]}',
      valid: '{"model_config_list": [], "pipeline_config_list": [{"name": "p", "inputs": ["image"],\n  "nodes": [{"name": "n", "type": "DL model", "model_name": "resnet", "inputs": [], "outputs": []}],\n  "outputs": []}]}',
    },
    fix: 'Give every node the keys of its type, and write params values as strings.',
  },
  check(ctx) {
    reportSchemaIssues(ctx, 'OVMS-CFG-014');
    if (ctx.doc.kind !== 'ovms-config') return;
    const ix = configIndex(ctx.doc);
    if (!Array.isArray(valueAt(ix.value, ['pipeline_config_list']))) return;
    const models = new Map<string, Record<string, unknown>>();
    for (const s of servables(ctx.doc, ctx.project).all) if (s.kind === 'model' && s.name !== undefined && !models.has(s.name)) models.set(s.name, s.config);
    const libs = valueAt(ix.value, ['custom_node_library_config_list']);
    const libraries = new Set(Array.isArray(libs) ? libs.map((l) => (l && typeof l === 'object' ? (l as Record<string, unknown>).name : undefined)).filter((n): n is string => typeof n === 'string') : []);
    // a pipeline that fails the schema never gets this far (OVMS stops at start-up): fix that first
    const broken = new Set(schemaIssues(ctx.doc).filter((i) => i.key.startsWith('/pipeline_config_list/')).map((i) => i.key.split('/')[2]));
    for (const p of dagProblems(ix, models, libraries)) {
      if (broken.has(p.pointer.split('/')[2])) continue;
      ctx.report({ span: spanOf(p.node), key: p.pointer, message: p.message, ...(p.advice ? { severity: 'warning' as const, impact: 'advice' as const } : { impact: 'load' as const }) });
    }
  },
};
