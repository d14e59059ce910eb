import { commandRule } from './define';

export const dos001 = commandRule(
  {
    id: 'OVMS-DOS-001',
    name: 'grpc-thread-cap',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'grpc'],
    cwe: 770,
    title: 'gRPC thread cap disabled or inflated',
    description: 'Reports `--grpc_max_threads 0` (no cap, warning) and values above 8 × the CPU cores (the `cores` setting; info).',
    why: 'The default is cores × 8 (src/config.cpp:46); 0 skips SetMaxThreads (src/grpcservermodule.cpp:151-162), so a flood of gRPC calls creates threads without bound until the server runs out of memory.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --grpc_max_threads 0', valid: 'ovms --config_path /models/config.json --port 9000' },
    fix: 'Leave the default, or size it to the expected clients.',
  },
  (ctx, _cmd, a) => {
    const v = a.uint('grpc_max_threads');
    if (typeof v !== 'number' || !a.serves) return;
    const span = a.use('grpc_max_threads')!.value!.span;
    const cap = 8 * ctx.options.cores;
    if (v === 0) ctx.report({ span, key: 'grpc_max_threads', message: '`--grpc_max_threads 0` removes the gRPC thread cap: a burst of calls makes OVMS create threads without limit until it runs out of memory. Leave the default (8 × cores) or set a bound.' });
    else if (v > cap) ctx.report({ span, key: 'grpc_max_threads', severity: 'info', message: `\`--grpc_max_threads ${v}\` is above 8 × ${ctx.options.cores} cores (the \`cores\` setting) = ${cap}: more threads than the machine can run only add memory and contention under load. Leave the default or size it to your clients.` });
  },
);
