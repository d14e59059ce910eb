import { atLeast } from './analysis';
import { commandRule } from './define';

export const cli005 = commandRule(
  {
    id: 'OVMS-CLI-005',
    name: 'rest-workers-range',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--rest_workers` out of range or without `--rest_port`',
    description:
      'Reports `--rest_workers` above 10000, above (open-files limit − 15) / 6 on Linux (the `nofile` setting), or set while `--rest_port` is unset. Values 0 and 1 are a usage error before OVMS 2026.2 and silently raised to 2 since (info).',
    why: 'Config::validate(): "rest_workers count should be from 2 to 10000", "rest_workers count cannot be larger than N due to open files limit", "rest_workers is set but rest_port is not set" (src/config.cpp:332-348); PR #4108 added the open-files bound after a 400-core node with ulimit 1024 failed; since 2026.2 `Config::restWorkers()` = max(2, value) (src/config.cpp:406).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --rest_workers 8', valid: 'ovms --config_path /models/config.json --port 9000 --rest_port 8000 --rest_workers 8' },
    fix: 'Set `--rest_port`, keep the value between 2 and 10000, and raise the open-files limit (`docker run --ulimit nofile=65536:65536`) for large values.',
  },
  (ctx, _cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph' && a.mode !== 'pull_and_start') return;
    const v = a.uint('rest_workers');
    if (typeof v !== 'number') return;
    const span = a.use('rest_workers')!.value!.span;
    const key = 'rest_workers';
    if (v > 10000) {
      ctx.report({ span, key, message: `\`--rest_workers ${v}\` is above 10000: OVMS refuses to start ("rest_workers count should be from 2 to 10000").` });
      return;
    }
    const limit = Math.floor((ctx.options.nofile - 15) / 6);
    if (!a.windows && v > limit) {
      ctx.report({ span, key, message: `\`--rest_workers ${v}\` is above ${limit}, what an open-files limit of ${ctx.options.nofile} (the \`nofile\` setting) allows: OVMS refuses to start ("rest_workers count cannot be larger than ${limit} due to open files limit"). Lower it or raise the limit (\`--ulimit nofile=…\`).` });
      return;
    }
    if (v < 2) {
      if (atLeast(a, '2026.2')) ctx.report({ span, key, severity: 'info', impact: 'advice', message: `\`--rest_workers ${v}\` is silently raised to 2 by OVMS ${a.version} (a usage error before 2026.2). Write 2 or more to say what runs.` });
      else ctx.report({ span, key, message: `\`--rest_workers ${v}\` is below 2: OVMS ${a.version} refuses to start ("rest_workers count should be from 2 to 10000"). Use 2 or more.` });
      return;
    }
    if (a.port('rest_port') === 0 && !a.opaque) {
      ctx.report({ span: a.use('rest_workers')!.span, key, message: '`--rest_workers` is set but `--rest_port` is not: OVMS refuses to start ("rest_workers is set but rest_port is not set. rest_port is required to start rest servers"). Add `--rest_port` or drop `--rest_workers`.' });
    }
  },
);
