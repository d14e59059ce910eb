import { commandRule } from './define';

export const dos013 = commandRule(
  {
    id: 'OVMS-DOS-013',
    name: 'grpc-servers-env',
    severity: 'info',
    impact: 'advice',
    tags: ['grpc'],
    title: '`GRPC_SERVERS` overrides `--grpc_workers`',
    description: 'Reports the `GRPC_SERVERS` environment variable.',
    why: 'A value above 0 replaces `--grpc_workers` at runtime (src/grpcservermodule.cpp:76-86) and bypasses its 1..cores validation (OVMS-CLI-004).',
    example: { language: 'shell', invalid: 'docker run -e GRPC_SERVERS=32 openvino/model_server:2026.3 --config_path /models/config.json --port 9000', valid: 'docker run openvino/model_server:2026.3 --config_path /models/config.json --port 9000 --grpc_workers 2' },
    fix: 'Use `--grpc_workers` instead.',
  },
  (ctx, _cmd, a) => {
    const e = a.env('GRPC_SERVERS');
    if (!e) return;
    ctx.report({ span: e.span, key: 'GRPC_SERVERS', message: `\`GRPC_SERVERS\` replaces \`--grpc_workers\`${a.has('grpc_workers') ? ' given on this command line' : ''} and is not checked against the core count. Use \`--grpc_workers\` so OVMS validates it.` });
  },
);
