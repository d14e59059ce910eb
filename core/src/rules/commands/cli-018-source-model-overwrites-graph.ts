import { isKnown } from '../../flags/words';
import { graphInModelDir, shownPath } from './deployment-link';
import { commandRule } from './define';

export const cli018 = commandRule(
  {
    id: 'OVMS-CLI-018',
    name: 'source-model-overwrites-graph',
    severity: 'warning',
    impact: 'risk',
    tags: ['cli', 'graph', 'cross-file'],
    title: '`--source_model` starts an already-pulled model and rewrites its graph.pbtxt',
    description: 'Reports `--source_model` (without `--pull`) when the model\'s folder — `--model_path`, else `<--model_repository_path>/<source_model>` (or `OVMS_MODEL_REPOSITORY_PATH`), followed through the volume mounts to this machine or to a Kubernetes ConfigMap — already holds graph.pbtxt.',
    why: 'Starting with `--source_model` always creates or updates graph.pbtxt from the command-line options ("While using --source_model - it will always create or update graph.pbtxt", openvinotoolkit/model_server PR #4317; issue #4178): settings edited by hand in the pulled graph are silently replaced at every start.',
    example: {
      language: 'shell',
      invalid: 'docker run -v ./models:/models openvino/model_server:2026.3 --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000',
      valid: 'docker run -v ./models:/models openvino/model_server:2026.3 --model_name Qwen3-8B --model_path /models/OpenVINO/Qwen3-8B-int4-ov --rest_port 8000',
    },
    fix: 'Pull once (`--pull`), then start the pulled folder with `--model_path <folder> --model_name <name>` or list it in a config.json started with `--config_path`.',
  },
  (ctx, cmd, a) => {
    if (a.mode !== 'pull_and_start') return;
    const u = a.use('source_model');
    const source = a.str('source_model');
    if (!u || !source) return;
    const env = a.env('OVMS_MODEL_REPOSITORY_PATH')?.value;
    const repo = a.has('model_repository_path') ? a.str('model_repository_path') : env && isKnown(env) ? env.value : undefined;
    const folder = a.str('model_path') ?? (repo ? `${repo.replace(/[\\/]+$/, '')}/${source}` : undefined);
    if (!folder || a.unknown('model_path')) return;
    const graph = graphInModelDir(ctx.project, ctx.file.path, cmd, folder);
    if (!graph) return;
    const where = 'hostFile' in graph ? `\`${shownPath(ctx.file.path, graph.hostFile)}\` on the host` : 'a graph.pbtxt from the volume mounted there';
    ctx.report({
      span: u.span,
      key: 'source_model',
      related: ['hostFile' in graph ? { file: graph.hostFile, span: { start: 0, end: 0 }, message: 'the graph --source_model rewrites at start' } : { file: ctx.file.path, span: graph.mount.span, message: 'this volume provides the graph --source_model rewrites' }],
      message: `\`${folder}\` is already pulled (it holds ${where}), and starting with \`--source_model\` makes OVMS create or update graph.pbtxt from the command line at every start: changes made to that graph by hand are overwritten. Start the pulled folder instead: \`--model_path ${folder} --model_name <name>\`, or list it in a config.json and use \`--config_path\`.`,
    });
  },
);
