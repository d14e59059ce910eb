import { commandRule } from './define';

export const cli002 = commandRule(
  {
    id: 'OVMS-CLI-002',
    name: 'no-model-source',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: 'Serving without `--config_path` or `--model_name` + `--model_path`',
    description:
      'Reports an OVMS command line that starts the server (not `--pull`, `--list_models`, `--add_to_config`/`--remove_from_config`, `--configure`, `--help`/`--version`, nor `--source_model`, which derives both) with neither `--config_path` nor both `--model_name` and `--model_path`.',
    why: 'Config::validate() stops with "Use config_path or model_path with model_name" (src/config.cpp:277-279): OVMS needs to know what to serve. In the in-memory graph mode (`--task` with `--model_path`) `--model_name` is still required (reference ovms-config.md §3.6).',
    example: {
      language: 'shell',
      invalid: 'ovms --model_path /models/resnet --port 9000',
      valid: 'ovms --model_name resnet --model_path /models/resnet --port 9000',
    },
    fix: 'Add `--config_path /path/config.json`, or both `--model_name NAME` and `--model_path PATH`.',
  },
  (ctx, cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph') return;
    if (a.opaque || a.has('config_path')) return;
    if (a.has('model_name') && a.has('model_path')) return;
    const missing = a.has('model_path') ? '`--model_name`' : a.has('model_name') ? '`--model_path`' : '`--config_path` (or `--model_name` with `--model_path`)';
    ctx.report({ span: cmd.anchor, message: `This OVMS command has no ${missing}: OVMS refuses to start ("Use config_path or model_path with model_name") because it does not know what to serve. Add ${missing}.` });
  },
);
