import type { ConfigDocument } from '../../documents';
import { spanOf } from '../../json/parse';
import type { ConfigRule, RuleContext } from '../types';
import { MODEL_ONLY_KEYS } from './keys';
import { isGenerativeModelDir } from './model-dir';
import { configIndex } from './schema-analysis';
import { type Servable, servables } from './servables';

export const modelOrGraph: ConfigRule = {
  target: 'config',
  meta: {
    id: 'OVMS-CFG-011',
    name: 'model-graph-mismatch',
    severity: 'warning',
    impact: 'load',
    tags: ['config', 'mediapipe'],
    appliesTo: ['ovms-config'],
    title: 'Model entry and its directory disagree about being a graph',
    description:
      'A model_config_list entry is a MediaPipe graph when its directory holds graph.pbtxt (or graph_path, or 1/graph.pbtxt), and a model otherwise. Reports: a generative model directory (openvino_model.xml, OpenVINO tokenizer, .gguf) without a graph; an entry with graph_path or subconfig whose graph file is not there (it is loaded as a model); model-only keys (target_device, plugin_config, shape, nireq, …) on an entry that is a graph, which OVMS silently ignores.',
    why:
      'OVMS looks for <base_path>/<graph_path or graph.pbtxt> before treating an entry as a model (src/modelmanager.cpp:387-423, 700-721). A generative model directory without a graph is then a classic model with no version folder: "No version found" and nothing is served (issue #3718). When a graph is found, every model-only key is dropped without a word, so e.g. target_device: GPU does not move the LLM to the GPU.',
    example: {
      language: 'json',
      invalid: '{"model_config_list": [{"config": {"name": "llm", "base_path": "models/llm", "target_device": "GPU"}}]}',
      valid: '{"model_config_list": [{"config": {"name": "llm", "base_path": "models/llm"}}]}',
    },
    fix: 'Generate graph.pbtxt for a generative model (ovms --pull --source_model <id> --model_repository_path <dir> --task text_generation, or --task ... --configure); set device and plugin options of a graph in graph.pbtxt or its subconfig.json.',
  },
  check(ctx) {
    if (ctx.doc.kind !== 'ovms-config') return;
    for (const s of servables(ctx.doc, ctx.project).all) {
      if (s.list !== 'model_config_list') continue;
      if (s.kind === 'graph') ignoredKeys(ctx, s);
      else modelWithoutGraph(ctx, s);
    }
  },
};

function ignoredKeys(ctx: RuleContext<ConfigDocument>, s: Servable): void {
  const ix = configIndex(ctx.doc);
  for (const k of MODEL_ONLY_KEYS) {
    if (!(k in s.config)) continue;
    const key = ix.nodes.get(`${s.pointer}/${k}`)?.keyNode;
    if (!key) continue;
    ctx.report({
      span: spanOf(key),
      key: `${s.pointer}/${k}`,
      impact: 'advice',
      message: `\`${k}\` is ignored: ${s.name !== undefined ? `\`${s.name}\`` : 'this entry'} is a MediaPipe graph (its base_path holds ${s.graphFile?.endsWith('/1/graph.pbtxt') ? '1/graph.pbtxt' : 'a graph file'}), and OVMS silently drops model-only keys of graph entries. Set it in graph.pbtxt (e.g. the calculator's device / plugin_config options) or in the graph's subconfig.json, and remove it here.`,
    });
  }
}

function modelWithoutGraph(ctx: RuleContext<ConfigDocument>, s: Servable): void {
  const host = ctx.project.host;
  const dir = s.resolved;
  if (dir === undefined || !host.stat(dir)?.isDirectory) return;
  const ix = configIndex(ctx.doc);
  const at = s.basePathNode ?? s.nameNode;
  if (!at) return;
  const who = s.name !== undefined ? `\`${s.name}\`` : 'This entry';
  for (const k of ['graph_path', 'subconfig'] as const) {
    const v = s.config[k];
    const n = ix.nodes.get(`${s.pointer}/${k}`)?.node;
    if (typeof v !== 'string' || !n || k === 'subconfig' && 'graph_path' in s.config) continue;
    const tried = k === 'graph_path' ? v : 'graph.pbtxt';
    ctx.report({
      span: spanOf(n),
      key: `${s.pointer}/${k}`,
      message: `${who} sets ${k}, but its base_path has no ${JSON.stringify(tried)}, so OVMS does not see a graph and loads the entry as a classic model${k === 'subconfig' ? ' (the subconfig is never read)' : ''}. Fix the path (relative to base_path) or add the graph file.`,
    });
    return;
  }
  if (isGenerativeModelDir(host, dir)) {
    ctx.report({
      span: spanOf(at),
      key: `${s.pointer}/${s.basePathNode ? 'base_path' : 'name'}`,
      message: `base_path ${JSON.stringify(s.basePath ?? '')} holds a generative model (OpenVINO GenAI files) but no graph.pbtxt: OVMS loads ${who} as a classic model, finds no numeric version folder ("No version found") and serves nothing. Create the graph, e.g. ovms --pull --source_model <model id> --model_repository_path <dir> --task text_generation, or ovms --task text_generation --model_path ... --configure.`,
    });
  }
}
