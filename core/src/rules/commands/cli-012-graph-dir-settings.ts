import { graphInModelDir } from './deployment-link';
import { commandRule, flag } from './define';

const ALLOWED = new Set(['model_name', 'model_path', 'plugin_config']);

export const cli012 = commandRule(
  {
    id: 'OVMS-CLI-012',
    name: 'graph-directory-settings',
    severity: 'error',
    impact: 'startup',
    tags: ['cli', 'graph', 'cross-file'],
    title: 'Graph directory started with model settings',
    description: 'Reports `--model_path` pointing at a graph directory — its host directory, found by following the volume mount (or the path itself for `ovms` on this machine), holds graph.pbtxt or the model-mesh `1/graph.pbtxt` — together with model settings other than `--model_name`, `--model_path` and `--plugin_config`.',
    why: 'OVMS exits with "Starting mediapipe graph with unsupported model settings: … The settings should be set in subconfig.json file." (src/modelmanager.cpp:425-450).',
    example: { language: 'shell', invalid: 'docker run -v ./models:/models:ro openvino/model_server:2026.3 --model_name llm --model_path /models/llm --rest_port 8000 --target_device GPU', valid: 'docker run -v ./models:/models:ro openvino/model_server:2026.3 --model_name llm --model_path /models/llm --rest_port 8000' },
    fix: 'Put the settings into the graph (node options) or its subconfig.json; keep only `--model_name`, `--model_path`, `--plugin_config`.',
  },
  (ctx, cmd, a) => {
    if (a.mode !== 'serving' || a.has('config_path')) return;
    const mp = a.str('model_path');
    if (!mp) return;
    const bad = cmd.args.uses.filter((u) => u.def?.group === 'model' && !ALLOWED.has(u.name));
    if (!bad.length) return;
    const graph = graphInModelDir(ctx.project, ctx.file.path, cmd, mp);
    if (!graph) return;
    for (const u of bad) {
      ctx.report({ span: u.span, key: u.name, related: ['hostFile' in graph ? { file: graph.hostFile, span: { start: 0, end: 0 }, message: 'the graph served from --model_path' } : { file: ctx.file.path, span: graph.mount.span, message: 'this volume puts graph.pbtxt into --model_path' }], message: `\`--model_path ${mp}\` is a graph directory (it holds ${graph.inside}), which takes no ${flag(u.name)}: OVMS exits with "Starting mediapipe graph with unsupported model settings". Set it in the graph or its subconfig.json.` });
    }
  },
);
