import { commandRule, flag } from './define';

export const cli011 = commandRule(
  {
    id: 'OVMS-CLI-011',
    name: 'preprocessing-needs-layout',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--mean`/`--scale`/`--color_format`/`--precision` without `--layout`',
    description: 'Reports the preprocessing flags without `--layout` (not checked by OVMS with `--add_to_config`).',
    why: 'Preparing the single-model settings throws "error parsing options - --mean parameter requires --layout to be set" (same for scale, color_format, precision) and OVMS exits with a usage error (src/cli_parser.cpp:675-705).',
    example: { language: 'shell', invalid: 'ovms --model_name resnet --model_path /models/resnet --port 9000 --mean "[123.675,116.28,103.53]"', valid: 'ovms --model_name resnet --model_path /models/resnet --port 9000 --layout NHWC:NCHW --mean "[123.675,116.28,103.53]"' },
    fix: 'Add `--layout`, e.g. `--layout NHWC:NCHW`.',
  },
  (ctx, cmd, a) => {
    if (a.mode === 'help' || a.mode === 'modify_config' || a.has('layout') || a.opaque) return;
    for (const name of ['mean', 'scale', 'color_format', 'precision']) {
      for (const u of cmd.args.byName.get(name) ?? []) {
        ctx.report({ span: u.span, key: name, message: `${flag(name)} requires \`--layout\`: OVMS exits with "error parsing options - --${name} parameter requires --layout to be set". Add the model's layout, e.g. \`--layout NHWC:NCHW\`.` });
      }
    }
  },
);
