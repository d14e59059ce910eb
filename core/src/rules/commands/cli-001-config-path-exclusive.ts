import { isKnown } from '../../flags/words';
import { commandRule, flag } from './define';

const EXCLUSIVE = ['batch_size', 'shape', 'nireq', 'model_version_policy', 'target_device', 'plugin_config'];
const IGNORED = ['layout', 'mean', 'scale', 'color_format', 'precision'];

export const cli001 = commandRule(
  {
    id: 'OVMS-CLI-001',
    name: 'config-path-exclusive',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--config_path` combined with single-model flags',
    description:
      'Reports `--config_path` together with `--model_name`/`--model_path`, or with the model parameters `--batch_size`, `--shape`, `--nireq` (non-zero), `--model_version_policy`, `--target_device` (non-empty) and `--plugin_config`. `--layout`, `--mean`, `--scale`, `--color_format` and `--precision` are not refused but silently ignored with a config file (warning).',
    why: 'Config::validate() refuses to start: "Use either config_path or model_path with model_name" and "Model parameters in CLI are exclusive with the config file" (src/config.cpp:273-286). The layout/preprocessing flags are missing from that check, so OVMS starts and drops them (reference ovms-config.md §3.6, §7 item 12).',
    example: {
      language: 'shell',
      invalid: 'ovms --config_path /models/config.json --target_device GPU --rest_port 8000',
      valid: 'ovms --config_path /models/config.json --rest_port 8000   # target_device set in config.json',
    },
    fix: 'Move the model settings into the model entry of config.json, or serve a single model with `--model_name` and `--model_path` and no `--config_path`.',
  },
  (ctx, cmd, a) => {
    if (!a.has('config_path') || !(a.mode === 'serving' || a.mode === 'in_memory_graph' || a.mode === 'pull_and_start')) return;
    for (const name of ['model_name', 'model_path']) {
      for (const u of cmd.args.byName.get(name) ?? []) {
        ctx.report({ span: u.span, key: name, message: `${flag(name)} cannot be used with \`--config_path\`: OVMS refuses to start ("Use either config_path or model_path with model_name"). Serve the model through config.json, or drop \`--config_path\`.` });
      }
    }
    for (const name of EXCLUSIVE) {
      for (const u of cmd.args.byName.get(name) ?? []) {
        const v = u.value && isKnown(u.value) ? u.value.value : undefined;
        if (name === 'nireq' && v !== undefined && /^0+$|^0x0+$/.test(v)) continue;
        if (name === 'target_device' && v === '') continue;
        ctx.report({ span: u.span, key: name, message: `${flag(name)} is a model parameter and cannot be combined with \`--config_path\`: OVMS refuses to start ("Model parameters in CLI are exclusive with the config file"). Set it in the model's entry of config.json.` });
      }
    }
    for (const name of IGNORED) {
      for (const u of cmd.args.byName.get(name) ?? []) {
        ctx.report({ span: u.span, key: name, severity: 'warning', impact: 'load', message: `${flag(name)} is silently ignored together with \`--config_path\`: OVMS starts but does not apply it to any model. Remove it (config.json has \`layout\`; mean/scale/color_format/precision exist only for a single model on the command line).` });
      }
    }
  },
);
