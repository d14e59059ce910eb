import { commandRule } from './define';

export const dos004 = commandRule(
  {
    id: 'OVMS-DOS-004',
    name: 'rest-workers-oversized',
    severity: 'info',
    impact: 'risk',
    tags: ['dos'],
    title: 'REST worker count far above the cores',
    description: 'Reports `--rest_workers` above 4 × the CPU cores (the `cores` setting). Hard limits are OVMS-CLI-005.',
    why: 'Drogon runs that many threads for the unary pool and as many for streaming (src/config.cpp:50, src/drogon_http_server.cpp:35-41,127); "--rest_workers can limit the number of concurrent requests … reduce it to prevent server overload" (docs/performance_tuning.md).',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --rest_workers 512', valid: 'ovms --config_path /models/config.json --rest_port 8000' },
    fix: 'Leave the default (min(cores, open-files bound)) or size it to the expected concurrency.',
  },
  (ctx, _cmd, a) => {
    const v = a.uint('rest_workers');
    if (typeof v !== 'number' || !a.serves || v > 10000) return;
    if (v <= 4 * ctx.options.cores) return;
    ctx.report({ span: a.use('rest_workers')!.value!.span, key: 'rest_workers', message: `\`--rest_workers ${v}\` is far above the ${ctx.options.cores} cores (the \`cores\` setting): OVMS runs ${v} unary and ${v} streaming threads, so a burst of requests overloads the server instead of queueing. Leave the default or size it to the expected concurrency.` });
  },
);
