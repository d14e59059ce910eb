import { commandRule } from './define';

export const dos007 = commandRule(
  {
    id: 'OVMS-DOS-007',
    name: 'auto-shape-reload',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'deprecated'],
    title: '`--shape auto` / `--batch_size auto` (deprecated, reloads per request shape)',
    description: 'Reports `--shape auto` and `--batch_size auto` on the command line.',
    why: 'OVMS logs "Batch size auto is deprecated" / "Shape auto is deprecated" (src/modelconfig.cpp:199,461) and reloads the model whenever a request has a new shape: clients can keep it reloading, and with a model cache every shape is written to disk ("could potentially cause disk space overloading", docs/model_cache.md).',
    example: { language: 'shell', invalid: 'ovms --model_name m --model_path /models/m --port 9000 --shape auto', valid: 'ovms --model_name m --model_path /models/m --port 9000 --shape "(1,3,-1,-1)"' },
    fix: 'Use dynamic dimensions (`-1` or ranges) in `--shape`.',
  },
  (ctx, _cmd, a) => {
    if (a.mode === 'help') return;
    for (const name of ['shape', 'batch_size']) {
      if (a.str(name) !== 'auto') continue;
      ctx.report({ span: a.use(name)!.span, key: name, message: `\`--${name} auto\` is deprecated: OVMS reloads the model for every new request shape, so clients can keep it busy reloading${a.has('cache_dir') ? ' and fill the model cache' : ''}. Use dynamic dimensions instead, e.g. \`--shape "(1,3,-1,-1)"\`.` });
    }
  },
);
