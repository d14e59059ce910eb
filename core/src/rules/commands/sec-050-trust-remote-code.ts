import { commandRule } from './define';

export const sec050 = commandRule(
  {
    id: 'OVMS-SEC-050',
    name: 'conversion-runs-remote-code',
    severity: 'warning',
    impact: 'exposure',
    tags: ['security', 'supply-chain', 'pull'],
    cwe: 494,
    title: 'Pulling with conversion runs the model repository\'s code',
    description: 'Reports `--pull`/`--source_model` of a model outside the `OpenVINO/` organisation, without `--gguf_filename`, with `--weight-format` or `--extra_quantization_params`, for a task other than image_generation.',
    why: 'This selects the optimum-cli download (src/cli_parser.cpp:807-809), whose export commands carry `--trust-remote-code` (src/pull_module/optimum_export.cpp:40-108): Python code shipped in the Hugging Face repository runs inside the OVMS container. demos/common/export_models/README.md warns the option "allows model-provided Python code to run on your machine".',
    example: { language: 'shell', invalid: 'ovms --pull --source_model someone/custom-llm --model_repository_path /models --task text_generation --weight-format int4', valid: 'ovms --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation' },
    fix: 'Use pre-converted `OpenVINO/…` models or GGUF, or convert offline in a sandbox with a pinned revision.',
  },
  (ctx, _cmd, a) => {
    if (a.mode !== 'pull' && a.mode !== 'pull_and_start') return;
    const src = a.str('source_model') ?? (a.mode === 'pull' ? a.str('model_name') : undefined);
    if (!src || /^openvino\//i.test(src) || a.has('gguf_filename') || a.str('task') === 'image_generation') return;
    const u = a.use('weight-format') ?? a.use('extra_quantization_params');
    if (!u) return;
    ctx.report({ span: u.span, key: u.name, message: `Converting \`${src}\` makes OVMS run optimum-cli with \`--trust-remote-code\`: Python code from that Hugging Face repository runs in your container, with its network and mounts. Prefer a pre-converted \`OpenVINO/…\` model or GGUF, or convert offline in a sandbox with a pinned revision.` });
  },
);
