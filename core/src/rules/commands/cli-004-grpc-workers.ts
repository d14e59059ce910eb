import { commandRule } from './define';

export const cli004 = commandRule(
  {
    id: 'OVMS-CLI-004',
    name: 'grpc-workers-range',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--grpc_workers` outside 1..CPU cores (1 on Windows)',
    description:
      'Reports `--grpc_workers` below 1 or above the CPU core count of the serving machine (the `cores` setting, default 8), and any value but 1 on Windows (`ovms.exe`).',
    why: 'Config::validate() refuses to start with "grpc_workers count should be from 1 to CPU core count : N", and on Windows "grpcWorkers count can only be set to 1 on Windows" (src/config.cpp:287-290,350-353). Inside Docker the core count is the CPU affinity/quota of the container (reference ovms-config.md §3.8).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --grpc_workers 64', valid: 'ovms --config_path /models/config.json --port 9000 --grpc_workers 2' },
    fix: 'Use a value from 1 to the number of cores OVMS gets (1 on Windows); set the `cores` option when the serving machine differs from the default of 8.',
  },
  (ctx, _cmd, a) => {
    if (a.mode !== 'serving' && a.mode !== 'in_memory_graph' && a.mode !== 'pull_and_start') return;
    const v = a.uint('grpc_workers');
    if (typeof v !== 'number') return;
    const span = a.use('grpc_workers')!.value!.span;
    if (a.windows && v !== 1) {
      ctx.report({ span, key: 'grpc_workers', message: `\`--grpc_workers ${v}\` on Windows: OVMS refuses to start ("grpcWorkers count can only be set to 1 on Windows"). Remove the flag or use 1.` });
    } else if (v < 1 || v > ctx.options.cores) {
      ctx.report({ span, key: 'grpc_workers', message: `\`--grpc_workers ${v}\` is outside 1..${ctx.options.cores} (CPU cores of the serving machine, the \`cores\` setting): OVMS refuses to start ("grpc_workers count should be from 1 to CPU core count : ${ctx.options.cores}"). Use a value from 1 to ${ctx.options.cores}.` });
    }
  },
);
