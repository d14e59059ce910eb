import { commandRule, flag } from './define';

export const cli016 = commandRule(
  {
    id: 'OVMS-CLI-016',
    name: 'conversion-flags-misplaced',
    severity: 'error',
    impact: 'startup',
    tags: ['cli', 'pull'],
    title: '`--weight-format`/`--extra_quantization_params` where OVMS does not convert',
    description:
      'Reports `--weight-format` and `--extra_quantization_params` with an `OpenVINO/…` source (already converted), or outside the pull/task modes; with `--gguf_filename` they are silently ignored (warning).',
    why: 'OVMS refuses to start with "--weight-format parameter unsupported for OpenVINO models." or, outside pull/task modes, "--weight-format parameter unsupported for Openvino huggingface organization models." (src/cli_parser.cpp:789-815,905-910). With a GGUF download no check fires and the flag does nothing (reference ovms-config.md §3.4).',
    example: { language: 'shell', invalid: 'ovms --pull --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --weight-format int4', valid: 'ovms --pull --source_model Qwen/Qwen3-8B --model_repository_path /models --task text_generation --weight-format int4' },
    fix: 'Drop the flag for `OpenVINO/…` and GGUF sources; use it only with `--pull`/`--source_model` of a model that needs converting.',
  },
  (ctx, cmd, a) => {
    if (a.mode === 'help' || a.opaque) return;
    const src = a.str('source_model');
    for (const name of ['weight-format', 'extra_quantization_params']) {
      for (const u of cmd.args.byName.get(name) ?? []) {
        if (a.has('gguf_filename')) {
          ctx.report({ span: u.span, key: name, severity: 'warning', impact: 'advice', message: `${flag(name)} is silently ignored with \`--gguf_filename\`: the GGUF file is downloaded as is. Remove it.` });
        } else if (a.taskMode === false) {
          ctx.report({ span: u.span, key: name, message: `${flag(name)} is only for converting a model in the pull/task modes: OVMS refuses to start ("--${name} parameter unsupported for Openvino huggingface organization models."). Remove it.` });
        } else if (src && /^openvino\//i.test(src)) {
          ctx.report({ span: u.span, key: name, message: `${flag(name)} with \`${src}\`, a model already converted to OpenVINO: OVMS refuses to start ("--${name} parameter unsupported for OpenVINO models."). Remove it, or pull the original model to convert it.` });
        }
      }
    }
  },
);
