import type { ConfigDocument, JsonNode } from '../../documents';
import { spanOf } from '../../json/parse';
import type { SourceFile } from '../../text/source';
import type { ConfigRule, RuleContext } from '../types';
import { configIndex } from './schema-analysis';
import { valueAt } from './schema-messages';
import { type Servable, servables } from './servables';

interface Named {
  name: string;
  what: 'model' | 'graph' | 'pipeline';
  node: JsonNode;
  file: SourceFile;
  key: string;
}

export const servableNames: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-008',
    name: 'duplicate-servable-name',
    severity: 'error',
    impact: 'load',
    tags: ['config', 'cross-file'],
    appliesTo: ['ovms-config', 'subconfig'],
    title: 'Duplicate or colliding servable names',
    description:
      'Servable names must be unique across models (including the models of graph subconfigs), DAG pipelines and MediaPipe graphs (mediapipe_config_list entries and model_config_list entries whose directory holds a graph). A name repeated within one kind is a warning (OVMS loads the first); a pipeline or graph that reuses a model\'s name, or a graph that reuses a pipeline\'s, is an error (it is not loaded).',
    why:
      'OVMS logs "Duplicated model names: {} defined in config file. Only first definition will be loaded." (src/modelmanager.cpp:748-752), the same for pipelines and graphs, and rejects a pipeline or graph whose name is taken ("Pipeline name: {} is already occupied by model or mediapipe graph.", PIPELINE_NAME_OCCUPIED; MEDIAPIPE_GRAPH_NAME_OCCUPIED). Models load first, then pipelines, then graphs, so the later kind loses. The server keeps running without it.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "resnet", "base_path": "/models/resnet"}}],\n "pipeline_config_list": [{"name": "resnet", "inputs": ["in"], "nodes": [], "outputs": []}]}',
      valid: '{"model_config_list": [{"config": {"name": "resnet", "base_path": "/models/resnet"}}],\n "pipeline_config_list": [{"name": "resnet_pipeline", "inputs": ["in"], "nodes": [], "outputs": []}]}',
    },
    fix: 'Give every model, pipeline and graph its own name.',
  },
  check(ctx) {
    const all = servables(ctx.doc, ctx.project).all;
    const named = (what: Named['what'], list: Servable[]): Named[] =>
      list.flatMap((s) => (s.name !== undefined && s.nameNode ? [{ name: s.name, what, node: s.nameNode, file: ctx.file, key: `${s.pointer}/name` }] : []));
    const models = named('model', all.filter((s) => s.kind === 'model'));
    // graphs: mediapipe_config_list is parsed before the graph entries of model_config_list
    const graphList = [...all.filter((s) => s.list === 'mediapipe_config_list'), ...all.filter((s) => s.list === 'model_config_list' && s.kind === 'graph')];
    const graphs = named('graph', graphList);
    const pipelines = named('pipeline', all.filter((s) => s.kind === 'pipeline'));
    if (ctx.doc.kind === 'ovms-config') models.push(...subconfigModels(ctx, graphList));

    const firstOf = new Map<string, Named>();
    const clash = (n: Named, other: Named, message: string, severity?: 'warning') =>
      ctx.report({
        span: spanOf(n.node),
        key: n.key,
        message,
        ...(n.file !== ctx.file ? { file: n.file } : {}),
        ...(severity ? { severity } : {}),
        related: [{ file: other.file.path, span: spanOf(other.node), message: `\`${other.name}\` is first defined here (${other.what})` }],
      });
    for (const n of [...models, ...pipelines, ...graphs]) {
      const first = firstOf.get(n.name);
      if (!first) {
        firstOf.set(n.name, n);
        continue;
      }
      if (first.what === n.what) {
        const what = n.what === 'graph' ? 'mediapipe' : n.what;
        clash(n, first, `Duplicate ${n.what} name \`${n.name}\`: OVMS logs "Duplicated ${what} names: ${n.name} defined in config file. Only first ${n.what === 'graph' ? 'graph' : 'definition'} will be loaded." and ignores this one. Rename it or remove the duplicate.`, 'warning');
      } else if (n.what === 'pipeline') {
        clash(n, first, `Pipeline name \`${n.name}\` is already used by a ${first.what}: OVMS does not load this pipeline ("Pipeline name: ${n.name} is already occupied by model or mediapipe graph.", PIPELINE_NAME_OCCUPIED). Rename the pipeline.`);
      } else {
        clash(n, first, `Graph name \`${n.name}\` is already used by a ${first.what}: OVMS does not load this graph ("Mediapipe graph name: ${n.name} is already occupied by model or pipeline.", MEDIAPIPE_GRAPH_NAME_OCCUPIED). Rename the graph or the ${first.what}.`);
      }
    }
  },
};

/** Models of the graphs' subconfig.json files, which OVMS loads after the config's own models. */
function subconfigModels(ctx: RuleContext<ConfigDocument>, graphs: Servable[]): Named[] {
  const out: Named[] = [];
  const seen = new Set<string>();
  for (const g of graphs) {
    if (!g.subconfig || seen.has(g.subconfig) || !ctx.project.host.stat(g.subconfig)?.isFile) continue;
    seen.add(g.subconfig);
    const doc = ctx.project.load(g.subconfig, 'subconfig');
    if (!doc || doc.kind !== 'subconfig' || !doc.root) continue;
    const ix = configIndex(doc);
    const list = valueAt(ix.value, ['model_config_list']);
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const ptr = `/model_config_list/${i}/config/name`;
      const name = valueAt(ix.value, ['model_config_list', String(i), 'config', 'name']);
      const node = ix.nodes.get(ptr)?.node;
      if (typeof name === 'string' && node) out.push({ name, what: 'model', node, file: doc.file, key: ptr });
    });
  }
  return out;
}
