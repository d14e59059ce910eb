import { commandRule } from './define';

function bytesOf(mem: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)?$/i.exec(mem.trim());
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
  return Number(m[1]) * mult[m[2]!.toLowerCase()]!;
}

export const dos002 = commandRule(
  {
    id: 'OVMS-DOS-002',
    name: 'grpc-memory-quota',
    severity: 'warning',
    impact: 'risk',
    tags: ['dos', 'grpc'],
    cwe: 770,
    title: 'gRPC memory quota disabled or above the memory limit',
    description: 'Reports `--grpc_memory_quota 0` and a quota larger than the container memory limit.',
    why: 'The quota (default 2 GiB, src/config.cpp:47) bounds the memory gRPC uses for requests (ResourceQuota::Resize, src/grpcservermodule.cpp:156-158); "Value 0 invalidates the quota", and a quota above the container limit lets the kernel kill OVMS before gRPC pushes back.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --port 9000 --grpc_memory_quota 0', valid: 'ovms --config_path /models/config.json --port 9000 --grpc_memory_quota 1073741824' },
    fix: 'Keep it at most 2 GiB and below the memory limit.',
  },
  (ctx, cmd, a) => {
    const v = a.uint('grpc_memory_quota');
    if (typeof v !== 'number' || !a.serves) return;
    const span = a.use('grpc_memory_quota')!.value!.span;
    if (v === 0) {
      ctx.report({ span, key: 'grpc_memory_quota', message: '`--grpc_memory_quota 0` turns the gRPC memory quota off: large or many concurrent requests can take all the memory and get OVMS killed. Keep the default 2 GiB or set a bound below the memory limit.' });
      return;
    }
    const lim = cmd.container?.memory?.value;
    const bytes = lim ? bytesOf(lim) : undefined;
    if (bytes !== undefined && v > bytes) ctx.report({ span, key: 'grpc_memory_quota', message: `\`--grpc_memory_quota ${v}\` is above the container memory limit (${lim}): the kernel kills OVMS before gRPC starts refusing requests. Set the quota below the limit.` });
  },
);
